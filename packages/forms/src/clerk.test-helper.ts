// For the tests: a clerk filling a written form through exceljs, picking every value the way the
// form allows it (from the validation's list, inside its bounds, at its length).
import ExcelJS from 'exceljs';
import { LAYOUT, SHEETS, validationsOf } from './workbook.ts';

export interface FormFile {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  headers: string[];
  /** Data validation of the first data row, per column (1-based index). */
  validation(col: number): ExcelJS.DataValidation | undefined;
  /** The values a list validation offers, read from the range it points at. */
  listValues(col: number): string[];
}

export async function openForm(path: string): Promise<FormFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const headers: string[] = [];
  sheet.getRow(LAYOUT.headerRow).eachCell((cell, col) => (headers[col - 1] = String(cell.value)));
  const validation = (col: number) => validationsOf(sheet).model[`${sheet.getColumn(col).letter}${LAYOUT.firstDataRow}`];
  const listValues = (col: number) => {
    const v = validation(col);
    if (v?.type !== 'list') return [];
    const m = String(v.formulae[0]).match(/^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/);
    if (!m || m[1] !== SHEETS.lists) throw new Error(`unexpected list formula ${String(v.formulae[0])}`);
    const lists = workbook.getWorksheet(SHEETS.lists)!;
    const out: string[] = [];
    for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(lists.getCell(`${m[2]}${r}`).value));
    return out;
  };
  return { workbook, sheet, headers, validation, listValues };
}

/**
 * Fills `rows` data rows below any pre-filled ones, and the blank cells of pre-filled rows: list
 * values in turn, whole numbers and dates inside the validation's bounds, text of the required
 * length, other text as `R<n>` (the same in every form, so household ids in `ho` and
 * `nhan_khau` agree). Returns the sheet row numbers filled.
 */
export function fillAsClerk(form: FormFile, rows: number, year: number): number[] {
  const { sheet } = form;
  let prefilled = 0;
  while (sheet.getRow(LAYOUT.firstDataRow + prefilled).hasValues) prefilled++;
  const filled: number[] = [];
  for (let i = 0; i < prefilled + rows; i++) {
    const rowNo = LAYOUT.firstDataRow + i;
    filled.push(rowNo);
    form.headers.forEach((_, c) => {
      const cell = sheet.getCell(rowNo, c + 1);
      if (cell.value !== null && cell.value !== undefined) return;
      cell.value = valueFor(form, c + 1, i, year);
    });
  }
  return filled;
}

function valueFor(form: FormFile, col: number, i: number, year: number): ExcelJS.CellValue {
  const v = form.validation(col);
  if (!v) throw new Error(`column ${form.headers[col - 1]} has no validation`);
  if (v.type === 'list') {
    const values = form.listValues(col);
    return values[i % values.length]!;
  }
  if (v.type === 'whole') {
    const [a, b] = v.formulae.map(Number) as [number, number | undefined];
    const min = a;
    const max = v.operator === 'between' ? b! : Number.POSITIVE_INFINITY;
    // A year column's bounds are years: pick one inside; other numbers a small count.
    return min >= 1000 ? Math.min(max, min + 80) : Math.min(max, Math.max(min, 4));
  }
  if (v.type === 'decimal') {
    // A measure (a weight in kg): a plausible one inside the bounds.
    const [min, max] = v.formulae.map(Number) as [number, number | undefined];
    return Math.min(v.operator === 'between' ? max! : Number.POSITIVE_INFINITY, Math.max(min, 4.5));
  }
  if (v.type === 'date') {
    const [from, to] = v.formulae.map((f) => new Date(f as string | Date));
    const pick = to ?? new Date(Date.UTC(year, 0, 15));
    return from! > pick ? from! : pick;
  }
  if (v.type === 'textLength') return String(i + 1).padStart(Number(v.formulae[0]), '0');
  return `R${i + 1}`;
}
