// Parsing, validating, quarantining and loading one table of one year, in DuckDB.
// Rows arrive as text in a work table; JavaScript only sees distinct values of parsed columns.
import { quoteIdent as q, quoteLiteral as lit, type Db } from '@dtts/db';
import { encodeFinding, finding, renderSql, type Finding } from '@dtts/messages';
import { nfc } from '@dtts/vn-text';
import type { Connector, TableSpec } from './contract.ts';
import { findIssues, keyPart } from './findings.ts';
import type { ParseContext, ParseType } from './values/types.ts';
import { errCol, mask, rawCol, warnCol, type LoadTableArgs } from './work-columns.ts';

export type { LoadTableArgs } from './work-columns.ts';

export interface TableLoadResult {
  /** Per file index: counts and warnings. */
  perFile: Map<number, { read: number; loaded: number; quarantined: number; skipped: number; warnings: Finding[] }>;
}

export async function loadTable(args: LoadTableArgs): Promise<TableLoadResult> {
  const { db, connector, table, year, work } = args;
  const ctx: ParseContext = { referenceDate: connector.referenceDate(year), year };
  const columns = Object.entries(table.columns);
  await db.run(`CREATE OR REPLACE TABLE ${work}.files AS SELECT * FROM (VALUES ${[...args.files].map(([i, f]) => `(${i}, ${lit(f)})`).join(', ')}) t(file_idx, file)`);

  await createLookups(db, table);
  // 1. Parse each parse-typed column once per distinct text.
  const maps = new Map<string, ValueMapRow[]>();
  const parsed = columns.filter(([, column]) => column.type.kind === 'parse').map(([name]) => name);
  const texts = await distinctTexts(db, args.raw, parsed);
  for (const [name, column] of columns) {
    if (column.type.kind === 'parse') maps.set(name, await buildValueMap(db, work, name, column.type, ctx, texts.get(name)!));
  }
  const xMarkFiles = await xMarkFilesByColumn(db, args, table);

  // 2. One row per source row: raw text, parsed value, error and warning per column. Only what
  //    varies from row to row is stored (parsed_cells); a value that is its raw text and an error or
  //    warning that no row has are given by the view `parsed`, so the work table is not twice the file.
  //    Columns that a rule may blank (UPDATE) are always stored, and the cells are then always a table;
  //    a source-year ingested alone has them as a view of the raw text (LoadTableArgs.cellsAsView).
  const updated = new Set([
    ...(table.valueChecks ?? []).map((c) => c.column),
    ...(table.rowChecks ?? []).filter((c) => c.action === 'value_blanked').map((c) => c.column),
  ]);
  const stored: string[] = ['r.file_idx', 'r.row_no'];
  const view: string[] = ['file_idx', 'row_no'];
  const joins: string[] = [];
  const store = (sql: string, alias: string) => {
    stored.push(`${sql} AS ${alias}`);
    view.push(alias);
  };
  const noValue = (sqlType: string, alias: string) => view.push(`NULL::${sqlType} AS ${alias}`);
  for (const [name, column] of columns) {
    const raw = `r.${q(name)}`; // trimmed text; NFC for free text (parsed columns are normalised per distinct value)
    store(raw, rawCol(name));
    const type = column.type;
    if (type.kind === 'parse') {
      const map = maps.get(name) ?? [];
      const any = (field: 'error' | 'warning') => map.some((m) => m[field] !== null);
      let lookup: (field: 'value' | 'error' | 'warning') => string;
      if (map.length <= INLINE_MAP_LIMIT) {
        // A handful of distinct texts (sex, ethnic group, commune, yes/no): a CASE beats a join.
        lookup = (field) => {
          const branches = map.filter((m) => m[field] !== null).map((m) => `WHEN ${lit(m.raw)} THEN ${lit(m[field]!)}`);
          return branches.length > 0 ? `CASE ${raw} ${branches.join(' ')} END` : 'NULL::VARCHAR';
        };
      } else {
        const m = q(`m_${name}`);
        joins.push(`LEFT JOIN ${work}.${q(`map_${name}`)} ${m} ON ${m}.raw = ${raw}`);
        lookup = (field) => `${m}.${field}`;
      }
      const marked = xMarkFiles.get(name) ?? [];
      const value = type.xMarks
        ? `CASE WHEN ${raw} IS NULL AND r.file_idx IN (${[-1, ...marked].join(', ')}) THEN false ELSE try_cast(${lookup('value')} AS ${type.sqlType}) END`
        : `try_cast(${lookup('value')} AS ${type.sqlType})`;
      if (map.length === 0 && marked.length === 0 && !updated.has(name)) noValue(type.sqlType, q(name));
      else store(value, q(name));
      if (any('error')) store(lookup('error'), errCol(name));
      else noValue('VARCHAR', errCol(name));
      if (any('warning')) store(lookup('warning'), warnCol(name));
      else noValue('VARCHAR', warnCol(name));
    } else {
      const bad = type.invalid ? type.invalid.when(raw) : 'false';
      if (!type.invalid && type.value(raw) === raw && !updated.has(name)) view.push(`${rawCol(name)} AS ${q(name)}`);
      else store(`CASE WHEN ${raw} IS NULL OR (${bad}) THEN NULL ELSE ${type.value(raw)} END`, q(name));
      if (type.invalid) store(`CASE WHEN ${raw} IS NOT NULL AND (${bad}) THEN ${lit(encodeFinding(type.invalid.finding))} END`, errCol(name));
      else noValue('VARCHAR', errCol(name));
      noValue('VARCHAR', warnCol(name));
    }
  }
  // Two names: a view cannot replace the table of an earlier table of the same source-year.
  const materialised = updated.size > 0 || !args.cellsAsView;
  const cells = `${work}.${materialised ? 'parsed_cells' : 'parsed_cells_view'}`;
  await db.run(`CREATE OR REPLACE ${materialised ? 'TABLE' : 'VIEW'} ${cells} AS SELECT ${stored.join(', ')} FROM ${args.raw} r ${joins.join(' ')}`);
  await db.run(`CREATE OR REPLACE VIEW ${work}.parsed AS SELECT ${view.join(', ')} FROM ${cells}`);

  await findIssues(args);
  await blankValues(args);
  await insertLoaded(args);
  await insertQuarantine(args);
  return { perFile: await countPerFile(db, work, table) };
}

