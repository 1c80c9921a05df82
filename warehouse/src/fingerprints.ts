// What a model's table was built from, as fingerprints the runner compares with the previous build's.
// A model's fingerprint covers its SQL, the content of the ingest and reference tables it reads (row
// count and an order-free sum of row hashes) and its inputs' fingerprints. A year-local model
// (`grain: 'year'`, models.ts) has one fingerprint per year besides: its `base` (SQL, inputs without
// years, the bases of its year-local inputs — what must not change for a per-year rebuild) and, per
// year, that year's content of each input table with a `year` column and its year-local inputs'
// fingerprints of that year. A years-to-date model's (`grain: 'years-to-date'`) year fingerprint chains
// the years before it: it changes when any year up to it does.
import { createHash } from 'node:crypto';
import { quoteLiteral as lit, type Db } from '@dtts/db';
import type { Model } from './models.ts';

/** Where each model table's fingerprint is recorded, beside the tables. */
export const FINGERPRINTS_TABLE = 'main.model_fingerprints';
/** The per-year fingerprints of the year-local models. */
export const YEAR_FINGERPRINTS_TABLE = 'main.model_year_fingerprints';

/** A year as text ('2024'); 'null' for the rows without a year. */
export type YearKey = string;

export interface Fingerprint {
  whole: string;
  /** Year-local models only: SQL and year-free inputs; a change means a whole rebuild. */
  base?: string;
  /** Year-local models only: each year's fingerprint. */
  byYear?: Map<YearKey, string>;
  /** ingest.files only: each year's content per `<source>.<table>`, for the models that read some tables' files (Model.filesOf). */
  byTable?: Map<string, Map<YearKey, string>>;
}

/** The table in which ingestion lists every file it read, per source, table and year. */
export const FILES_TABLE = 'ingest.files';

