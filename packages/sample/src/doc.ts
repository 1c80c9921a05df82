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
  grid: Cell[][];
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

/**
 * Places title, header(s), data and footer rows on a grid. Footer rows hold one non-empty
 * cell at most, so at most one required column has a value and readers skip them.
 */
export function layout(doc: Doc): Layout {
  const width = doc.columns.length;
  const empty = (): Cell[] => new Array<Cell>(width).fill(null);
  const grid: Cell[][] = [];
  const merges: string[] = [];
  const last = columnLetter(width - 1);
  for (const line of doc.title) {
    const row = empty();
    row[0] = line;
    grid.push(row);
    if (doc.style.format === 'xlsx' && doc.style.mergedTitle) merges.push(`A${grid.length}:${last}${grid.length}`);
  }
  if (doc.title.length > 0) grid.push(empty());

  const group = doc.style.format === 'xlsx' ? doc.style.groupHeader : null;
  if (group) {
    const [a, b] = group.columns.map((c) => doc.columns.indexOf(c));
    if (a === undefined || b === undefined || a < 0 || b !== a + 1) throw new Error(`sample: group header needs two adjacent columns in ${doc.path}`);
    const top = [...doc.headers] as Cell[];
    const bottom = empty();
    top[a] = group.label;
    top[b] = null;
    bottom[a] = doc.headers[a] ?? null;
    bottom[b] = doc.headers[b] ?? null;
    grid.push(top, bottom);
    const r = grid.length - 1;
    merges.push(`${columnLetter(a)}${r}:${columnLetter(b)}${r}`);
    for (let i = 0; i < width; i++) if (i !== a && i !== b) merges.push(`${columnLetter(i)}${r}:${columnLetter(i)}${r + 1}`);
  } else grid.push([...doc.headers]);
  const headerRow = grid.length;

  const dataRowNumbers: number[] = [];
  for (const draft of doc.rows) {
    grid.push(doc.columns.map((c) => draft.cells[c] ?? null));
    dataRowNumbers.push(grid.length);
  }
  const footerRowNumbers: number[] = [];
  for (const f of doc.footer) {
    const row = empty();
    // A blank row is a line of bare delimiters in CSV; in xlsx it is simply absent, as Excel
    // stores no empty row (so it leaves a gap in the row numbers and nothing to skip).
    if (f.kind !== 'blank') row[f.kind === 'signature' && width > 2 ? 1 : 0] = f.text;
    grid.push(row);
    footerRowNumbers.push(grid.length);
  }
  return { grid, merges, headerRow, firstDataRow: headerRow + 1, dataRowNumbers, footerRowNumbers };
}
