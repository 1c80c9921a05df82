// Excel workbooks, read in JavaScript (DuckDB's excel extension cannot be downloaded here),
// after xlsx-guard.ts has checked their size. Cells typed in legacy .VnTime (TCVN3) or VNI
// fonts are recognised per workbook by reading them as Vietnamese syllables, and converted.
import ExcelJS from 'exceljs';
import { guessCellEncoding } from '@dtts/vn-text';
import { SourceFileError } from '../errors.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { cellText, type RawFile, type RawRow, type RawSheet } from './sheet.ts';
import { checkXlsx } from './xlsx-guard.ts';

export async function readXlsx(path: string, displayPath: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawFile> {
  await checkXlsx(path, displayPath, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new SourceFileError(displayPath, `not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNo) => {
      const cells: (string | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNo) => {
        cells[colNo - 1] = cellText(cellToText(mergedValue(cell)));
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows.push({ rowNo, cells });
    });
    sheets.push({ sheetName: worksheet.name, rows });
  });
  if (sheets.length === 0) throw new SourceFileError(displayPath, 'the workbook has no sheets');
  const sample = sheets.flatMap((s) => s.rows.slice(0, 200).flatMap((r) => r.cells.filter((c): c is string => c !== null)));
  const codec = guessCellEncoding(sample);
  if (codec) {
    for (const sheet of sheets) {
      for (const row of sheet.rows) row.cells = row.cells.map((c) => (c === null ? null : cellText(codec.convert(c))));
    }
    return { sheets, notes: [`legacy ${codec.label} text converted to Unicode`], legacyEncoding: codec.label };
  }
  return { sheets, notes: [] };
}

/**
 * A merged cell repeats its master's value only down a column: a label merged over two header
 * rows, or a commune merged over several data rows, belongs to every row of the column. Across
 * columns the value is one cell's (a title, a signature, a date line spanning the required
 * columns of a footer), so the other columns stay blank and the footer is still skipped (§2).
 */
function mergedValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (!cell.isMerged) return cell.value;
  return cell.master.col === cell.col ? cell.master.value : null;
}

/** The text a person sees in the cell; dates as ISO (yyyy-mm-dd), formulas by their result. */
export function cellToText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellToText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}
