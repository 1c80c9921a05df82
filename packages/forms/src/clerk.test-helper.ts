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
  /** What the lists sheet shows beside each of those values (its "Kèm theo" column), or undefined. */
  listNotes(col: number): (string | undefined)[];
}

export async function openForm(path: string): Promise<FormFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const headers: string[] = [];
  sheet.getRow(LAYOUT.headerRow).eachCell((cell, col) => (headers[col - 1] = String(cell.value)));
  const validation = (col: number) => validationsOf(sheet).model[`${sheet.getColumn(col).letter}${LAYOUT.firstDataRow}`];
  /** The list's cells on the lists sheet (`offset` 1: the note column beside them). */
  const listCells = (col: number, offset: number) => {
    const v = validation(col);
    if (v?.type !== 'list') return [];
    const m = String(v.formulae[0]).match(/^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/);
    if (!m || m[1] !== SHEETS.lists) throw new Error(`unexpected list formula ${String(v.formulae[0])}`);
    const lists = workbook.getWorksheet(SHEETS.lists)!;
    const at = lists.getColumn(m[2]!).number + offset;
    const out: ExcelJS.CellValue[] = [];
    for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(lists.getCell(r, at).value);
    return out;
  };
  const listValues = (col: number) => listCells(col, 0).map((x) => String(x));
  const listNotes = (col: number) => listCells(col, 1).map((x) => (x === null || x === undefined ? undefined : String(x)));
  return { workbook, sheet, headers, validation, listValues, listNotes };
}

/**
 * Fills `rows` data rows below any pre-filled ones, and the blank cells of pre-filled rows: list
 * values in turn (among those whose note on the lists sheet names a value already in the row,
 * when there are such, as a clerk reading the note would: a former commune beside the commune
 * it went into), whole and decimal numbers and dates inside the validation's bounds, text of the required
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
      cell.value = valueFor(form, c + 1, i, year, rowNo);
    });
  }
  return filled;
}

function valueFor(form: FormFile, col: number, i: number, year: number, rowNo: number): ExcelJS.CellValue {
  const v = form.validation(col);
  if (!v) throw new Error(`column ${form.headers[col - 1]} has no validation`);
  if (v.type === 'list') {
    const values = form.listValues(col);
    const notes = form.listNotes(col);
    const inRow = new Set(form.headers.map((_, c) => form.sheet.getCell(rowNo, c + 1).value).filter((x) => x !== null && x !== undefined).map(String));
    const fitting = values.filter((_, k) => notes[k] !== undefined && inRow.has(notes[k]!));
    const pick = fitting.length > 0 ? fitting : values;
    return pick[i % pick.length]!;
  }
  if (v.type === 'whole') {
    const [a, b] = v.formulae.map(Number) as [number, number | undefined];
    const min = a;
    const max = v.operator === 'between' ? b! : Number.POSITIVE_INFINITY;
    // A year column's bounds are years: pick one inside; other numbers a small count.
    return min >= 1000 ? Math.min(max, min + 80) : Math.min(max, Math.max(min, 4));
  }
  if (v.type === 'decimal') {
    // A measure (a weight in kg): a small value inside the bounds, as for whole numbers.
    const [min, b] = v.formulae.map(Number) as [number, number | undefined];
    const max = v.operator === 'between' ? b! : Number.POSITIVE_INFINITY;
    return Math.min(max, Math.max(min, 4));
  }
  if (v.type === 'date') {
    const [from, to] = v.formulae.map((f) => new Date(f as string | Date));
    const pick = to ?? new Date(Date.UTC(year, 0, 15));
    return new Date(Math.max(from!.getTime(), pick.getTime()));
  }
  if (v.type === 'textLength') return String(i + 1).padStart(Number(v.formulae[0]), '0');
  return `R${i + 1}`;
}
