// The whole-workbook reader this package used before it streamed (exceljs loads every sheet into
// memory). Kept as the reference the streaming reader (xlsx.ts) is checked against in its tests,
// and as the baseline scripts/bench-xlsx.ts measures it against. Not used to read sources.
import { guessCellEncoding } from '@dtts/vn-text';
import ExcelJS from 'exceljs';
import { SourceFileError } from '../errors.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { cellText, type RawFile, type RawRow, type RawSheet } from './sheet.ts';
import { cellToText } from './xlsx.ts';
import { checkXlsx } from './xlsx-guard.ts';

export async function readXlsxWhole(path: string, displayPath: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawFile> {
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

/** Down a column a merged cell repeats its master's value; across columns it does not (xlsx-merges.ts). */
function mergedValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (!cell.isMerged) return cell.value;
  return cell.master.col === cell.col ? cell.master.value : null;
}
