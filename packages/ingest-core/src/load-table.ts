// Parsing, validating, quarantining and loading one table of one year, in DuckDB.
// Rows arrive as text in a work table; JavaScript only sees distinct values of parsed columns.
import { quoteIdent as q, quoteLiteral as lit, type Db } from '@dtts/db';
import { nfc } from '@dtts/vn-text';
import type { Connector, TableSpec } from './contract.ts';
import { requiredSlots } from './read/header.ts';
import type { ParseContext, ParseType } from './values/types.ts';

/** An in-memory database attached beside the warehouse for the engine's work tables. */
export const WORK = '_ingest_work';

export interface TableLoadResult {
  /** Per file index: counts and warnings. */
  perFile: Map<number, { read: number; loaded: number; quarantined: number; skipped: number; warnings: string[] }>;
}

export interface LoadTableArgs {
  db: Db;
  connector: Connector;
  table: TableSpec;
  year: number;
  /** Work table holding (file_idx, row_no, <columns>) as text. */
  raw: string;
  /** file_idx → path relative to the sources folder. */
  files: Map<number, string>;
  /** file_idx → columns whose header the file has. */
  present: Map<number, string[]>;
  hashKey: string;
}

const rawCol = (c: string) => q(`${c}__raw`);
const errCol = (c: string) => q(`${c}__err`);
const warnCol = (c: string) => q(`${c}__warn`);

export async function loadTable(args: LoadTableArgs): Promise<TableLoadResult> {
  const { db, connector, table, year } = args;
  const ctx: ParseContext = { referenceDate: connector.referenceDate(year), year };
  const columns = Object.entries(table.columns);
  await db.run(`CREATE OR REPLACE TABLE ${WORK}.files AS SELECT * FROM (VALUES ${[...args.files].map(([i, f]) => `(${i}, ${lit(f)})`).join(', ')}) t(file_idx, file)`);

  // 1. Parse each parse-typed column once per distinct text.
  const maps = new Map<string, ValueMapRow[]>();
  for (const [name, column] of columns) {
    if (column.type.kind === 'parse') maps.set(name, await buildValueMap(db, args.raw, name, column.type, ctx));
  }
  const xMarkFiles = await xMarkFilesByColumn(db, args, table);

  // 2. One row per source row: raw text, parsed value, error and warning per column.
  const selects: string[] = ['r.file_idx', 'r.row_no'];
  const joins: string[] = [];
  for (const [name, column] of columns) {
    const raw = `r.${q(name)}`; // the readers hand over trimmed NFC text
    selects.push(`${raw} AS ${rawCol(name)}`);
    const type = column.type;
    if (type.kind === 'parse') {
      const map = maps.get(name) ?? [];
      let lookup: (field: 'value' | 'error' | 'warning') => string;
      if (map.length <= INLINE_MAP_LIMIT) {
        // A handful of distinct texts (sex, ethnic group, commune, yes/no): a CASE beats a join.
        lookup = (field) => {
          const branches = map.filter((m) => m[field] !== null).map((m) => `WHEN ${lit(m.raw)} THEN ${lit(m[field]!)}`);
          return branches.length > 0 ? `CASE ${raw} ${branches.join(' ')} END` : 'NULL::VARCHAR';
        };
      } else {
        const m = q(`m_${name}`);
        joins.push(`LEFT JOIN ${WORK}.${q(`map_${name}`)} ${m} ON ${m}.raw = ${raw}`);
        lookup = (field) => `${m}.${field}`;
      }
      const value = type.xMarks
        ? `CASE WHEN ${raw} IS NULL AND r.file_idx IN (${[-1, ...(xMarkFiles.get(name) ?? [])].join(', ')}) THEN false ELSE try_cast(${lookup('value')} AS ${type.sqlType}) END`
        : `try_cast(${lookup('value')} AS ${type.sqlType})`;
      selects.push(`${value} AS ${q(name)}`, `${lookup('error')} AS ${errCol(name)}`, `${lookup('warning')} AS ${warnCol(name)}`);
    } else {
      const bad = type.invalid ? type.invalid.when(raw) : 'false';
      selects.push(
        `CASE WHEN ${raw} IS NULL OR (${bad}) THEN NULL ELSE ${type.value(raw)} END AS ${q(name)}`,
        `CASE WHEN ${raw} IS NOT NULL AND (${bad}) THEN ${lit(type.invalid?.reason ?? '')} END AS ${errCol(name)}`,
        `NULL::VARCHAR AS ${warnCol(name)}`,
      );
    }
  }
  await db.run(`CREATE OR REPLACE TABLE ${WORK}.parsed AS SELECT ${selects.join(', ')} FROM ${args.raw} r ${joins.join(' ')}`);

  await findIssues(args);
  await insertLoaded(args);
  await insertQuarantine(args);
  return { perFile: await countPerFile(db, table) };
}

