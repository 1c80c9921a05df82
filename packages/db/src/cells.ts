// What the product writes for spreadsheets: CSV files Excel opens as UTF-8, and text cells that
// Excel cannot take for a formula. One place, so every CSV and XLSX writer (quarantine, exports,
// forms, the Excel appendix) neutralises the same way.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Db } from './index.ts';
import { quoteIdent, quoteLiteral } from './index.ts';

/**
 * OWASP's CSV-injection rule: a text cell that begins with =, +, -, @, tab or carriage return could
 * be run by a spreadsheet as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`), so it gets a leading
 * single quote. The value stays readable; Excel shows it as text. Numbers are never passed here:
 * a negative number in a numeric column is a number, not a formula.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The same rule for a value of any type: only strings change. */
export function neutraliseValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseCell(value) : value;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The same rule in DuckDB SQL, over a VARCHAR expression (NULL stays NULL). */
export function neutraliseSql(expr: string): string {
  return `CASE WHEN regexp_matches(${expr}, '^[=+\\-@\\t\\r]') THEN '''' || ${expr} ELSE ${expr} END`;
}

/** UTF-8's byte order mark: without it Excel on Windows reads a CSV as the ANSI code page (mojibake). */
export const UTF8_BOM = '\uFEFF';

/**
 * Writes a query's result as CSV with a header and a UTF-8 BOM, text columns neutralised
 * (numeric, date and boolean columns as they are). DuckDB writes the file; the BOM is put in front
 * while it is copied into place, so a failed write leaves no half file at `path`.
 */
export async function writeCsv(db: Db, query: string, path: string): Promise<{ rows: number }> {
  const columns = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE (${query})`);
  const select = columns
    .map(({ column_name: c, column_type: t }) => (t === 'VARCHAR' ? `${neutraliseSql(`q.${quoteIdent(c)}`)} AS ${quoteIdent(c)}` : `q.${quoteIdent(c)}`))
    .join(', ');
  const body = `${path}.body`;
  const partial = `${path}.partial`;
  let rows = 0;
  try {
    const copied = await db.one<{ Count: number }>(`COPY (SELECT ${select} FROM (${query}) q) TO ${quoteLiteral(body)} (FORMAT csv, HEADER true, DELIMITER ',')`);
    rows = Number(copied?.Count ?? 0);
    const out = createWriteStream(partial);
    out.write(UTF8_BOM);
    await pipeline(createReadStream(body), out);
    await rename(partial, path);
  } finally {
    await rm(body, { force: true });
    await rm(partial, { force: true });
  }
  return { rows };
}
