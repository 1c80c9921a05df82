// One data-entry workbook for one table of one connector and year: the data sheet (title block,
// headers, validations, input messages, formats), the instructions and the lists it picks from.
import ExcelJS from 'exceljs';
import { neutraliseCell } from '@dtts/db';
import { FORM_SHEETS, type Connector, type TableSpec } from '@dtts/ingest-core';
import { dateBounds, formColumns, truncate, type FormColumn } from './columns.ts';
import { instructionRows } from './instructions.ts';
import { prefillRows } from './prefill.ts';
import type { PreviousYear } from './previous.ts';
import { addDays, formatDateVi } from './vi-format.ts';

/** Where things sit on the data sheet (rows as Excel numbers them). */
export const LAYOUT = { markerRow: 6, headerRow: 7, firstDataRow: 8 } as const;
/** The instructions and lists sheets: named where the engine reads past them (ingest-core). */
export const SHEETS = FORM_SHEETS;
/** Rows open for entry below the pre-filled ones. */
const BLANK_ROWS = 1000;

const FILL = { required: 'FFF8CBAD', personal: 'FFFFF2CC', optional: 'FFD9E1F2' } as const;

export interface FormSpec {
  connector: Connector;
  table: TableSpec;
  year: number;
  previous?: PreviousYear;
  /** ISO date the filled form is due; 30 days after the reference date when absent. */
  due?: string;
}

export interface BuiltForm {
  workbook: ExcelJS.Workbook;
  columns: FormColumn[];
  prefilled: number;
  dataRows: { first: number; last: number };
}

export function buildForm(spec: FormSpec): BuiltForm {
  const { connector, table, year } = spec;
  const referenceDate = connector.referenceDate(year);
  const due = spec.due ?? addDays(referenceDate, 30);
  const columns = formColumns(connector, table, year, spec.previous);
  const prefilled = spec.previous ? prefillRows(connector, table, columns, spec.previous, year) : [];
  const first = LAYOUT.firstDataRow;
  const last = first + prefilled.length + BLANK_ROWS - 1;

  const workbook = new ExcelJS.Workbook();
  // Fixed metadata keep a year's forms byte-comparable from one run to the next.
  workbook.creator = 'Kho chỉ tiêu DTTS Bảo Yên (pnpm forms)';
  workbook.created = workbook.modified = new Date(Date.UTC(year, 0, 1));
  workbook.title = `${table.vi?.title ?? table.name} — ${year}`;

  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: LAYOUT.headerRow, xSplit: 0 }] });
  const instructions = workbook.addWorksheet(SHEETS.instructions);
  const lists = workbook.addWorksheet(SHEETS.lists);

  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    col.style = { numFmt: c.numFmt, protection: { locked: false } };
  });

  const title = [
    `BIỂU NHẬP LIỆU: ${(table.vi?.title ?? table.name).toUpperCase()} NĂM ${year}`,
    `Nguồn: ${connector.title}. Đơn vị điền và gửi: ${connector.owner}.`,
    `Số liệu tính đến ngày ${formatDateVi(referenceDate)} (ngày tham chiếu). Hạn gửi: ${formatDateVi(due)}.`,
    `${table.vi?.row ?? table.description}. Không sửa, không xoá dòng tiêu đề cột (dòng ${LAYOUT.headerRow}); xem trang "${SHEETS.instructions}".`,
  ];
  title.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.style = { font: { bold: i === 0, size: i === 0 ? 14 : 11 }, protection: { locked: true }, numFmt: 'General' };
  });
  for (let r = 1; r <= LAYOUT.headerRow; r++) {
    for (let i = 1; i <= columns.length; i++) {
      const cell = sheet.getCell(r, i);
      // Every cell above the entry rows is locked, not only those with text.
      if (i > 1 || r > title.length) cell.style = { protection: { locked: true }, numFmt: 'General' };
    }
  }
  columns.forEach((c, i) => {
    const marker = sheet.getCell(LAYOUT.markerRow, i + 1);
    marker.value = c.required === 'yes' ? 'Bắt buộc' : c.required === 'one-of' ? 'Bắt buộc (một trong)' : c.personal ? 'Dữ liệu cá nhân' : null;
    marker.style = { font: { italic: true, size: 9, color: { argb: 'FF9C0006' } }, protection: { locked: true }, alignment: { wrapText: true } };
    const header = sheet.getCell(LAYOUT.headerRow, i + 1);
    header.value = c.header;
    const fill = c.required !== 'no' ? FILL.required : c.personal ? FILL.personal : FILL.optional;
    header.style = {
      font: { bold: true },
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } },
      border: { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } },
      protection: { locked: true },
    };
    header.note = c.hint;
  });
  sheet.getRow(LAYOUT.headerRow).height = 32;

  prefilled.forEach((values, r) => {
    columns.forEach((c, i) => {
      const v = values[c.name];
      if (v !== null && v !== undefined) sheet.getCell(first + r, i + 1).value = neutraliseCell(v);
    });
  });

  const listRanges = writeLists(lists, columns);
  columns.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    validationsOf(sheet).add(`${letter}${first}:${letter}${last}`, validation(c, listRanges.get(c.name), connector, year));
  });

  for (const row of instructionRows({ connector, table, year, columns, due, prefilled: prefilled.length, previousYear: spec.previous?.year })) {
    const added = instructions.addRow(row.cells.map((t) => neutraliseCell(t)));
    added.font = { bold: row.bold ?? false, size: row.size ?? 11 };
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  instructions.getColumn(1).width = 30;
  instructions.getColumn(2).width = 16;
  instructions.getColumn(3).width = 70;
  instructions.getColumn(4).width = 26;

  const protection = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true };
  // No password: the protection keeps the header from accidental edits; a steward can lift it.
  void sheet.protect('', { ...protection, insertRows: true, deleteRows: true });
  void instructions.protect('', protection);
  void lists.protect('', protection);
  return { workbook, columns, prefilled: prefilled.length, dataRows: { first, last } };
}

