// The printable report alone, in seconds (no Evidence build): `tsx test/print-dev.ts OUT [WAREHOUSE]`
// writes OUT/index.html and, where Chromium is installed, OUT/bao-cao.pdf (without WAREHOUSE: the fixture).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasChromium, printPdf } from '../src/chromium.ts';
import { writePublicData } from '../src/public-data.ts';
import { printReportHtml } from '../src/print-report.ts';
import { writeFixtureWarehouse } from './fixture.ts';

const out = resolve(process.argv[2] ?? join(tmpdir(), 'reports-print'));
const dir = await mkdtemp(join(tmpdir(), 'reports-print-'));
try {
  const warehouse = process.argv[3] ? resolve(process.argv[3]) : join(dir, 'warehouse.duckdb');
  if (!process.argv[3]) await writeFixtureWarehouse(warehouse);
  const run = { runId: 'dev', builtAt: new Date().toISOString(), sourcesDir: dir, manifestPath: join(dir, 'run-manifest.json') };
  const data = await writePublicData(warehouse, join(dir, 'public.duckdb'), dir, run);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'index.html'), printReportHtml(data, run, { pdfHref: hasChromium() ? 'bao-cao.pdf' : null }));
  if (hasChromium()) await printPdf(join(out, 'index.html'), join(out, 'bao-cao.pdf'));
  console.log(`${out}/index.html${hasChromium() ? ' and bao-cao.pdf' : ''}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
