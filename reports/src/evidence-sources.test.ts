import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '@dtts/db';
import { writeFixtureWarehouse } from '../test/fixture.ts';
import { makeWorkCopy, runEvidence } from './evidence.ts';
import { writeEvidenceSources } from './evidence-sources.ts';
import { writePublicData } from './public-data.ts';

// Evidence's own `evidence sources` and ours, on the same public database: the same files, the same
// column types, the same rows in the same order.
let dir: string;
let theirs: string;
let ours: string;
const run = { runId: 'test-run', builtAt: '2026-01-31T20:05:00Z', sourcesDir: '/x/sources', manifestPath: '/x/run-manifest.json' };
const data = (work: string) => join(work, '.evidence', 'template', 'static', 'data');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-evidence-sources-'));
  await writeFixtureWarehouse(join(dir, 'warehouse.duckdb'));
  await writePublicData(join(dir, 'warehouse.duckdb'), join(dir, 'public.duckdb'), dir, run);
  const stamp = `${process.pid}-${Date.now()}`;
  // One at a time, so afterAll knows the first if making the second fails.
  theirs = await makeWorkCopy(`sources-cli-${stamp}`);
  ours = await makeWorkCopy(`sources-ours-${stamp}`);
  for (const work of [theirs, ours]) await copyFile(join(dir, 'public.duckdb'), join(work, 'public.duckdb'));
  await runEvidence(theirs, ['sources']);
  expect(await writeEvidenceSources(ours, join(ours, 'public.duckdb'))).toBe(true);
}, 120_000);
afterAll(async () => {
  for (const d of [dir, theirs, ours]) if (d) await rm(d, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe('the pub source written by our DuckDB', () => {
  it('writes the files evidence sources writes: the manifest and every schema the same text', async () => {
    const files = await filesUnder(data(theirs));
    expect(files.filter((f) => f.endsWith('.parquet')).length).toBeGreaterThan(15);
    expect(await filesUnder(data(ours))).toEqual(files);
    for (const f of files.filter((name) => name.endsWith('.json'))) {
      expect(await readFile(join(data(ours), f), 'utf8'), f).toBe(await readFile(join(data(theirs), f), 'utf8'));
    }
  });

  it('writes every table with the same Parquet types and the same rows in the same order', async () => {
    const tables = (await filesUnder(data(theirs))).filter((f) => f.endsWith('.parquet'));
    await withDb(':memory:', async (db) => {
      for (const t of tables) {
        const read = (work: string) => `read_parquet('${join(data(work), t)}', file_row_number = true)`;
        const [a, b] = [read(theirs), read(ours)];
        const types = async (from: string) => (await db.all<{ column_name: string; column_type: string }>(`describe select * from ${from}`))
          .map((c) => `${c.column_name} ${c.column_type}`);
        expect(await types(b), t).toEqual(await types(a));
        const count = await db.one<{ n: number }>(`select count(*)::INTEGER as n from ${a}`);
        expect(count!.n, t).toBeGreaterThan(0);
        // Row for row, in file order; NULLs equal to NULLs.
        const differing = await db.one<{ n: number }>(`select count(*)::INTEGER as n from ${a} as x full join ${b} as y using (file_row_number)
          where x is distinct from y`);
        expect(differing!.n, t).toBe(0);
      }
    });
  });

  it('leaves a project it does not reproduce to the CLI, writing nothing', async () => {
    const other = await makeWorkCopy(`sources-other-${process.pid}-${Date.now()}`);
    try {
      await copyFile(join(dir, 'public.duckdb'), join(other, 'public.duckdb'));
      // A column type this does not write (a date) makes the whole source the CLI's.
      await writeFile(join(other, 'sources', 'pub', 'zz_dated.sql'), `select current_date as today`);
      expect(await writeEvidenceSources(other, join(other, 'public.duckdb'))).toBe(false);
      expect(existsSync(data(other))).toBe(false);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
