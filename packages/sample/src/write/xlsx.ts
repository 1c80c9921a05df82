import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { FileStyle } from '../format/style.ts';
import type { Cell } from '../format/values.ts';
import { textTransform } from './text.ts';

/** Fixed workbook dates: the same options give the same workbook properties. */
const FIXED_DATE = new Date(Date.UTC(2025, 11, 1, 0, 0, 0));

export interface SheetSpec {
  name: string;
  grid: Iterable<Cell[]>;
  merges: string[];
}

/**
 * Writes sheets with exceljs's streaming writer (fast, little memory). Empty rows are left
 * out, as Excel does; dates get a dd/mm/yyyy format; TCVN3 text gets a .VnTime font, which
 * is how such files look in the wild.
 */
export async function writeXlsx(file: string, sheets: SheetSpec[], style: FileStyle): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'UBND huyện Bảo Yên';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const transform = textTransform(style);
  const legacyFont = style.text === 'tcvn3' ? { name: '.VnTime', size: 12 } : null;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const m of sheet.merges) ws.mergeCells(m);
    let i = 0;
    for (const cells of sheet.grid) {
      i++;
      if (cells.every((c) => c === null)) continue;
      const row = ws.getRow(i);
      cells.forEach((c, j) => {
        if (c === null) return;
        const cell = row.getCell(j + 1);
        cell.value = typeof c === 'string' ? transform(c) : c;
        if (c instanceof Date) cell.numFmt = 'dd/mm/yyyy';
        if (legacyFont && typeof c === 'string') cell.font = legacyFont;
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
