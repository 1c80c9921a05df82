// The previous year's lists, read through the real engine: villages (with their commune), the
// rows a referenced table held (schools), and whole tables declared `prefillRows`. Only columns
// that are not personal are ever read back: names are never loaded, ids only as hashes.
import { randomBytes } from 'node:crypto';
import { Db, quoteIdent as q } from '@dtts/db';
import { ingest, type Choice, type Connector, type TableSpec } from '@dtts/ingest-core';
import { resolveCommune } from '@dtts/reference';

export type LoadedRow = Record<string, string | null>;

export interface PreviousYear {
  year: number;
  /** Files of that year read through the engine. */
  files: number;
  /** Distinct values of a `previousValues` column over every table declaring it, with the commune beside when the table has one. */
  values(column: string): Choice[];
  /** Distinct values of a column of a referenced `prefillRows` table (`ma_truong` of `truong`), with its first required text column beside. */
  referenced(connector: Connector, table: string, column: string): Choice[];
  /** The loaded rows of a table declared `prefillRows`, in file and row order. */
  rows(connector: Connector, table: string): LoadedRow[];
}

/** The loaded column that holds the commune, when a table has one (declared by `communeColumns`). */
const COMMUNE = 'commune_code';

export async function readPreviousYear(opts: { sourcesDir: string; connectors: readonly Connector[]; year: number; formYear: number }): Promise<PreviousYear> {
  const { year } = opts;
  // Communes beside villages are named as the units in force when the form is filled.
  const formReferenceDate = `${opts.formYear}-12-31`;
  const needed = opts.connectors.filter((c) => c.tables.some((t) => t.prefillRows || t.references?.length || Object.values(t.columns).some((col) => col.previousValues)));
  const db = await Db.open();
  const values = new Map<string, Map<string, Choice>>();
  const referenced = new Map<string, Choice[]>();
  const rows = new Map<string, LoadedRow[]>();
  let files = 0;
  try {
    // The hashes are never read back: a throwaway key keeps them unlinkable.
    const result = await ingest({ db, sourcesDir: opts.sourcesDir, connectors: needed, years: [year], hashKey: randomBytes(16).toString('hex') });
    files = result.files.length;
    const communeName = (code: string | null) => {
      if (code === null) return undefined;
      const r = resolveCommune({ code }, formReferenceDate);
      return r.ok ? r.name : undefined;
    };
    for (const connector of needed) {
      for (const table of connector.tables) {
        const from = `ingest.${q(connector.warehouseTable(table.name))}`;
        const loaded = new Set((await db.all<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'ingest' AND table_name = ?`, [connector.warehouseTable(table.name)],
        )).map((r) => r.column_name));
        for (const [name, column] of Object.entries(table.columns)) {
          if (!column.previousValues || column.type.pii || !loaded.has(name)) continue;
          const commune = loaded.has(COMMUNE) ? q(COMMUNE) : 'NULL';
          const found = await db.all<{ value: string; commune: string | null }>(
            `SELECT DISTINCT ${q(name)} AS value, ${commune} AS commune FROM ${from} WHERE year = ? AND ${q(name)} IS NOT NULL ORDER BY 2, 1`, [year],
          );
          const list = values.get(name) ?? new Map<string, Choice>();
          for (const f of found) {
            const note = communeName(f.commune);
            list.set(`${f.value}|${note ?? ''}`, { value: f.value, note });
          }
          values.set(name, list);
        }
        for (const ref of table.references ?? []) {
          const target = connector.tables.find((t) => t.name === ref.table);
          if (!target?.prefillRows) continue;
          const column = ref.tableColumn ?? ref.column;
          const label = labelColumn(target, column);
          const found = await db.all<{ value: string; note: string | null }>(
            `SELECT DISTINCT ${q(column)} AS value, ${label ? q(label) : 'NULL'} AS note FROM ingest.${q(connector.warehouseTable(target.name))}
             WHERE year = ? AND ${q(column)} IS NOT NULL ORDER BY 1`, [year],
          );
          referenced.set(`${connector.id}/${target.name}/${column}`, found.map((f) => ({ value: f.value, note: f.note ?? undefined })));
        }
        if (table.prefillRows) {
          const found = await db.all<Record<string, unknown>>(`SELECT * FROM ${from} WHERE year = ? ORDER BY source_file, source_row`, [year]);
          rows.set(`${connector.id}/${table.name}`, found.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]))));
        }
      }
    }
  } finally {
    db.close();
  }
  return {
    year,
    files,
    values: (column) => [...(values.get(column)?.values() ?? [])].sort((a, b) => (a.note ?? '').localeCompare(b.note ?? '', 'vi') || a.value.localeCompare(b.value, 'vi')),
    referenced: (connector, table, column) => referenced.get(`${connector.id}/${table}/${column}`) ?? [],
    rows: (connector, table) => rows.get(`${connector.id}/${table}`) ?? [],
  };
}

/** A referenced row's name: the first required free-text column that is not the key (`ten_truong`). */
function labelColumn(table: TableSpec, keyColumn: string): string | undefined {
  return Object.entries(table.columns).find(([name, c]) => name !== keyColumn && c.required && !c.type.pii && (c.type.input?.kind ?? 'text') === 'text')?.[0];
}
