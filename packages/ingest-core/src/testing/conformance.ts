// The conformance suite every connector runs (like Meltano's tap tests): the declaration is
// complete, its fixtures ingest into a real DuckDB, every file reconciles, the quarantine is
// exactly what the fixtures' expected.json says, and no personal value reaches the warehouse.
import { isMessageCode } from '@dtts/messages';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import type { Connector } from '../contract.ts';
import { ingest, type IngestResult } from '../engine.ts';
import { readTableFile } from '../read/index.ts';

export interface Expected {
  files: Record<string, { read: number; loaded: number; quarantined: number; skipped: number; warnings?: string[] }>;
  /** `code`: the finding's code (@dtts/messages); `reason`: text its English wording contains. */
  quarantine: { file: string; row: number; column: string; action: 'row_rejected' | 'value_blanked'; code?: string; reason?: string }[];
  failures?: string[];
  /** Files of the fixtures folder that must be ignored with a warning. */
  ignored?: string[];
}

/** `fixturesDir` is a sources folder (`<dir>/<connector id>/<year>/…`) with an `expected.json` beside the connector folder. */
export function describeConnector(connector: Connector, fixturesDir: string): void {
  describe(`connector ${connector.id}: declaration`, () => {
    it('describes every table and column, with Vietnamese aliases', () => {
      expect(connector.title.length).toBeGreaterThan(0);
      expect(connector.owner.length).toBeGreaterThan(0);
      expect(connector.referenceDate(2024)).toMatch(/^2024-\d\d-\d\d$/);
      for (const table of connector.tables) {
        expect(table.description, table.name).not.toBe('');
        for (const [name, column] of Object.entries(table.columns)) {
          expect(column.description, `${table.name}.${name}`).not.toBe('');
          expect(column.aliases.length, `${table.name}.${name} has aliases`).toBeGreaterThan(0);
        }
      }
    });
  });

  describe(`connector ${connector.id}: fixtures`, () => {
    let db: Db;
    let result: IngestResult;
    let expected: Expected;
    const load = async () => {
      if (result) return;
      expected = JSON.parse(await readFile(join(fixturesDir, 'expected.json'), 'utf8')) as Expected;
      db = await Db.open();
      result = await ingest({ db, sourcesDir: fixturesDir, connectors: [connector], hashKey: 'test-key' });
    };
    // Ingesting the fixtures takes seconds on a busy machine: once, outside any single test's timeout.
    beforeAll(load, 120_000);

    it('ingests with exactly the expected failures', async () => {
      await load();
      expect(result.failures.map((f) => f.message)).toEqual(expected.failures ?? []);
    });

    it('reconciles every file: read = loaded + quarantined + skipped, as expected', async () => {
      await load();
      const got = Object.fromEntries(
        result.files.map((f) => [f.file, { read: f.rowsRead, loaded: f.rowsLoaded, quarantined: f.rowsQuarantined, skipped: f.rowsSkipped }]),
      );
      const want = Object.fromEntries(Object.entries(expected.files).map(([f, c]) => [f, { read: c.read, loaded: c.loaded, quarantined: c.quarantined, skipped: c.skipped }]));
      expect(got).toEqual(want);
      for (const f of result.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsQuarantined + f.rowsSkipped);
    });

    it('ignores, with a warning naming them, the files that are not the source\'s', async () => {
      await load();
      expect(result.warnings.map((w) => w.file).sort()).toEqual([...(expected.ignored ?? [])].sort());
    });

    it('records the expected warnings per file', async () => {
      await load();
      for (const [file, want] of Object.entries(expected.files)) {
        const got = result.files.find((f) => f.file === file)?.warnings ?? [];
        for (const w of want.warnings ?? []) expect(got.some((g) => g.includes(w)), `${file}: warning containing "${w}" in ${JSON.stringify(got)}`).toBe(true);
      }
    });

    it('quarantines exactly the expected rows and values, with file, row, column and reason', async () => {
      await load();
      const rows = await db.all<{ file: string; row: number; column: string; action: string; reason: string; code: string }>(
        `SELECT file, "row", "column", action, reason, code FROM ingest.quarantine ORDER BY file, "row", "column"`,
      );
      const got = rows.map(({ file, row, column, action }) => ({ file, row, column, action }));
      const want = expected.quarantine.map(({ file, row, column, action }) => ({ file, row, column, action })).sort(
        (a, b) => a.file.localeCompare(b.file) || a.row - b.row || a.column.localeCompare(b.column),
      );
      expect(got).toEqual(want);
      for (const w of expected.quarantine.filter((q) => q.reason || q.code)) {
        const match = rows.find((r) => r.file === w.file && r.row === w.row && r.column === w.column);
        if (w.code) expect(match?.code, `${w.file} row ${w.row}`).toBe(w.code);
        if (w.reason) expect(match?.reason, `${w.file} row ${w.row}`).toContain(w.reason);
      }
      // Every finding is a code of the catalogue, worded from it (never a sentence made elsewhere).
      for (const r of rows) expect(isMessageCode(r.code), `${r.file} row ${r.row}: ${r.code}`).toBe(true);
    });

    it('lets no personal value into the warehouse, and masks it in the quarantine', async () => {
      await load();
      const personal = await personalValues(connector, result);
      // A source without personal columns (a village survey) has none to plant.
      const declaresPersonal = connector.tables.some((t) => Object.values(t.columns).some((c) => c.type.pii));
      if (declaresPersonal) expect(personal.size, 'the fixtures contain personal values to look for').toBeGreaterThan(0);
      const tables = await db.all<{ schema: string; name: string; column: string }>(
        `SELECT table_schema AS schema, table_name AS name, column_name AS column FROM information_schema.columns
         WHERE table_schema = 'ingest' AND data_type = 'VARCHAR'`,
      );
      for (const t of tables) {
        const values = await db.all<{ v: string }>(`SELECT DISTINCT "${t.column}" AS v FROM ingest."${t.name}" WHERE "${t.column}" IS NOT NULL`);
        const leaked = values.filter((x) => personal.has(x.v));
        expect(leaked, `${t.name}.${t.column}`).toEqual([]);
      }
    });
  });
}

/** Personal values in the fixture files, read the way the engine reads them. */
async function personalValues(connector: Connector, result: IngestResult): Promise<Set<string>> {
  const values = new Set<string>();
  for (const f of result.files) {
    const table = connector.tables.find((t) => t.name === f.table);
    if (!table) continue;
    const path = join(resultDir(result, f.file));
    const rows = await readTableFile(path, f.file, f.file.endsWith('.csv') ? 'csv' : 'xlsx', table);
    rows.columns.forEach((name, i) => {
      if (!table.columns[name]?.type.pii) return;
      for (const r of rows.rows) {
        const v = r.cells[i];
        if (v && v.length > 4) values.add(v.normalize('NFC'));
      }
    });
  }
  return values;
}

function resultDir(result: IngestResult, file: string): string {
  return join(result.sourcesDir, file);
}
