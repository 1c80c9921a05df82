// Findings about source rows, in SQL over the parsed work table: rows to skip (blank, note and
// signature rows), rows to reject (required values, row rules, references, repeated keys) and
// optional values to blank. SOURCES.md §2–§3.
import { quoteIdent as q, quoteLiteral as lit, type Db } from '@dtts/db';
import { encodeFinding, finding, type MessageCode } from '@dtts/messages';
import type { TableSpec } from './contract.ts';
import { requiredSlots } from './read/header.ts';
import { errCol, rawCol, type LoadTableArgs } from './work-columns.ts';

/** Fills <work>.skipped and <work>.issues (file_idx, row_no, col, finding, action); a finding is JSON text {code, params}. */
export async function findIssues({ db, connector, table, year, work }: LoadTableArgs): Promise<void> {
  const slots = requiredSlots(table);
  // A blank boolean that reads as false (a file of x marks) is a value too (SOURCES.md §7).
  const given = (c: string) => (isXMark(table, c) ? `(${rawCol(c)} IS NOT NULL OR ${q(c)} IS NOT NULL)` : `${rawCol(c)} IS NOT NULL`);
  const present = slots.map((slot) => `(${slot.map(given).join(' OR ')})::INTEGER`);
  // Blank, note and signature rows: at most one required value (SOURCES.md §2), or nothing but
  // signature-block text even where it spans several required columns.
  const values = Object.keys(table.columns).map((c) => rawCol(c));
  const onlyFooter = `list_bool_and(list_transform(list_filter([${values.join(', ')}], x -> x IS NOT NULL), x -> regexp_full_match(lower(x), ${lit(FOOTER_TEXT)})))`;
  const filled = present.join(' + ') || '0';
  // The whole-row test runs only where the first required value already reads as a signature.
  const firstRequired = `coalesce(${slots.flat().map(rawCol).join(', ')})`;
  await db.run(`CREATE OR REPLACE TABLE ${work}.skipped AS SELECT file_idx, row_no FROM ${work}.parsed
    WHERE ${filled} <= 1 OR (regexp_full_match(lower(${firstRequired}), ${lit(FOOTER_TEXT)}) AND ${onlyFooter})`);
  await db.run(`CREATE OR REPLACE TABLE ${work}.issues (file_idx INTEGER, row_no INTEGER, col VARCHAR, finding VARCHAR, action VARCHAR)`);
  const live = `NOT EXISTS (SELECT 1 FROM ${work}.skipped s WHERE s.file_idx = p.file_idx AND s.row_no = p.row_no)`;
  const notRejected = `NOT EXISTS (SELECT 1 FROM ${work}.issues i WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.action = 'row_rejected')`;
  // Each phase is one statement (fewer round trips): a phase sees the rejections of the earlier ones.
  // `finding`: SQL for the finding as JSON text.
  type Issue = { col: string; finding: string; action: 'row_rejected' | 'value_blanked'; where: string };
  const insertAll = async (issues: Issue[]) => {
    if (issues.length === 0) return;
    const selects = issues.map(
      (f) => `SELECT p.file_idx, p.row_no, ${lit(f.col)}, ${f.finding}, ${lit(f.action)} FROM ${work}.parsed p WHERE ${live} AND ${f.where}`,
    );
    await db.run(`INSERT INTO ${work}.issues ${selects.join(' UNION ALL ')}`);
  };

  // 1. Required values missing or unreadable; optional values (and the alternatives of a satisfied
  //    group) that cannot be read become unknown — on a rejected row these are dropped at the end.
  const issues: Issue[] = [];
  for (const slot of slots) {
    const allNull = slot.map((c) => `${q(c)} IS NULL`).join(' AND ');
    if (slot.length === 1) {
      const c = slot[0]!;
      issues.push({ col: c, finding: `coalesce(${errCol(c)}, ${lit(encodeFinding(finding('value_missing')))})`, action: 'row_rejected', where: allNull });
    } else {
      for (const c of slot) issues.push({ col: c, finding: errCol(c), action: 'row_rejected', where: `${allNull} AND ${errCol(c)} IS NOT NULL` });
      const noneGiven = slot.map((c) => `${rawCol(c)} IS NULL`).join(' AND ');
      issues.push({ col: slot.join(' / '), finding: lit(encodeFinding(finding('value_missing_all', { columns: slot.join(', ') }))), action: 'row_rejected', where: noneGiven });
    }
  }
  const required = new Set(slots.filter((slot) => slot.length === 1).flat());
  for (const name of Object.keys(table.columns)) {
    if (!required.has(name)) issues.push({ col: name, finding: errCol(name), action: 'value_blanked', where: `${errCol(name)} IS NOT NULL` });
  }
  await insertAll(issues);
  // 2. Rules over a whole row; a rule that only blanks a value makes it unknown before keys are compared.
  await insertAll((table.rowChecks ?? []).map((check): Issue => ({ col: check.column, finding: lit(encodeFinding(check.finding)), action: check.action ?? 'row_rejected', where: `(${check.when}) AND ${notRejected}` })));
  for (const check of (table.rowChecks ?? []).filter((c) => c.action === 'value_blanked')) {
    // The view `parsed` reads these from parsed_cells, where a column a rule blanks is always stored (load-table.ts).
    await db.run(`UPDATE ${work}.parsed_cells p SET ${q(check.column)} = NULL WHERE EXISTS (SELECT 1 FROM ${work}.issues i
      WHERE i.file_idx = p.file_idx AND i.row_no = p.row_no AND i.col = ${lit(check.column)} AND i.action = 'value_blanked')`);
  }
  // 2b. Rules that blank one optional value of a row that stays, with the finding's parameters computed in SQL.
  await insertAll((table.valueChecks ?? []).map((check): Issue => ({ col: check.column, finding: findingSql(check.code, check.params ?? {}), action: 'value_blanked', where: `(${check.when}) AND ${notRejected}` })));
  // 3. References to rows of an earlier table that were loaded.
  await insertAll(
    (table.references ?? []).map((ref): Issue => {
      const target = `ingest.${q(connector.warehouseTable(ref.table))}`;
      const targetCol = q(ref.tableColumn ?? ref.column);
      return {
        col: ref.column,
        finding: findingSql('reference_missing', { column: lit(ref.column), table: lit(ref.table), year: String(year) }),
        action: 'row_rejected',
        where: `${q(ref.column)} IS NOT NULL AND ${notRejected} AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.year = ${year} AND t.${targetCol} = p.${q(ref.column)})`,
      };
    }),
  );
  if (table.key && table.key.length > 0) await rejectDuplicates(db, work, table, table.key, live, notRejected);
  // A rejected row is not loaded, so none of its values was "blanked".
  await db.run(`DELETE FROM ${work}.issues WHERE action = 'value_blanked' AND (file_idx, row_no) IN (SELECT (file_idx, row_no) FROM ${work}.issues WHERE action = 'row_rejected')`);
}

