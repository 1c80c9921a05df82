// The fast path for big UTF-8 CSV files: DuckDB's own read_csv loads the cells, and JavaScript
// only finds the header and counts lines, so that every row keeps the line number a steward
// sees in an editor. Anything unusual (a legacy encoding, DuckDB and us disagreeing on the
// records) returns undefined and the file goes through the JavaScript reader instead.
import type { Finding } from '@dtts/messages';
import { quoteIdent as q, quoteLiteral as lit, type Db } from '@dtts/db';
import type { TableSpec } from '../contract.ts';
import { detectDelimiter, isUtf16, parseCsvRows } from './csv.ts';
import { findHeader } from './header.ts';
import { headerWarnings } from './index.ts';

export interface FastCsvResult {
  rows: number;
  present: string[];
  warnings: Finding[];
  notes: string[];
}

const HEAD_RECORDS = 40;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function loadCsvFast(
  db: Db, work: { catalog: string; table: string }, fileIdx: number, path: string, displayPath: string, table: TableSpec, bytes: Buffer,
): Promise<FastCsvResult | undefined> {
  if (bytes.length === 0 || isUtf16(bytes) || bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes); // (TextDecoder drops a BOM by itself)
  } catch {
    return undefined; // not UTF-8: a legacy encoding for the JavaScript reader
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const delimiter = detectDelimiter(text);
  const records = scanRecords(text);
  if (!records) return undefined;

  const headEnd = records.ends[Math.min(HEAD_RECORDS, records.count) - 1] ?? 0;
  const head = parseCsvRows(text.slice(0, headEnd), delimiter, displayPath);
  const header = findHeader(head, table);
  if (!header || head.length !== Math.min(HEAD_RECORDS, records.count)) return undefined;
  const width = Math.max(...head.map((r) => r.cells.length));

  // Data records: DuckDB skips empty lines, so they are kept aside as blank rows.
  const lines: number[] = [];
  const blank: number[] = [];
  for (let i = header.index + 1; i < records.count; i++) (records.empty[i] ? blank : lines).push(records.starts[i]!);
  const skip = (records.starts[header.index + 1] ?? records.lastLine + 1) - 1;

  const csv = `${q(work.catalog)}.csv_cells`;
  const cols = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.run(`CREATE OR REPLACE TABLE ${csv} AS SELECT * FROM read_csv(${lit(path)}, auto_detect = false, header = false,
    skip = ${skip}, delim = ${lit(delimiter)}, quote = '"', escape = '"', null_padding = true, parallel = false,
    strict_mode = false, columns = {${cols}})`);
  const count = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${csv}`))?.n;
  if (count !== lines.length) return undefined;

  const contiguous = lines.every((line, i) => line === lines[0]! + i);
  let lineExpr = `${lines[0] ?? 0} + c.rowid`;
  let join = '';
  if (!contiguous) {
    await appendLines(db, work.catalog, lines);
    lineExpr = 'l.line';
    join = `JOIN ${q(work.catalog)}.csv_lines l ON l.i = c.rowid`;
  }
  const names = Object.keys(table.columns);
  const cell = (name: string) => {
    const p = header.columns.get(name);
    const type = table.columns[name]?.type;
    // Personal data that is dropped is never read; parsed columns are normalised in JavaScript,
    // once per distinct value; free text is NFC here, like the JavaScript reader's cellText.
    if (p === undefined || type?.pii === 'drop') return 'NULL';
    const trimmed = `nullif(trim(c.c${p}, ' \t\r\n' || chr(160)), '')`;
    return type?.kind === 'sql' ? `nfc_normalize(${trimmed})` : trimmed;
  };
  const target = `${q(work.catalog)}.${q(work.table)}`;
  await db.run(`INSERT INTO ${target} (file_idx, row_no, ${names.map(q).join(', ')})
    SELECT ${fileIdx}, ${lineExpr}, ${names.map(cell).join(', ')} FROM ${csv} c ${join}`);
  if (blank.length > 0) await db.run(`INSERT INTO ${target} (file_idx, row_no) SELECT ${fileIdx}, unnest([${blank.join(', ')}])`);
  await db.run(`DROP TABLE ${csv}`);
  return {
    rows: lines.length + blank.length,
    present: [...header.columns.keys()],
    warnings: headerWarnings(header, table),
    notes: [`delimiter "${delimiter}"`, `encoding ${bom ? 'utf-8-bom' : 'utf-8'}`, 'read by DuckDB'],
  };
}

/**
 * Record boundaries as a CSV reader sees them (quotes may hide line breaks): where each record
 * starts (line number) and ends (offset), and whether it is an empty line. Undefined when a
 * quote is never closed (the JavaScript reader then reports it).
 */
export function scanRecords(text: string): { starts: Int32Array; ends: number[]; empty: Uint8Array; count: number; lastLine: number } | undefined {
  const starts: number[] = [];
  const ends: number[] = [];
  const empty: number[] = [];
  let line = 1;
  let recordStart = 0;
  let recordLine = 1;
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted; // "
    else if (ch === 10) {
      line++;
      if (!quoted) {
        const len = i - recordStart - (i > recordStart && text.charCodeAt(i - 1) === 13 ? 1 : 0);
        starts.push(recordLine);
        ends.push(i + 1);
        empty.push(len === 0 ? 1 : 0);
        recordStart = i + 1;
        recordLine = line;
      }
    }
  }
  if (quoted) return undefined;
  if (recordStart < n) {
    starts.push(recordLine);
    ends.push(n);
    empty.push(0);
  }
  return { starts: Int32Array.from(starts), ends, empty: Uint8Array.from(empty), count: starts.length, lastLine: line };
}

async function appendLines(db: Db, catalog: string, lines: number[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${q(catalog)}.csv_lines (i BIGINT, line INTEGER)`);
  const appender = await db.connection.createAppender('csv_lines', 'main', catalog);
  for (let i = 0; i < lines.length; i++) {
    appender.appendBigInt(BigInt(i));
    appender.appendInteger(lines[i]!);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