/** The table's lookups as temporary tables of this connection (each source-year loads on its own). */
async function createLookups(db: Db, table: TableSpec): Promise<void> {
  for (const [name, lookup] of Object.entries(table.lookups ?? {})) {
    const columns = Object.entries(lookup.columns).map(([c, t]) => `${lit(c)}: ${lit(t)}`).join(', ');
    await db.run(`CREATE OR REPLACE TEMP TABLE ${q(`lookup_${name}`)} AS
      SELECT * FROM read_csv(${lit(lookup.csv)}, header = true, comment = '#', strict_mode = false, auto_detect = false, delim = ',', columns = {${columns}})`);
  }
}

/** Values that a value check blanked become unknown before the row is loaded (derived columns see them blank too). */
async function blankValues({ db, table, work }: LoadTableArgs): Promise<void> {
  for (const column of new Set((table.valueChecks ?? []).map((c) => c.column))) {
    await db.run(`UPDATE ${work}.parsed_cells p SET ${q(column)} = NULL
      WHERE EXISTS (SELECT 1 FROM ${work}.issues i WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.col = ${lit(column)} AND i.action = 'value_blanked')`);
  }
}

/** Up to this many distinct texts, a column's parsed values are inlined in SQL instead of joined. */
const INLINE_MAP_LIMIT = 64;

/** Per distinct text: its value, or its finding as JSON text (`error`), and a warning as JSON text. */
interface ValueMapRow {
  raw: string;
  value: string | null;
  error: string | null;
  warning: string | null;
}

/**
 * The distinct texts of each column, in one query instead of one per column (81 instead of 739 queries in
 * a district run; its ingest stage 13.1 → 11.9 s on average over five alternated runs, BENCHMARKS.md).
 */
async function distinctTexts(db: Db, raw: string, names: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(names.map((n) => [n, []]));
  if (names.length === 0) return out;
  const rows = await db.all<{ c: number; raw: string }>(
    names.map((n, i) => `SELECT DISTINCT ${i} AS c, ${q(n)} AS raw FROM ${raw} WHERE ${q(n)} IS NOT NULL`).join(' UNION ALL '));
  for (const r of rows) out.get(names[r.c]!)!.push(r.raw);
  return out;
}

