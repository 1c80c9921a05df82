export { buildForm, validationsOf, LAYOUT, SHEETS, type BuiltForm, type FormSpec } from './workbook.ts';
export { formColumns, type FormColumn } from './columns.ts';
export { readPreviousYear, type PreviousYear } from './previous.ts';
export { writeForms, formFileName, type WrittenForm, type WriteFormsOptions } from './write.ts';
