// A form's columns, derived from a table's declaration alone: header, whether required, the kind
// of cell and its bounds, the list a clerk picks from, an example and a hint in Vietnamese.
import type { Choice, ColumnSpec, Connector, ParseContext, TableSpec, ValueInput } from '@dtts/ingest-core';
import type { PreviousYear } from './previous.ts';
import { formatDateVi, formatNumberVi } from './vi-format.ts';

export interface FormColumn {
  name: string;
  /** The canonical Vietnamese header, exactly as the connector reads it (its first alias). */
  header: string;
  required: 'yes' | 'one-of' | 'no';
  /** The other columns of a one-of group, by header. */
  alternatives: string[];
  personal: 'hash' | 'drop' | undefined;
  input: ValueInput;
  /** The values a clerk picks from, with a note beside each (a commune's code, say). */
  choices?: Choice[];
  /** False when the list is last year's (a new village or school may appear): a warning, not a stop. */
  closedList: boolean;
  example: string | undefined;
  /** Excel number format of the data cells. */
  numFmt: string;
  /** Vietnamese input message (Excel keeps at most 255 characters). */
  hint: string;
  width: number;
}

/** Excel cannot hold a date before 1 January 1900. */
const EXCEL_FIRST_DATE = '1900-01-01';

export function formColumns(connector: Connector, table: TableSpec, year: number, previous?: PreviousYear): FormColumn[] {
  const ctx: ParseContext = { referenceDate: connector.referenceDate(year), year };
  const header = (name: string) => table.columns[name]?.aliases[0] ?? name;
  return Object.entries(table.columns).map(([name, column]) => {
    const group = (table.requireOneOf ?? []).find((g) => g.includes(name));
    const required = group ? 'one-of' : column.required ? 'yes' : 'no';
    const alternatives = group ? group.filter((n) => n !== name).map(header) : [];
    const input: ValueInput = column.type.input ?? { kind: 'text' };
    const { choices, closedList } = columnChoices(connector, table, name, column, input, ctx, previous);
    const example = column.example ?? exampleFor(input, choices, ctx);
    const hint = hintFor({ header: header(name), required, alternatives, personal: column.type.pii, input, choices, closedList, example, ctx });
    const numFmt = input.kind === 'whole' ? (input.thousands ? '#,##0' : '0')
      : input.kind === 'decimal' ? `#,##0.${'0'.repeat(Math.max(1, input.decimals))}`
      : input.kind === 'date' ? 'dd/mm/yyyy' : '@';
    const longest = Math.max(header(name).length, example?.length ?? 0, ...(choices ?? []).slice(0, 60).map((c) => c.value.length));
    return {
      name, header: header(name), required, alternatives, personal: column.type.pii, input, choices, closedList, example, numFmt, hint,
      width: Math.min(40, Math.max(10, longest + 3)),
    };
  });
}

function columnChoices(
  connector: Connector, table: TableSpec, name: string, column: ColumnSpec, input: ValueInput, ctx: ParseContext, previous?: PreviousYear,
): { choices?: Choice[]; closedList: boolean } {
  if (input.kind === 'list') return { choices: input.choices(ctx), closedList: true };
  if (column.type.pii) return { closedList: false };
  // A reference to a table pre-filled with last year's rows (schools) offers those rows; other
  // references (households) are typed, since their table's form starts empty.
  const reference = table.references?.find((r) => r.column === name && connector.tables.find((t) => t.name === r.table)?.prefillRows);
  if (reference) {
    const list = previous?.referenced(connector, reference.table, reference.tableColumn ?? name) ?? [];
    return list.length > 0 ? { choices: list, closedList: false } : { closedList: false };
  }
  if (column.previousValues) {
    const list = previous?.values(name) ?? [];
    return list.length > 0 ? { choices: list, closedList: false } : { closedList: false };
  }
  return { closedList: false };
}