/** A parse-typed column's value map: each distinct text parsed once (a table when there are many). */
async function buildValueMap(db: Db, work: string, name: string, type: ParseType, ctx: ParseContext, texts: readonly string[]): Promise<ValueMapRow[]> {
  const schema = type.schema(ctx);
  const rows: ValueMapRow[] = texts.map((text) => {
    const result = schema.safeParse(nfc(text));
    if (result.success) {
      const warning = type.warnings?.(text, ctx);
      return { raw: text, value: result.data, error: null, warning: warning ? encodeFinding(warning) : null };
    }
    const issue = result.error.issues[0];
    const found = issue?.code === 'custom' ? (issue.params?.finding as Finding | undefined) : undefined;
    return { raw: text, value: null, error: encodeFinding(found ?? finding('value_unreadable')), warning: null };
  });
  if (rows.length <= INLINE_MAP_LIMIT) return rows;
  await db.run(`CREATE OR REPLACE TABLE ${work}.${q(`map_${name}`)} (raw VARCHAR, value VARCHAR, error VARCHAR, warning VARCHAR)`);
  const appender = await db.connection.createAppender(`map_${name}`, 'main', work);
  for (const row of rows) {
    for (const v of [row.raw, row.value, row.error, row.warning]) {
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return rows;
}

/**
 * Boolean columns, per file, where a blank means false: the file has the column and its boolean
 * columns use `x` marks (SOURCES.md §2). A column the file does not have stays unknown.
 * Returns column → file indexes.
 */
async function xMarkFilesByColumn(db: Db, { raw, present }: LoadTableArgs, table: TableSpec): Promise<Map<string, number[]>> {
  const booleans = Object.entries(table.columns).filter(([, c]) => c.type.kind === 'parse' && c.type.xMarks).map(([name]) => name);
  const byColumn = new Map<string, number[]>();
  if (booleans.length === 0) return byColumn;
  const marked = booleans.map((name) => `lower(${q(name)}) = 'x'`).join(' OR ');
  const files = (await db.all<{ file_idx: number }>(`SELECT DISTINCT file_idx FROM ${raw} WHERE ${marked}`)).map((r) => r.file_idx);
  for (const f of files) {
    for (const c of present.get(f) ?? []) if (booleans.includes(c)) byColumn.set(c, [...(byColumn.get(c) ?? []), f]);
  }
  return byColumn;
}

/**
 * A personal id's keyed hash, as SQL: sha256 of the key and the value, its first 72 bits written as 12
 * characters of base64url. Twelve characters are what DuckDB keeps inline in a string (no pointer to
 * follow), so the joins and windows over ids (the card holders, the students) run about twice as fast
 * as on the 64-character hex digest, and a full district run takes ≈ 6 % less time and 20 % less memory
 * (BENCHMARKS.md, "1 Dec, morning"). 72 bits keep collisions negligible: for n distinct ids about
 * n² / 2⁷³, 3·10⁻¹⁰ for a province's 1.7 million people, 2·10⁻⁸ for 14 million.
 */
export function keyedHashSql(hashKey: string, value: string): string {
  return `CASE WHEN ${value} IS NOT NULL THEN translate(to_base64(unhex(left(sha256(${lit(`${hashKey}|`)} || ${value}), 18))), '+/', '-_') END`;
}

/** The columns of the loaded table: parsed ones (personal data hashed or dropped), then derived ones. */
export function loadedColumns(table: TableSpec, hashKey = ''): { name: string; sqlType: string; sql: string }[] {
  const derived = table.derived ?? {};
  const omitted = new Set([...(table.omit ?? []), ...Object.keys(derived)]);
  const out: { name: string; sqlType: string; sql: string }[] = [];
  for (const [name, column] of Object.entries(table.columns)) {
    if (omitted.has(name) || column.type.pii === 'drop') continue;
    if (column.type.pii === 'hash') out.push({ name: `${name}_hash`, sqlType: 'VARCHAR', sql: keyedHashSql(hashKey, q(name)) });
    else out.push({ name, sqlType: column.type.sqlType, sql: q(name) });
  }
  for (const [name, d] of Object.entries(derived)) out.push({ name, sqlType: d.sqlType, sql: `(${d.sql})` });
  return out;
}

export function ingestTableDDL(connector: Connector, table: TableSpec): string {
  const cols = loadedColumns(table).map((c) => `${q(c.name)} ${c.sqlType}`);
  return `CREATE TABLE IF NOT EXISTS ingest.${q(connector.warehouseTable(table.name))} (year INTEGER, source_file VARCHAR, source_row INTEGER, ${cols.join(', ')})`;
}

async function insertLoaded({ db, connector, table, year, hashKey, work }: LoadTableArgs): Promise<void> {
  const cols = loadedColumns(table, hashKey);
  await db.run(
    `INSERT INTO ingest.${q(connector.warehouseTable(table.name))} (year, source_file, source_row, ${cols.map((c) => q(c.name)).join(', ')})
     SELECT ${year}, f.file, p.row_no, ${cols.map((c) => c.sql).join(', ')}
     FROM ${work}.parsed p JOIN ${work}.files f USING (file_idx)
     WHERE NOT EXISTS (SELECT 1 FROM ${work}.skipped s WHERE s.file_idx = p.file_idx AND s.row_no = p.row_no)
       AND NOT EXISTS (SELECT 1 FROM ${work}.issues i WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.action = 'row_rejected')
     ORDER BY p.file_idx, p.row_no`,
  );
}

async function insertQuarantine({ db, connector, table, year, work }: LoadTableArgs): Promise<void> {
  const raw = (name: string) => (table.columns[name]?.type.pii ? mask(`p.${rawCol(name)}`) : `p.${rawCol(name)}`);
  const cases = Object.keys(table.columns).map((name) => `WHEN ${lit(name)} THEN ${raw(name)}`);
  // A repeated composite key (ma_ho, stt) shows its parts as the value, like its reason does.
  const keyValue = (name: string) => (table.columns[name] ? `coalesce(${raw(name)}, '')` : `coalesce(${keyPart(table, name)}::VARCHAR, '')`);
  if (table.key && table.key.length > 1) cases.push(`WHEN ${lit(table.key.join(', '))} THEN ${table.key.map(keyValue).join(` || ' / ' || `)}`);
  else if (table.key?.length === 1 && !table.columns[table.key[0]!]) cases.push(`WHEN ${lit(table.key[0]!)} THEN ${keyValue(table.key[0]!)}`);
  // Nothing to quarantine (most files): no join of the whole parsed table with an empty one.
  if (Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${work}.issues`))?.n ?? 0) === 0) return;
  // Stored as code and parameters; `reason` is the English wording of the same, for engineers.
  await db.run(`
    INSERT INTO ingest.quarantine (source, table_name, file, "row", "column", value, reason, action, year, code, params)
    SELECT ${lit(connector.id)}, ${lit(table.name)}, f.file, i.row_no, i.col,
           CASE i.col ${cases.join(' ')} ELSE NULL END, ${renderSql('i.code', 'i.params', 'en')}, i.action, ${year}, i.code, i.params
    FROM (SELECT *, json_extract_string(finding, '$.code') AS code, json_extract(finding, '$.params')::VARCHAR AS params FROM ${work}.issues) i
    JOIN ${work}.parsed p USING (file_idx, row_no)
    JOIN ${work}.files f USING (file_idx)
    ORDER BY i.file_idx, i.row_no`);
}

async function countPerFile(db: Db, work: string, table: TableSpec): Promise<TableLoadResult['perFile']> {
  const warnCols = Object.keys(table.columns).map((c) => `SELECT file_idx, ${warnCol(c)} AS w FROM ${work}.parsed WHERE ${warnCol(c)} IS NOT NULL`);
  const rows = await db.all<{ file_idx: number; read: number; skipped: number; rejected: number; warnings: string[] }>(`
    WITH rejected AS (SELECT DISTINCT file_idx, row_no FROM ${work}.issues WHERE action = 'row_rejected'),
         warns AS (SELECT file_idx, list(DISTINCT w ORDER BY w) AS warnings FROM (${warnCols.join(' UNION ALL ')}) GROUP BY file_idx)
    SELECT f.file_idx,
           (SELECT count(*) FROM ${work}.parsed p WHERE p.file_idx = f.file_idx) AS read,
           (SELECT count(*) FROM ${work}.skipped s WHERE s.file_idx = f.file_idx) AS skipped,
           (SELECT count(*) FROM rejected r WHERE r.file_idx = f.file_idx) AS rejected,
           coalesce(w.warnings, []) AS warnings
    FROM ${work}.files f LEFT JOIN warns w USING (file_idx)`);
  const perFile: TableLoadResult['perFile'] = new Map();
  for (const r of rows) {
    perFile.set(r.file_idx, {
      read: r.read,
      skipped: r.skipped,
      quarantined: r.rejected,
      loaded: r.read - r.skipped - r.rejected,
      warnings: r.warnings.map((w) => JSON.parse(w) as Finding),
    });
  }
  return perFile;
}