/** SQL for a finding as JSON text, from SQL expressions for its parameters. */
function findingSql(code: MessageCode, params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([k, v]) => `${lit(k)}, ${v}`);
  return `json_object('code', ${lit(code)}, 'params', ${pairs.length > 0 ? `json_object(${pairs.join(', ')})` : `'{}'::JSON`})::VARCHAR`;
}

/** Text of a signature block, lower case: who signs, their title, the place-and-date line. */
const FOOTER_TEXT = String.raw`\s*(người lập( biểu)?|người kiểm tra|thủ trưởng( đơn vị)?|kế toán( trưởng)?|xác nhận.*|chủ tịch.*|(tm|t/m|kt)\.? .*|\(ký.*\)|.*ngày .* tháng .* năm.*|trưởng (thôn|bản|ban|phòng).*)[\s:.,]*`;

/** A key part as SQL over the parsed row `p`: a parsed column, or a derived column's expression. */
export function keyPart(table: TableSpec, column: string): string {
  const derived = table.derived?.[column];
  return derived && !table.columns[column] ? `(${derived.sql})` : `p.${q(column)}`;
}

function isXMark(table: TableSpec, column: string): boolean {
  const type = table.columns[column]?.type;
  return type?.kind === 'parse' && type.xMarks === true;
}

/** A repeated key: the first row in file order that passed every other check keeps it. */
async function rejectDuplicates(db: Db, work: string, table: TableSpec, key: readonly string[], live: string, notRejected: string): Promise<void> {
  const keyCols = key.map((c) => keyPart(table, c)).join(', ');
  // The finding names the key's columns and the row that kept it; the value column shows the key (masked where personal).
  await db.run(`
    INSERT INTO ${work}.issues
    WITH ranked AS (
      SELECT p.file_idx, p.row_no,
             row_number() OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS n,
             first_value(p.file_idx) OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS first_file,
             first_value(p.row_no) OVER (PARTITION BY ${keyCols} ORDER BY p.file_idx, p.row_no) AS first_row
      FROM ${work}.parsed p WHERE ${live} AND ${notRejected}
    )
    SELECT r.file_idx, r.row_no, ${lit(key.join(', '))},
           ${findingSql('duplicate_key', { key: lit(key.join(', ')), file: 'f.file', row: 'r.first_row' })},
           'row_rejected'
    FROM ranked r JOIN ${work}.files f ON f.file_idx = r.first_file
    WHERE r.n > 1`);
}