function exampleFor(input: ValueInput, choices: Choice[] | undefined, ctx: ParseContext): string | undefined {
  if (choices && choices.length > 0) return choices[0]!.value;
  if (input.kind === 'whole') {
    const { min, max } = input.range(ctx);
    if (input.year) return String(Math.max(min ?? 0, (max ?? ctx.year) - 35));
    if (input.thousands) return formatNumberVi(Math.max(min ?? 0, 1_500_000));
    return String(Math.min(max ?? 4, Math.max(min ?? 0, 4)));
  }
  if (input.kind === 'decimal') {
    const { min, max } = input.range(ctx);
    return formatNumberVi(Math.min(max ?? 12.5, Math.max(min ?? 0, 12.5)));
  }
  if (input.kind === 'date') {
    const { min, max } = input.range(ctx);
    // A date of the year described; for a bounded past (a birth date) one well inside the bounds.
    const year = min ? Math.round((Number(min.slice(0, 4)) + Number((max ?? ctx.referenceDate).slice(0, 4))) / 2) : ctx.year;
    return formatDateVi(`${year}-03-15`);
  }
  return undefined;
}

function hintFor(c: {
  header: string; required: FormColumn['required']; alternatives: string[]; personal: 'hash' | 'drop' | undefined;
  input: ValueInput; choices?: Choice[]; closedList: boolean; example?: string; ctx: ParseContext;
}): string {
  const parts: string[] = [c.example ? `${c.header}, ví dụ ${c.example}.` : `${c.header}.`];
  if (c.required === 'yes') parts.push('Bắt buộc.');
  if (c.required === 'one-of') parts.push(`Bắt buộc ghi cột này hoặc cột ${c.alternatives.join(' / ')}.`);
  if (c.personal === 'drop') parts.push('Dữ liệu cá nhân: chỉ dùng để đối chiếu, không được đưa vào kho dữ liệu.');
  if (c.personal === 'hash') parts.push('Dữ liệu cá nhân: kho dữ liệu chỉ lưu mã hoá một chiều, không lưu số gốc.');
  const { input } = c;
  if (input.kind === 'whole') {
    const { min, max } = input.range(c.ctx);
    const fmt = (n: number) => (input.year ? String(n) : formatNumberVi(n));
    const what = input.year ? 'Năm, 4 chữ số' : 'Số nguyên';
    if (min !== undefined && max !== undefined) parts.push(`${what} từ ${fmt(min)} đến ${fmt(max)}.`);
    else if (min !== undefined) parts.push(`${what}, không nhỏ hơn ${fmt(min)}.`);
    else parts.push(`${what}.`);
  } else if (input.kind === 'decimal') {
    const { min, max } = input.range(c.ctx);
    const what = `Số, dấu phẩy thập phân (tối đa ${input.decimals} chữ số sau dấu phẩy)`;
    if (min !== undefined && max !== undefined) parts.push(`${what}, từ ${formatNumberVi(min)} đến ${formatNumberVi(max)}.`);
    else if (min !== undefined) parts.push(`${what}, không nhỏ hơn ${formatNumberVi(min)}.`);
    else parts.push(`${what}.`);
  } else if (input.kind === 'date') {
    const { max } = input.range(c.ctx);
    parts.push(max ? `Ngày dạng dd/mm/yyyy, không sau ${formatDateVi(max)}.` : 'Ngày dạng dd/mm/yyyy.');
  } else if (input.kind === 'text' && input.length !== undefined) {
    parts.push(input.digits ? `Đúng ${input.length} chữ số.` : `Đúng ${input.length} ký tự (chữ và số).`);
  } else if (c.choices) {
    parts.push(c.closedList ? 'Chọn trong danh sách (mũi tên bên phải ô).' : 'Chọn trong danh sách năm trước, hoặc ghi giá trị mới.');
  }
  return truncate(parts.join(' '), 255);
}

export function dateBounds(input: Extract<ValueInput, { kind: 'date' }>, ctx: ParseContext): { min: string; max?: string } {
  const { min, max } = input.range(ctx);
  return { min: min && min > EXCEL_FIRST_DATE ? min : EXCEL_FIRST_DATE, max };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