const sha = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p}\0`);
  return hash.digest('hex');
};

/** Every table of the database, as `schema.table`. */
export async function existingTables(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ name: string }>(
    `select schema_name || '.' || table_name as name from duckdb_tables() where database_name = current_database()`);
  return new Set(rows.map((r) => r.name));
}

/** Every view of the database (the models materialized as views), as `schema.view`. */
export async function existingViews(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ name: string }>(
    `select schema_name || '.' || view_name as name from duckdb_views() where database_name = current_database() and not internal`);
  return new Set(rows.map((r) => r.name));
}

async function tablesWithYear(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ name: string }>(`select schema_name || '.' || table_name as name from duckdb_columns()
    where database_name = current_database() and column_name = 'year'`);
  return new Set(rows.map((r) => r.name));
}

/**
 * Ingest tables whose rows only the ingestion engine writes, from their source-year's files: table →
 * source id. A year's content of such a table is then its row count and the source-year's files as
 * ingest.files lists them (table, name, sha256, rows loaded) — the files decide the rows, given the
 * ingestion code, reference data and hash key, a change of which makes the pipeline start a new
 * warehouse — instead of a hash of every row (≈ 1 s a build on the district's 1.3 million rows).
 */
export type FileKeyedTables = ReadonlyMap<string, string>;

/**
 * The content of each source table: row count and order-free sum of row hashes, per year (one query
 * grouped by year) for a table with a `year` column, else whole; 'absent' when there is no table.
 * A table of `fileKeyed` is keyed by its source-year's files instead of its rows' hashes.
 */
export async function sourceContents(db: Db, sources: Iterable<string>, tables: Set<string>, fileKeyed?: FileKeyedTables): Promise<Map<string, Fingerprint>> {
  const withYear = await tablesWithYear(db);
  const content = new Map<string, Fingerprint>();
  const counted = `count(*)::VARCHAR || ':' || coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR`;
  const filesOf = new Map<string, Map<string, string>>();
  const files = async (source: string) => {
    if (!filesOf.has(source)) {
      const rows = await db.all<{ y: string; k: string }>(`select cast(year as varchar) as y,
          string_agg(table_name || '/' || file || '/' || sha256 || '/' || rows_loaded, ',' order by table_name, file) as k
        from ingest.files where source = ${lit(source)} group by year`);
      filesOf.set(source, new Map(rows.map((r) => [r.y, r.k])));
    }
    return filesOf.get(source)!;
  };
  for (const table of new Set(sources)) {
    const source = tables.has('ingest.files') ? fileKeyed?.get(table) : undefined;
    if (!tables.has(table)) {
      content.set(table, { whole: 'absent' });
    } else if (withYear.has(table)) {
      // file-keyed: the row count here, the rest from the source-year's files; else the rows' hashes
      const byFiles = source !== undefined ? await files(source) : undefined;
      const rows = await db.all<{ y: string | null; c: string }>(
        `select cast(year as varchar) as y, ${byFiles ? 'count(*)::VARCHAR' : counted} as c from ${table} t group by year`);
      const byYear = new Map(rows.map((r) => [r.y ?? 'null', byFiles ? `${r.c}:files:${byFiles.get(r.y ?? '') ?? ''}` : r.c] as const)
        .sort(([a], [b]) => a.localeCompare(b)));
      content.set(table, { whole: [...byYear].map(([y, c]) => `${y}=${c}`).join(','), byYear });
      if (table === FILES_TABLE) {
        const parts = await db.all<{ t: string; y: string | null; c: string }>(
          `select source || '.' || table_name as t, cast(year as varchar) as y, ${counted} as c from ${table} t group by all`);
        const byTable = new Map<string, Map<YearKey, string>>();
        for (const r of parts) byTable.set(r.t, (byTable.get(r.t) ?? new Map()).set(r.y ?? 'null', r.c));
        content.get(table)!.byTable = byTable;
      }
    } else {
      content.set(table, { whole: (await db.one<{ c: string }>(`select ${counted} as c from ${table} t`))?.c ?? 'absent' });
    }
  }
  return content;
}

/** Each model's fingerprint, `ordered` in dependency order, from its sources' content and its inputs' fingerprints. */
export function fingerprintModels(ordered: readonly Model[], content: ReadonlyMap<string, Fingerprint>): Map<string, Fingerprint> {
  const fingerprints = new Map<string, Fingerprint>();
  for (const model of ordered) {
    // a model that reads some tables' files only sees ingest.files narrowed to them
    const files = model.filesOf && filesOfTables(content.get(FILES_TABLE), model.filesOf);
    const input = (name: string) => (name === FILES_TABLE ? files : undefined) ?? content.get(name) ?? fingerprints.get(name) ?? { whole: 'absent' };
    const inputs = [...model.sources, ...model.dependsOn];
    if (model.grain === undefined) {
      fingerprints.set(model.name, { whole: sha(model.sql, ...inputs.map((n) => `${n}=${input(n).whole}`)) });
      continue;
    }
    // an input by year: a source table with a year column or a year-local model; the others whole
    const byYearInputs = inputs.filter((n) => input(n).byYear);
    const base = sha(`grain: ${model.grain}`, model.sql, ...inputs.map((n) => `${n}=${input(n).byYear ? (input(n).base ?? 'by year') : input(n).whole}`));
    const years = [...new Set(byYearInputs.flatMap((n) => [...input(n).byYear!.keys()]))].sort();
    const ofYear = (y: YearKey) => byYearInputs.map((n) => `${n}=${input(n).byYear!.get(y) ?? 'absent'}`);
    const byYear = new Map(years.map((y) => [y, sha(base, ...ofYear(y))] as const));
    if (model.grain === 'years-to-date') {
      // a year's fingerprint chains the years before it (rows without a year first: every year may read
      // them), so a change in one year changes every later year's, and what reads them per year sees it too
      let chained = base;
      for (const y of [...years].sort((a, b) => (a === 'null' ? -1 : b === 'null' ? 1 : Number(a) - Number(b)))) {
        chained = sha(chained, y, ...ofYear(y));
        byYear.set(y, chained);
      }
    }
    fingerprints.set(model.name, {
      whole: sha(base, ...[...byYear].map(([y, f]) => `${y}=${f}`)),
      ...(byYearInputs.length > 0 && { base, byYear }),
    });
  }
  return fingerprints;
}

/**
 * ingest.files narrowed to some tables' files (a model's `files of:`, a check's `filesOf`), year by year: a year is there
 * when one of them had a file that year.
 */
export function filesOfTables(files: Fingerprint | undefined, tables: readonly string[]): Fingerprint | undefined {
  if (!files?.byTable) return undefined;
  const years = [...new Set(tables.flatMap((t) => [...(files.byTable!.get(t)?.keys() ?? [])]))].sort();
  const byYear = new Map(years.map((y) => [y, tables.map((t) => `${t}:${files.byTable!.get(t)?.get(y) ?? 'absent'}`).join(',')] as const));
  return { whole: `files of ${tables.join(',')}:${[...byYear].map(([y, c]) => `${y}=${c}`).join(',')}`, byYear };
}

/** The fingerprints the previous build recorded, for the models whose table (or view) is still there. */
export async function previousFingerprints(db: Db, tables: Set<string>): Promise<Map<string, Fingerprint>> {
  if (!tables.has(FINGERPRINTS_TABLE) || !tables.has(YEAR_FINGERPRINTS_TABLE)) return new Map();
  const rows = await db.all<{ name: string; fingerprint: string; base: string | null }>(`select name, fingerprint, base from ${FINGERPRINTS_TABLE}`);
  const years = await db.all<{ name: string; year: string; fingerprint: string }>(`select name, year, fingerprint from ${YEAR_FINGERPRINTS_TABLE}`);
  const previous = new Map<string, Fingerprint>();
  for (const r of rows.filter((r) => tables.has(r.name))) {
    previous.set(r.name, { whole: r.fingerprint, ...(r.base !== null && { base: r.base, byYear: new Map() }) });
  }
  for (const y of years) previous.get(y.name)?.byYear?.set(y.year, y.fingerprint);
  return previous;
}

/** The whole fingerprint of every model the last build recorded (none while a build is under way or after one failed). */
export async function recordedFingerprints(db: Db): Promise<Map<string, string>> {
  if (!(await existingTables(db)).has(FINGERPRINTS_TABLE)) return new Map();
  const rows = await db.all<{ name: string; fingerprint: string }>(`select name, fingerprint from ${FINGERPRINTS_TABLE}`);
  return new Map(rows.map((r) => [r.name, r.fingerprint]));
}

/** Emptied before a build and filled once every model is built: a build that fails part-way leaves no fingerprint to trust. */
export async function clearFingerprints(db: Db): Promise<void> {
  await db.run(`create or replace table ${FINGERPRINTS_TABLE} (name VARCHAR, fingerprint VARCHAR, base VARCHAR)`);
  await db.run(`create or replace table ${YEAR_FINGERPRINTS_TABLE} (name VARCHAR, year VARCHAR, fingerprint VARCHAR)`);
}

export async function recordFingerprints(db: Db, fingerprints: ReadonlyMap<string, Fingerprint>): Promise<void> {
  if (fingerprints.size === 0) return;
  await db.run(`insert into ${FINGERPRINTS_TABLE} values ${[...fingerprints]
    .map(([n, f]) => `(${lit(n)}, ${lit(f.whole)}, ${f.base ? lit(f.base) : 'null'})`).join(', ')}`);
  const years = [...fingerprints].flatMap(([n, f]) => [...(f.byYear ?? [])].map(([y, fy]) => `(${lit(n)}, ${lit(y)}, ${lit(fy)})`));
  if (years.length > 0) await db.run(`insert into ${YEAR_FINGERPRINTS_TABLE} values ${years.join(', ')}`);
}

/** `year in (…)` for these years (`year is null` for 'null'), in parentheses. */
export function yearsPredicate(years: readonly YearKey[]): string {
  const values = years.filter((y) => y !== 'null').map((y) => (/^-?\d+$/.test(y) ? y : lit(y)));
  const parts = [
    ...(values.length > 0 ? [`year in (${values.join(', ')})`] : []),
    ...(years.includes('null') ? ['year is null'] : []),
  ];
  return `(${parts.length > 0 ? parts.join(' or ') : 'false'})`;
}
