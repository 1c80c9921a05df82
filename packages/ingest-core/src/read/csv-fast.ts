// The fast path for big UTF-8 CSV files: DuckDB's own read_csv loads the cells, and JavaScript
// only finds the header (in the head the scan kept) and maps DuckDB's rows to the lines a
// steward sees in an editor (from the scan's few odd records), so the file is never held in
// JavaScript. Anything unusual (a legacy encoding, DuckDB and the scan disagreeing on the
// records) returns undefined and the file goes through the streaming JavaScript reader instead.
import type { Finding } from '@dtts/messages';
import { quoteIdent as q, quoteLiteral as lit, type Db } from '@dtts/db';
import type { TableSpec } from '../contract.ts';
import { detectDelimiter, parseCsvRows } from './csv.ts';
import { findHeader } from './header.ts';
import { headerWarnings } from './index.ts';
import { HEAD_RECORDS, type CsvScan } from './scan.ts';

export interface FastCsvResult {
  rows: number;
  present: string[];
  warnings: Finding[];
  notes: string[];
}

const utf8 = new TextDecoder('utf-8');

export async function loadCsvFast(
  db: Db, work: { catalog: string; table: string }, fileIdx: number, path: string, displayPath: string, table: TableSpec, scan: CsvScan,
): Promise<FastCsvResult | undefined> {
  if (scan.bytes === 0 || scan.binary || !scan.utf8 || scan.bom === 'utf-16le' || scan.bom === 'utf-16be' || scan.records < 0) return undefined;
  const headCount = Math.min(HEAD_RECORDS, scan.records);
  if (scan.headRecords.length < headCount) return undefined; // a head too big to keep: the JavaScript reader
  const text = utf8.decode(scan.head.subarray(0, scan.headRecords[headCount - 1]?.end ?? 0)); // (TextDecoder drops a BOM by itself)
  const delimiter = detectDelimiter(text);
  const head = parseCsvRows(text, delimiter, displayPath);
  const header = findHeader(head, table);
  if (!header || head.length !== headCount) return undefined;
  const width = Math.max(...head.map((r) => r.cells.length));

  const { anchors, blank, dataRows, firstLine } = lineMap(scan, header.index + 1);
  const cols = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // One pass from the file into the work table: DuckDB's rows numbered in file order (one reader
  // thread, parallel = false, so row_number() over () follows the file).
  const csv = `(SELECT *, row_number() OVER () - 1 AS d FROM read_csv(${lit(path)}, auto_detect = false, header = false,
    skip = ${firstLine - 1}, delim = ${lit(delimiter)}, quote = '"', escape = '"', null_padding = true, parallel = false,
    strict_mode = false, columns = {${cols}}))`;

  let lineExpr = `${firstLine} + c.d`;
  let join = '';
  if (anchors.length > 1) {
    await appendAnchors(db, work.catalog, anchors);
    lineExpr = 'a.line + (c.d - a.d)';
    join = `ASOF JOIN ${q(work.catalog)}.csv_anchors a ON c.d >= a.d`;
  }
  const names = Object.keys(table.columns);
  const cell = (name: string) => {
    const p = header.columns.get(name);
    const type = table.columns[name]?.type;
    // Personal data that is dropped is never read; parsed columns are normalised in JavaScript,
    // once per distinct value; free text is NFC here, like the JavaScript reader's cellText.
    if (p === undefined || type?.pii === 'drop') return 'NULL';
    const trimmed = `nullif(${trimSql(`c.c${p}`)}, '')`;
    return type?.kind === 'sql' ? `nfc_normalize(${trimmed})` : trimmed;
  };
  const target = `${q(work.catalog)}.${q(work.table)}`;
  const inserted = await db.connection.run(`INSERT INTO ${target} (file_idx, row_no, ${names.map(q).join(', ')})
    SELECT ${fileIdx}, ${lineExpr}, ${names.map(cell).join(', ')} FROM ${csv} c ${join}`);
  // DuckDB and the scan disagree on the records: the JavaScript reader reads the file instead.
  if (inserted.rowsChanged !== dataRows) {
    await db.run(`DELETE FROM ${target} WHERE file_idx = ${fileIdx}`);
    return undefined;
  }
  if (blank.length > 0) await db.run(`INSERT INTO ${target} (file_idx, row_no) SELECT ${fileIdx}, unnest([${blank.join(', ')}])`);
  return {
    rows: dataRows + blank.length,
    present: [...header.columns.keys()],
    warnings: headerWarnings(header, table),
    notes: [`delimiter "${delimiter}"`, `encoding ${scan.bom ?? 'utf-8'}`, 'read by DuckDB'],
  };
}

/** What a cell is trimmed of, like the JavaScript reader: spaces, tabs, line breaks and the no-break space. */
const BLANKS = [`' '`, 'chr(9)', 'chr(10)', 'chr(13)', 'chr(160)'];

/**
 * A cell trimmed of BLANKS at both ends, as SQL. DuckDB's trim with a set of characters reads the set
 * again for every cell, which cost more than reading the file (a card file of 90,000 rows and 9 columns,
 * one thread: 0.21 s against 0.10 s with no trim); nearly no cell begins or ends with a blank, so the
 * ends are tested first (0.13 s). The same text either way.
 */
export function trimSql(cell: string): string {
  const atEnds = BLANKS.flatMap((b) => [`starts_with(${cell}, ${b})`, `ends_with(${cell}, ${b})`]).join(' OR ');
  return `CASE WHEN ${atEnds} THEN trim(${cell}, ${BLANKS.join(' || ')}) ELSE ${cell} END`;
}

/**
 * Where DuckDB's rows (the non-empty records from `first` on, numbered by rowid) sit in the
 * file: data row d is on line `line + (d - a.d)` of the last anchor a with a.d ≤ d. Records
 * after an empty or multi-line record start a new anchor; empty records are blank rows.
 */
export function lineMap(scan: Pick<CsvScan, 'records' | 'odd' | 'headRecords' | 'lines'>, first: number) {
  const startOf = (i: number) => scan.headRecords[i]?.line ?? scan.lines;
  const firstLine = startOf(first);
  const anchors: { d: number; line: number }[] = [{ d: 0, line: firstLine }];
  const blank: number[] = [];
  let d = 0;
  let next = first;
  for (const o of scan.odd) {
    if (o.index < first) continue;
    d += o.index - next;
    if (o.empty) blank.push(o.line);
    else d += 1;
    next = o.index + 1;
    const anchor = { d, line: o.line + o.lines };
    if (anchors[anchors.length - 1]!.d === d) anchors[anchors.length - 1] = anchor;
    else anchors.push(anchor);
  }
  const dataRows = d + Math.max(0, scan.records - next);
  return { anchors, blank, dataRows, firstLine };
}

async function appendAnchors(db: Db, catalog: string, anchors: { d: number; line: number }[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${q(catalog)}.csv_anchors (d BIGINT, line INTEGER)`);
  const appender = await db.connection.createAppender('csv_anchors', 'main', catalog);
  for (const a of anchors) {
    appender.appendBigInt(BigInt(a.d));
    appender.appendInteger(a.line);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
