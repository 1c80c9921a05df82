// Builds the site by hand: `tsx test/build-dev.ts OUT [WAREHOUSE]` (without WAREHOUSE: the fixture).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildReports } from '../src/index.ts';
import { writeFixtureWarehouse } from './fixture.ts';

const out = resolve(process.argv[2] ?? join(tmpdir(), 'reports-dev-site'));
const dir = await mkdtemp(join(tmpdir(), 'reports-dev-'));
try {
  const warehouse = process.argv[3] ? resolve(process.argv[3]) : join(dir, 'warehouse.duckdb');
  if (!process.argv[3]) await writeFixtureWarehouse(warehouse);
  const result = await buildReports({
    warehousePath: warehouse,
    siteDir: out,
    run: { runId: 'dev', builtAt: new Date().toISOString(), sourcesDir: dir, manifestPath: join(dir, 'run-manifest.json') },
    onProgress: (m) => console.log(m),
  });
  console.log(result);
} finally {
  await rm(dir, { recursive: true, force: true });
}
