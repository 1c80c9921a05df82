// DuckDB's read_csv fast path and the JavaScript reader must load exactly the same rows, line
// numbers, quarantine and counts: checked on the generated sample, whose CSV files exercise BOMs,
// both delimiters, title rows, footers and blank lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest, type IngestResult } from '@dtts/ingest-core';
import { generateSample } from '@dtts/sample';
import { connectors } from './connectors.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-fastcsv-'));
const sources = join(work, 'sources');
const dbs: Record<'fast' | 'js', Db> = {} as never;
const results: Partial<Record<'fast' | 'js', IngestResult>> = {};

beforeAll(async () => {
  await generateSample({ dir: sources, scale: 0.02, years: [2021, 2025] });
  for (const mode of ['fast', 'js'] as const) {
    dbs[mode] = await Db.open();
    results[mode] = await ingest({ db: dbs[mode], sourcesDir: sources, connectors, hashKey: 'same-key-for-both', fastCsv: mode === 'fast' });
  }
}, 300_000);
afterAll(() => {
  for (const db of Object.values(dbs)) db.close();
  rmSync(work, { recursive: true, force: true });
});

it('reads most CSV files through DuckDB', () => {
  const csv = results.fast!.files.filter((f) => f.file.endsWith('.csv'));
  expect(csv.filter((f) => f.notes.includes('read by DuckDB')).length).toBeGreaterThan(csv.length / 2);
});

it('gives the same counts per file either way', () => {
  const counts = (r: IngestResult) => r.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded, f.rowsQuarantined, f.rowsSkipped, f.warnings]);
  expect(counts(results.fast!)).toEqual(counts(results.js!));
});

it('loads the same rows and quarantines the same values either way', async () => {
  const tables = await dbs.fast.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'ingest' AND table_name <> 'files' ORDER BY 1`);
  expect(tables.length).toBeGreaterThan(5);
  for (const { name } of tables) {
    const sql = `SELECT * FROM ingest."${name}" ORDER BY ALL`;
    const [fast, js] = [await dbs.fast.all(sql), await dbs.js.all(sql)];
    expect(fast.length, name).toBe(js.length);
    expect(fast, name).toEqual(js);
  }
}, 60_000); // every ingest table of two warehouses, row by row: seconds on a busy machine
