// From a file on disk to the data rows of one table: sheet choice, header, column mapping.
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
  warnings: string[];
  notes: string[];
}

export async function readTableFile(path: string, displayPath: string, format: 'csv' | 'xlsx', table: TableSpec, bytes?: Buffer): Promise<TableRows> {
  const raw = format === 'csv' ? await readCsv(path, displayPath, bytes) : await readXlsx(path, displayPath, bytes);
  const warnings: string[] = [];
  if (raw.legacyEncoding) warnings.push(`legacy ${raw.legacyEncoding} text converted to Unicode`);
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

export function headerWarnings(header: HeaderMatch, table: TableSpec): string[] {
  const warnings: string[] = [];
  if (header.unmatched.length > 0) warnings.push(`columns ignored (no such column in ${table.name}): ${header.unmatched.join(', ')}`);
  for (const name of header.repeated) warnings.push(`column "${name}" appears twice; the first one is read`);
  return warnings;
}

/** The sheets a data-entry form (`pnpm forms`) carries beside its data: read past without a warning. */
export const FORM_SHEETS = { instructions: 'Hướng dẫn', lists: 'Danh mục' } as const;
const formSheets = new Set<string>(Object.values(FORM_SHEETS));

/** The sheet named after the table, else the first sheet with the table's header; the others are ignored with a warning. */
function chooseSheet(sheets: RawSheet[], table: TableSpec, displayPath: string, warnings: string[]): { sheet: RawSheet; header: HeaderMatch } {
  const names = new Set([table.name, ...(table.prefixes ?? [])].map(headerKey));
  const candidates = [
    ...sheets.filter((s) => s.sheetName !== undefined && names.has(headerKey(s.sheetName))),
    ...sheets,
  ];
  for (const sheet of candidates) {
    const header = findHeader(sheet.rows, table);
    if (!header) continue;
    for (const other of sheets) {
      if (other !== sheet && !formSheets.has(other.sheetName ?? '') && other.rows.some((r) => r.cells.some((c) => c !== null))) {
        warnings.push(`sheet "${other.sheetName}" ignored (the table is read from sheet "${sheet.sheetName}")`);
      }
    }
    return { sheet, header };
  }
  const first = candidates[0];
  throw new SourceFileError(displayPath, first ? describeMissingHeader(first.rows, table) : 'no data');
}
