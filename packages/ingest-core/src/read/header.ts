// Finding the header row below title rows, and matching header spellings to columns.
import { headerKey } from '@dtts/vn-text';
import type { TableSpec } from '../contract.ts';
import type { RawRow } from './sheet.ts';

/** How far down a header may sit below titles. */
export const HEADER_SEARCH_ROWS = 30;

export interface HeaderMatch {
  /** Index of the header row within the sheet's rows. */
  index: number;
  /** Column name → cell index. */
  columns: Map<string, number>;
  /** Header cells that match no column (ignored). */
  unmatched: string[];
  /** Columns whose header appears twice: the first is read. */
  repeated: string[];
}

export function headerMatcher(table: TableSpec): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [name, column] of Object.entries(table.columns)) {
    for (const spelling of [name, ...column.aliases]) {
      const key = headerKey(spelling);
      if (!byKey.has(key)) byKey.set(key, name);
    }
  }
  return byKey;
}

/** Required slots: each required column, and each one-of group, is one slot. */
export function requiredSlots(table: TableSpec): string[][] {
  const grouped = new Set((table.requireOneOf ?? []).flat());
  const singles = Object.entries(table.columns)
    .filter(([name, c]) => c.required && !grouped.has(name))
    .map(([name]) => [name]);
  return [...singles, ...(table.requireOneOf ?? []).map((g) => [...g])];
}

export function matchRow(cells: (string | null)[], matcher: Map<string, string>): Omit<HeaderMatch, 'index'> {
  const columns = new Map<string, number>();
  const unmatched: string[] = [];
  const repeated: string[] = [];
  cells.forEach((cell, i) => {
    if (cell === null) return;
    const name = matcher.get(headerKey(cell));
    if (name === undefined) unmatched.push(cell);
    else if (columns.has(name)) repeated.push(name);
    else columns.set(name, i);
  });
  return { columns, unmatched, repeated };
}

/** The header is the first row that has every required slot. */
export function findHeader(rows: RawRow[], table: TableSpec): HeaderMatch | undefined {
  const matcher = headerMatcher(table);
  const slots = requiredSlots(table);
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const row = rows[index];
    if (!row) continue;
    const match = matchRow(row.cells, matcher);
    if (slots.every((slot) => slot.some((name) => match.columns.has(name)))) return { index, ...match };
  }
  return undefined;
}

/** For the error message of a file whose header cannot be found: the required columns missing from the best row. */
export function describeMissingHeader(rows: RawRow[], table: TableSpec): string {
  const matcher = headerMatcher(table);
  const slots = requiredSlots(table);
  let best: { row: RawRow; missing: string[][] } | undefined;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const match = matchRow(row.cells, matcher);
    const missing = slots.filter((slot) => !slot.some((name) => match.columns.has(name)));
    if (!best || missing.length < best.missing.length) best = { row, missing };
  }
  if (!best) return 'the file has no rows';
  const describe = (slot: string[]) =>
    slot.map((name) => `"${name}" (${table.columns[name]?.aliases[0] ?? name})`).join(' or ');
  const seen = best.row.cells.filter((c) => c !== null).join(', ') || '(none)';
  const noun = best.missing.length === 1 ? 'column' : 'columns';
  return `${noun} ${best.missing.map(describe).join(', ')} not found; headers seen: ${seen}`;
}
