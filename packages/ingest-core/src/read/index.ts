// From a file on disk to the data rows of one table: sheet choice, header, column mapping.
// Rows are handed on in batches as they are read, so a big CSV never sits in memory whole.
import { finding, type Finding } from '@dtts/messages';
import { headerKey } from '@dtts/vn-text';
import type { TableSpec } from '../contract.ts';
import { SourceFileError } from '../errors.ts';
import { csvRows, openCsv } from './csv.ts';
import { describeMissingHeader, findHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from './header.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { scanCsv, type CsvScan } from './scan.ts';
import type { RawRow, RawSheet } from './sheet.ts';

/** Rows handed to `onRows` at a time from a workbook. */
const BATCH_ROWS = 4096;

export interface TableRow { rowNo: number; cells: (string | null)[] }

export interface TableRead {
  /** The table's columns, in the order of each row's cells (null where blank or absent). */
  columns: string[];
  /** Columns whose header the file has. */
  present: string[];
  /** Data rows read (below the header). */
  rows: number;
  warnings: Finding[];
  notes: string[];
}

export interface TableRows extends Omit<TableRead, 'rows'> {
  rows: TableRow[];
}

export interface StreamOptions {
  limits?: ReadLimits;
  /** The CSV file's scan, when the caller has made it (it holds the sha256). */
  scan?: CsvScan;
}

/** Reads a file's data rows for `table`, handing them to `onRows` in batches as they come. */
export async function streamTableFile(
  path: string, displayPath: string, format: 'csv' | 'xlsx', table: TableSpec,
  onRows: (rows: TableRow[]) => Promise<void>, opts: StreamOptions = {},
): Promise<TableRead> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const columns = Object.keys(table.columns);
  const warnings: Finding[] = [];
  let rows = 0;
  const emit = async (raw: RawRow[], header: HeaderMatch) => {
    if (raw.length === 0) return;
    const positions = columns.map((name) => header.columns.get(name));
    rows += raw.length;
    await onRows(raw.map((row) => ({ rowNo: row.rowNo, cells: positions.map((p) => (p === undefined ? null : (row.cells[p] ?? null))) })));
  };

  if (format === 'xlsx') {
    // The heads of all sheets choose the sheet and its header; then only that sheet is streamed.
    // Loaded on the first workbook: exceljs is a large module that a run of CSV files never needs.
    const { openXlsx } = await import('./xlsx.ts');
    const workbook = await openXlsx(path, displayPath, limits);
    if (workbook.legacyEncoding) warnings.push(finding('legacy_encoding', { encoding: workbook.legacyEncoding }));
    const { sheet, header } = chooseSheet(workbook.sheets, table, displayPath, warnings);
    warnings.push(...headerWarnings(header, table));
    const headerRow = sheet.rows[header.index]!.rowNo;
    for await (const batch of workbook.rows(sheet, headerRow + 1, BATCH_ROWS)) await emit(batch, header);
    return { columns, present: [...header.columns.keys()], rows, warnings, notes: workbook.notes };
  }

  const opened = openCsv(opts.scan ?? (await scanCsv(path, displayPath, limits)), displayPath);
  if (opened.codec) warnings.push(finding('legacy_encoding', { encoding: opened.codec.label }));
  // The header is found in the first rows; those are kept until it is, the rest stream through.
  const head: RawRow[] = [];
  let header: HeaderMatch | undefined;
  for await (const batch of csvRows(path, displayPath, opened, limits)) {
    if (header) {
      await emit(batch, header);
      continue;
    }
    head.push(...batch);
    if (head.length >= HEADER_SEARCH_ROWS) header = headerOf(head, table, displayPath, warnings);
    if (header) await emit(head.slice(header.index + 1), header);
  }
  if (!header) {
    header = headerOf(head, table, displayPath, warnings);
    await emit(head.slice(header.index + 1), header);
  }
  return { columns, present: [...header.columns.keys()], rows, warnings, notes: opened.notes };
}

function headerOf(rows: RawRow[], table: TableSpec, displayPath: string, warnings: Finding[]): HeaderMatch {
  const { header } = chooseSheet([{ rows }], table, displayPath, warnings);
  warnings.push(...headerWarnings(header, table));
  return header;
}

/** A whole file's data rows in memory (tests, the conformance suite, small files). */
export async function readTableFile(path: string, displayPath: string, format: 'csv' | 'xlsx', table: TableSpec, opts: StreamOptions = {}): Promise<TableRows> {
  const rows: TableRow[] = [];
  const read = await streamTableFile(path, displayPath, format, table, async (batch) => void rows.push(...batch), opts);
  return { ...read, rows };
}

export function headerWarnings(header: HeaderMatch, table: TableSpec): Finding[] {
  const warnings: Finding[] = [];
  if (header.unmatched.length > 0) warnings.push(finding('columns_ignored', { table: table.name, columns: header.unmatched.join(', ') }));
  for (const name of header.repeated) warnings.push(finding('column_repeated', { column: name }));
  return warnings;
}

/** The sheets a data-entry form (`pnpm forms`) carries beside its data: read past without a warning. */
export const FORM_SHEETS = { instructions: 'Hướng dẫn', lists: 'Danh mục' } as const;
const formSheets = new Set<string>(Object.values(FORM_SHEETS));

/** The sheet named after the table, else the first sheet with the table's header; the others are ignored with a warning. */
function chooseSheet<S extends RawSheet>(sheets: S[], table: TableSpec, displayPath: string, warnings: Finding[]): { sheet: S; header: HeaderMatch } {
  const names = new Set([table.name, ...(table.prefixes ?? [])].map(headerKey));
  const candidates = [
    ...sheets.filter((s) => s.sheetName !== undefined && names.has(headerKey(s.sheetName))),
    ...sheets,
  ];
  for (const sheet of candidates) {
    const header = findHeader(sheet.rows, table);
    if (!header) continue;
    for (const other of sheets) {
      if (other !== sheet && !formSheets.has(other.sheetName ?? '') && (other.hasData ?? other.rows.some((r) => r.cells.some((c) => c !== null)))) {
        warnings.push(finding('sheet_ignored', { sheet: other.sheetName ?? '', readSheet: sheet.sheetName ?? '' }));
      }
    }
    return { sheet, header };
  }
  const first = candidates[0];
  throw new SourceFileError(displayPath, first ? describeMissingHeader(first.rows, table) : 'no data');
}
