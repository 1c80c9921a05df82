// From a file on disk to the data rows of one table: sheet choice, header, column mapping.
import { finding, type Finding } from '@dtts/messages';
import { headerKey } from '@dtts/vn-text';
import type { TableSpec } from '../contract.ts';
import { SourceFileError } from '../errors.ts';
import { readCsv } from './csv.ts';
import { describeMissingHeader, findHeader, type HeaderMatch } from './header.ts';
import type { RawRow, RawSheet } from './sheet.ts';
import { readXlsx } from './xlsx.ts';

export interface TableRows {
  /** Column name → cells in data-row order (null where blank or absent). */
  columns: string[];
  /** Columns whose header the file has. */
  present: string[];
  rows: { rowNo: number; cells: (string | null)[] }[];
  warnings: Finding[];
  notes: string[];
}

export async function readTableFile(path: string, displayPath: string, format: 'csv' | 'xlsx', table: TableSpec, bytes?: Buffer): Promise<TableRows> {
  const raw = format === 'csv' ? await readCsv(path, displayPath, bytes) : await readXlsx(path, displayPath, bytes);
  const warnings: Finding[] = [];
  if (raw.legacyEncoding) warnings.push(finding('legacy_encoding', { encoding: raw.legacyEncoding }));
  const { sheet, header } = chooseSheet(raw.sheets, table, displayPath, warnings);
  warnings.push(...headerWarnings(header, table));
  const columns = Object.keys(table.columns);
  const positions = columns.map((name) => header.columns.get(name));
  const rows = sheet.rows.slice(header.index + 1).map((row: RawRow) => ({
    rowNo: row.rowNo,
    cells: positions.map((p) => (p === undefined ? null : (row.cells[p] ?? null))),
  }));
  return { columns, present: [...header.columns.keys()], rows, warnings, notes: raw.notes };
}

export function headerWarnings(header: HeaderMatch, table: TableSpec): Finding[] {
  const warnings: Finding[] = [];
  if (header.unmatched.length > 0) warnings.push(finding('columns_ignored', { table: table.name, columns: header.unmatched.join(', ') }));
  for (const name of header.repeated) warnings.push(finding('column_repeated', { column: name }));
  return warnings;
}

/** The sheet named after the table, else the first sheet with the table's header; the others are ignored with a warning. */
function chooseSheet(sheets: RawSheet[], table: TableSpec, displayPath: string, warnings: Finding[]): { sheet: RawSheet; header: HeaderMatch } {
  const names = new Set([table.name, ...(table.prefixes ?? [])].map(headerKey));
  const candidates = [
    ...sheets.filter((s) => s.sheetName !== undefined && names.has(headerKey(s.sheetName))),
    ...sheets,
  ];
  for (const sheet of candidates) {
    const header = findHeader(sheet.rows, table);
    if (!header) continue;
    for (const other of sheets) {
      if (other !== sheet && other.rows.some((r) => r.cells.some((c) => c !== null))) {
        warnings.push(finding('sheet_ignored', { sheet: other.sheetName ?? '', readSheet: sheet.sheetName ?? '' }));
      }
    }
    return { sheet, header };
  }
  const first = candidates[0];
  throw new SourceFileError(displayPath, first ? describeMissingHeader(first.rows, table) : 'no data');
}