/** Up to this many distinct texts, a column's parsed values are inlined in SQL instead of joined. */
const INLINE_MAP_LIMIT = 64;

interface ValueMapRow {
  raw: string;
  value: string | null;
  error: string | null;
  warning: string | null;
}

async function buildValueMap(db: Db, raw: string, name: string, type: ParseType, ctx: ParseContext): Promise<ValueMapRow[]> {
  const schema = type.schema(ctx);
  const distinct = await db.all<{ raw: string }>(`SELECT DISTINCT ${q(name)} AS raw FROM ${raw} WHERE ${q(name)} IS NOT NULL`);
  const rows: ValueMapRow[] = distinct.map(({ raw: text }) => {
    const result = schema.safeParse(nfc(text));
    return result.success
      ? { raw: text, value: result.data, error: null, warning: type.warnings?.(text, ctx) ?? null }
      : { raw: text, value: null, error: result.error.issues[0]?.message ?? 'unreadable value', warning: null };
  });
  if (rows.length <= INLINE_MAP_LIMIT) return rows;
  await db.run(`CREATE OR REPLACE TABLE ${WORK}.${q(`map_${name}`)} (raw VARCHAR, value VARCHAR, error VARCHAR, warning VARCHAR)`);
  const appender = await db.connection.createAppender(`map_${name}`, 'main', WORK);
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

/** Fills WORK.skipped and WORK.issues (file_idx, row_no, col, reason, action). */
async function findIssues({ db, connector, table, year }: LoadTableArgs): Promise<void> {
  const slots = requiredSlots(table);
  const present = slots.map((slot) => `(${slot.map((c) => `${rawCol(c)} IS NOT NULL`).join(' OR ')})::INTEGER`);
  // Blank, note and signature rows: at most one required value (SOURCES.md §2), or nothing but
  // signature-block text even where it spans several required columns.
  const values = Object.keys(table.columns).map((c) => rawCol(c));
  const onlyFooter = `list_bool_and(list_transform(list_filter([${values.join(', ')}], x -> x IS NOT NULL), x -> regexp_full_match(lower(x), ${lit(FOOTER_TEXT)})))`;
  const filled = present.join(' + ') || '0';
  // The whole-row test runs only where the first required value already reads as a signature.
  const firstRequired = `coalesce(${slots.flat().map(rawCol).join(', ')})`;
  await db.run(`CREATE OR REPLACE TABLE ${WORK}.skipped AS SELECT file_idx, row_no FROM ${WORK}.parsed
    WHERE ${filled} <= 1 OR (regexp_full_match(lower(${firstRequired}), ${lit(FOOTER_TEXT)}) AND ${onlyFooter})`);
  await db.run(`CREATE OR REPLACE TABLE ${WORK}.issues (file_idx INTEGER, row_no INTEGER, col VARCHAR, reason VARCHAR, action VARCHAR)`);
  const live = `NOT EXISTS (SELECT 1 FROM ${WORK}.skipped s WHERE s.file_idx = p.file_idx AND s.row_no = p.row_no)`;
  const notRejected = `NOT EXISTS (SELECT 1 FROM ${WORK}.issues i WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.action = 'row_rejected')`;
  // Each phase is one statement (fewer round trips): a phase sees the rejections of the earlier ones.
  type Finding = { col: string; reason: string; action: 'row_rejected' | 'value_blanked'; where: string };
  const insertAll = async (findings: Finding[]) => {
    if (findings.length === 0) return;
    const selects = findings.map(
      (f) => `SELECT p.file_idx, p.row_no, ${lit(f.col)}, ${f.reason}, ${lit(f.action)} FROM ${WORK}.parsed p WHERE ${live} AND ${f.where}`,
    );
    await db.run(`INSERT INTO ${WORK}.issues ${selects.join(' UNION ALL ')}`);
  };

  // 1. Required values missing or unreadable; optional values (and the alternatives of a satisfied
  //    group) that cannot be read become unknown — on a rejected row these are dropped at the end.
  const findings: Finding[] = [];
  for (const slot of slots) {
    const allNull = slot.map((c) => `${q(c)} IS NULL`).join(' AND ');
    if (slot.length === 1) {
      const c = slot[0]!;
      findings.push({ col: c, reason: `coalesce(${errCol(c)}, 'missing value')`, action: 'row_rejected', where: allNull });
    } else {
      for (const c of slot) findings.push({ col: c, reason: errCol(c), action: 'row_rejected', where: `${allNull} AND ${errCol(c)} IS NOT NULL` });
      const noneGiven = slot.map((c) => `${rawCol(c)} IS NULL`).join(' AND ');
      findings.push({ col: slot.join(' / '), reason: lit(`missing value: none of ${slot.join(', ')} is given`), action: 'row_rejected', where: noneGiven });
    }
  }
  const required = new Set(slots.filter((slot) => slot.length === 1).flat());
  for (const name of Object.keys(table.columns)) {
    if (!required.has(name)) findings.push({ col: name, reason: errCol(name), action: 'value_blanked', where: `${errCol(name)} IS NOT NULL` });
  }
  await insertAll(findings);
  // 2. Rules over a whole row.
  await insertAll((table.rowChecks ?? []).map((check): Finding => ({ col: check.column, reason: lit(check.reason), action: 'row_rejected', where: `(${check.when}) AND ${notRejected}` })));
  // 3. References to rows of an earlier table that were loaded.
  await insertAll(
    (table.references ?? []).map((ref): Finding => {
      const target = `ingest.${q(connector.warehouseTable(ref.table))}`;
      const targetCol = q(ref.tableColumn ?? ref.column);
      return {
        col: ref.column,
        reason: `format('{} "{}" does not exist in {} of {}', ${lit(ref.column)}, ${q(ref.column)}, ${lit(ref.table)}, ${year})`,
        action: 'row_rejected',
        where: `${q(ref.column)} IS NOT NULL AND ${notRejected} AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.year = ${year} AND t.${targetCol} = p.${q(ref.column)})`,
      };
    }),
  );
  if (table.key && table.key.length > 0) await rejectDuplicates(db, table, table.key, live, notRejected);
  // A rejected row is not loaded, so none of its values was "blanked".
  await db.run(`DELETE FROM ${WORK}.issues WHERE action = 'value_blanked' AND (file_idx, row_no) IN (SELECT (file_idx, row_no) FROM ${WORK}.issues WHERE action = 'row_rejected')`);
}

/** Text of a signature block, lower case: who signs, their title, the place-and-date line. */
const FOOTER_TEXT = String.raw`\s*(người lập( biểu)?|người kiểm tra|thủ trưởng( đơn vị)?|kế toán( trưởng)?|xác nhận.*|chủ tịch.*|(tm|t/m|kt)\.? .*|\(ký.*\)|.*ngày .* tháng .* năm.*|trưởng (thôn|bản|ban|phòng).*)[\s:.,]*`;

/** A repeated key: the first row in file order that passed every other check keeps it. */
async function rejectDuplicates(db: Db, table: TableSpec, key: readonly string[], live: string, notRejected: string): Promise<void> {
  const keyCols = key.map((c) => `p.${q(c)}`).join(', ');
  // The reason names the key; a personal key (a student id) is masked there as in the value column.
  const keyText = key.map((c) => (table.columns[c]?.type.pii ? mask(`${q(c)}::VARCHAR`) : `${q(c)}::VARCHAR`)).join(` || ' / ' || `);
  await db.run(`
    INSERT INTO ${WORK}.issues
    WITH ranked AS (
      SELECT p.file_idx, p.row_no, ${keyText} AS key_text,
             row_number() OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS n,
             first_value(p.file_idx) OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS first_file,
             first_value(p.row_no) OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS first_row
      FROM ${WORK}.parsed p WHERE ${live} AND ${notRejected}
    )
    SELECT r.file_idx, r.row_no, ${lit(key.join(', '))},
           format('duplicate {} "{}": already loaded from {} row {}', ${lit(key.join(', '))}, r.key_text, f.file, r.first_row),
           'row_rejected'
    FROM ranked r JOIN ${WORK}.files f ON f.file_idx = r.first_file
    WHERE r.n > 1`);
}

/** The columns of the loaded table: parsed ones (personal data hashed or dropped), then derived ones. */
export function loadedColumns(table: TableSpec, hashKey = ''): { name: string; sqlType: string; sql: string }[] {
  const derived = table.derived ?? {};
  const omitted = new Set([...(table.omit ?? []), ...Object.keys(derived)]);
  const out: { name: string; sqlType: string; sql: string }[] = [];
  for (const [name, column] of Object.entries(table.columns)) {
    if (omitted.has(name) || column.type.pii === 'drop') continue;
    if (column.type.pii === 'hash') out.push({ name: `${name}_hash`, sqlType: 'VARCHAR', sql: `CASE WHEN ${q(name)} IS NOT NULL THEN sha256(${lit(`${hashKey}|`)} || ${q(name)}) END` });
    else out.push({ name, sqlType: column.type.sqlType, sql: q(name) });
  }
  for (const [name, d] of Object.entries(derived)) out.push({ name, sqlType: d.sqlType, sql: `(${d.sql})` });
  return out;
}

export function ingestTableDDL(connector: Connector, table: TableSpec): string {
  const cols = loadedColumns(table).map((c) => `${q(c.name)} ${c.sqlType}`);
  return `CREATE TABLE IF NOT EXISTS ingest.${q(connector.warehouseTable(table.name))} (year INTEGER, source_file VARCHAR, source_row INTEGER, ${cols.join(', ')})`;
}

async function insertLoaded({ db, connector, table, year, hashKey }: LoadTableArgs): Promise<void> {
  const cols = loadedColumns(table, hashKey);
  await db.run(
    `INSERT INTO ingest.${q(connector.warehouseTable(table.name))} (year, source_file, source_row, ${cols.map((c) => q(c.name)).join(', ')})
     SELECT ${year}, f.file, p.row_no, ${cols.map((c) => c.sql).join(', ')}
     FROM ${WORK}.parsed p JOIN ${WORK}.files f USING (file_idx)
     WHERE NOT EXISTS (SELECT 1 FROM ${WORK}.skipped s WHERE s.file_idx = p.file_idx AND s.row_no = p.row_no)
       AND NOT EXISTS (SELECT 1 FROM ${WORK}.issues i WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.action = 'row_rejected')
     ORDER BY p.file_idx, p.row_no`,
  );
}

/** Personal values are masked in the quarantine: the first two and last two characters are kept. */
const mask = (v: string) => `CASE WHEN length(${v}) > 4 THEN left(${v}, 2) || repeat('*', length(${v}) - 4) || right(${v}, 2) ELSE repeat('*', length(${v})) END`;

async function insertQuarantine({ db, connector, table, year }: LoadTableArgs): Promise<void> {
  const raw = (name: string) => (table.columns[name]?.type.pii ? mask(`p.${rawCol(name)}`) : `p.${rawCol(name)}`);
  const cases = Object.keys(table.columns).map((name) => `WHEN ${lit(name)} THEN ${raw(name)}`);
  // A repeated composite key (ma_ho, stt) shows its parts as the value, like its reason does.
  if (table.key && table.key.length > 1) cases.push(`WHEN ${lit(table.key.join(', '))} THEN ${table.key.map(raw).join(` || ' / ' || `)}`);
  await db.run(`
    INSERT INTO ingest.quarantine
    SELECT ${lit(connector.id)}, ${lit(table.name)}, f.file, i.row_no, i.col,
           CASE i.col ${cases.join(' ')} ELSE NULL END, i.reason, i.action, ${year}
    FROM ${WORK}.issues i
    JOIN ${WORK}.parsed p USING (file_idx, row_no)
    JOIN ${WORK}.files f USING (file_idx)
    ORDER BY i.file_idx, i.row_no`);
}

async function countPerFile(db: Db, table: TableSpec): Promise<TableLoadResult['perFile']> {
  const warnCols = Object.keys(table.columns).map((c) => `SELECT file_idx, ${warnCol(c)} AS w FROM ${WORK}.parsed WHERE ${warnCol(c)} IS NOT NULL`);
  const rows = await db.all<{ file_idx: number; read: number; skipped: number; rejected: number; warnings: string[] }>(`
    WITH rejected AS (SELECT DISTINCT file_idx, row_no FROM ${WORK}.issues WHERE action = 'row_rejected'),
         warns AS (SELECT file_idx, list(DISTINCT w ORDER BY w) AS warnings FROM (${warnCols.join(' UNION ALL ')}) GROUP BY file_idx)
    SELECT f.file_idx,
           (SELECT count(*) FROM ${WORK}.parsed p WHERE p.file_idx = f.file_idx) AS read,
           (SELECT count(*) FROM ${WORK}.skipped s WHERE s.file_idx = f.file_idx) AS skipped,
           (SELECT count(*) FROM rejected r WHERE r.file_idx = f.file_idx) AS rejected,
           coalesce(w.warnings, []) AS warnings
    FROM ${WORK}.files f LEFT JOIN warns w USING (file_idx)`);
  const perFile: TableLoadResult['perFile'] = new Map();
  for (const r of rows) {
    perFile.set(r.file_idx, {
      read: r.read,
      skipped: r.skipped,
      quarantined: r.rejected,
      loaded: r.read - r.skipped - r.rejected,
      warnings: r.warnings,
    });
  }
  return perFile;
}
