import type { FileStyle } from './format/style.ts';
import type { TableName } from './format/tables.ts';
import type { Cell } from './format/values.ts';

/** The source folders of SOURCES.md §1, in its order. */
export const SOURCES = ['census', 'school', 'health-insurance', 'poverty', 'health', 'civil-registration', 'staff', 'villages', 'activities'] as const;
export type Source = (typeof SOURCES)[number];

export interface PlantedRow {
  column: string;
  action: 'row_rejected' | 'value_blanked';
  why: string;
}

export interface DraftRow {
  cells: Record<string, Cell>;
  planted?: PlantedRow;
}

export type FooterKind = 'blank' | 'note' | 'signature';

/** One file before layout: named cells per row, plus what goes above and below the table. */
export interface Doc {
  /** Relative to the sources folder, `/`-separated. */
  path: string;
  source: Source;
  table: TableName;
  year: number;
  style: FileStyle;
  columns: string[];
  headers: string[];
  /** Title lines above the header (a blank row follows them). */
  title: string[];
  rows: DraftRow[];
  footer: { kind: FooterKind; text: string }[];
}

export interface Layout {
  /** A1 ranges to merge (xlsx). */
  merges: string[];
  headerRow: number;
  firstDataRow: number;
  /** 1-based row (xlsx) or line (CSV) of each draft row. */
  dataRowNumbers: number[];
  footerRowNumbers: number[];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The two header rows of an xlsx file with a group header (a label over two adjacent columns), else null. */
function groupHeader(doc: Doc): { a: number; b: number; label: string } | null {
  const group = doc.style.format === 'xlsx' ? doc.style.groupHeader : null;
  if (!group) return null;
  const [a, b] = group.columns.map((c) => doc.columns.indexOf(c));
  if (a === undefined || b === undefined || a < 0 || b !== a + 1) throw new Error(`sample: group header needs two adjacent columns in ${doc.path}`);
  return { a, b, label: group.label };
}

/**
 * The grid's rows one at a time (title, header(s), data, footer), so a file of millions of rows is
 * written without holding it twice. Footer rows hold one non-empty cell at most, so at most one
 * required column has a value and readers skip them.
 */
export function* gridRows(doc: Doc): Generator<Cell[]> {
  const width = doc.columns.length;
  const empty = (): Cell[] => new Array<Cell>(width).fill(null);
  for (const line of doc.title) {
    const row = empty();
    row[0] = line;
    yield row;
  }
  if (doc.title.length > 0) yield empty();
  const group = groupHeader(doc);
  if (group) {
    const top = [...doc.headers] as Cell[];
    const bottom = empty();
    top[group.a] = group.label;
    top[group.b] = null;
    bottom[group.a] = doc.headers[group.a] ?? null;
    bottom[group.b] = doc.headers[group.b] ?? null;
    yield top;
    yield bottom;
  } else yield [...doc.headers];
  for (const draft of doc.rows) yield doc.columns.map((c) => draft.cells[c] ?? null);
  for (const f of doc.footer) {
    const row = empty();
    // A blank row is a line of bare delimiters in CSV; in xlsx it is simply absent, as Excel
    // stores no empty row (so it leaves a gap in the row numbers and nothing to skip).
    if (f.kind !== 'blank') row[f.kind === 'signature' && width > 2 ? 1 : 0] = f.text;
    yield row;
  }
}

/** Where gridRows puts each part: header and data row numbers, footer rows, merges. */
export function layout(doc: Doc): Layout {
  const width = doc.columns.length;
  const merges: string[] = [];
  const last = columnLetter(width - 1);
  let row = 0;
  for (let i = 0; i < doc.title.length; i++) {
    row++;
    if (doc.style.format === 'xlsx' && doc.style.mergedTitle) merges.push(`A${row}:${last}${row}`);
  }
  if (doc.title.length > 0) row++;
  const group = groupHeader(doc);
  if (group) {
    row += 2;
    const r = row - 1;
    merges.push(`${columnLetter(group.a)}${r}:${columnLetter(group.b)}${r}`);
    for (let i = 0; i < width; i++) if (i !== group.a && i !== group.b) merges.push(`${columnLetter(i)}${r}:${columnLetter(i)}${r + 1}`);
  } else row++;
  const headerRow = row;
  const dataRowNumbers = doc.rows.map((_, i) => headerRow + 1 + i);
  const footerRowNumbers = doc.footer.map((_, i) => headerRow + doc.rows.length + 1 + i);
  return { merges, headerRow, firstDataRow: headerRow + 1, dataRowNumbers, footerRowNumbers };
}