/** Each list on the lists sheet in two columns, value and what goes with it; returns the range per form column. */
function writeLists(lists: ExcelJS.Worksheet, columns: FormColumn[]): Map<string, string> {
  const ranges = new Map<string, string>();
  lists.getCell(1, 1).value = 'DANH MỤC ĐỂ CHỌN (không sửa trang này; biểu nhập liệu lấy danh sách từ đây)';
  lists.getCell(1, 1).font = { bold: true };
  let at = 1;
  for (const c of columns) {
    if (!c.choices || c.choices.length === 0) continue;
    const valueCol = lists.getColumn(at);
    const noteCol = lists.getColumn(at + 1);
    valueCol.width = c.width;
    noteCol.width = Math.min(40, Math.max(10, ...c.choices.map((x) => (x.note?.length ?? 0) + 2)));
    lists.getCell(3, at).value = c.header;
    lists.getCell(3, at + 1).value = 'Kèm theo';
    lists.getCell(3, at).font = lists.getCell(3, at + 1).font = { bold: true };
    c.choices.forEach((choice, i) => {
      const cell = lists.getCell(4 + i, at);
      cell.numFmt = '@';
      cell.value = neutraliseCell(choice.value);
      if (choice.note) lists.getCell(4 + i, at + 1).value = neutraliseCell(choice.note);
    });
    ranges.set(c.name, `'${SHEETS.lists}'!$${valueCol.letter}$4:$${valueCol.letter}$${3 + c.choices.length}`);
    at += 3;
  }
  return ranges;
}

function validation(c: FormColumn, listRange: string | undefined, connector: Connector, year: number): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: truncate(c.header, 32),
    prompt: c.hint,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: truncate(`Giá trị không hợp lệ: ${c.header}`, 32),
  };
  const { input } = c;
  if (listRange) {
    return c.closedList
      ? { ...base, type: 'list', formulae: [listRange], error: 'Hãy chọn một giá trị trong danh sách (mũi tên bên phải ô).' }
      : { ...base, type: 'list', formulae: [listRange], errorStyle: 'warning', error: 'Giá trị này không có trong danh sách năm trước. Chọn "Yes" nếu đúng là giá trị mới.' };
  }
  const ctx = { referenceDate: connector.referenceDate(year), year };
  if (input.kind === 'whole') {
    const { min, max } = input.range(ctx);
    const error = truncate(c.hint, 255);
    if (min !== undefined && max !== undefined) return { ...base, type: 'whole', operator: 'between', formulae: [min, max], error };
    if (min !== undefined) return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [min], error };
    return { ...base, type: 'whole', operator: 'between', formulae: [-2147483648, 2147483647], error };
  }
  if (input.kind === 'decimal') {
    const { min, max } = input.range(ctx);
    const error = truncate(c.hint, 255);
    if (min !== undefined && max !== undefined) return { ...base, type: 'decimal', operator: 'between', formulae: [min, max], error };
    if (min !== undefined) return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [min], error };
    return { ...base, type: 'any' as 'custom', formulae: [] };
  }
  if (input.kind === 'date') {
    const { min, max } = dateBounds(input, ctx);
    const error = 'Hãy ghi một ngày dạng dd/mm/yyyy trong khoảng cho phép.';
    if (max) return { ...base, type: 'date', operator: 'between', formulae: [new Date(`${min}T00:00:00Z`), new Date(`${max}T00:00:00Z`)], error };
    return { ...base, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(`${min}T00:00:00Z`)], error };
  }
  if (input.kind === 'text' && input.length !== undefined) {
    return { ...base, type: 'textLength', operator: 'equal', formulae: [input.length], error: truncate(c.hint, 255) };
  }
  // Free text: no check Excel could make, but the input message still guides the clerk.
  return { ...base, type: 'any' as 'custom', formulae: [] };
}

/** exceljs keeps a sheet's validations per cell address (a range when added as one); its typings omit them. */
export function validationsOf(sheet: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation | undefined> } {
  return (sheet as unknown as { dataValidations: ReturnType<typeof validationsOf> }).dataValidations;
}
