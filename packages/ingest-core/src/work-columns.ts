// Names shared by the steps of a table load: its arguments and the columns of its
// parsed work table (per source column: raw text, parsed value, error, warning).
import { quoteIdent as q, type Db } from '@dtts/db';
import type { Connector, TableSpec } from './contract.ts';

export interface LoadTableArgs {
  db: Db;
  /** The in-memory database attached beside the warehouse for this load's work tables. */
  work: string;
  connector: Connector;
  table: TableSpec;
  year: number;
  /** Work table holding (file_idx, row_no, <columns>) as text. */
  raw: string;
  /** file_idx → path relative to the sources folder. */
  files: Map<number, string>;
  /** file_idx → columns whose header the file has. */
  present: Map<number, string[]>;
  hashKey: string;
  /**
   * The parsed cells as a view of the raw text instead of a table, where no rule blanks values: each later
   * step computes just the columns it reads, and the rows are not written once more. It pays when this
   * source-year is ingested alone (a re-run after one file changed), not when several are ingested at
   * once: the cores are busy then, and each step that reads the view computes it again (BENCHMARKS.md, "2 Dec").
   */
  cellsAsView?: boolean;
}

export const rawCol = (c: string) => q(`${c}__raw`);
export const errCol = (c: string) => q(`${c}__err`);
export const warnCol = (c: string) => q(`${c}__warn`);

/** Personal values are masked in the quarantine: the first two and last two characters are kept. */
export const mask = (v: string) => `CASE WHEN length(${v}) > 4 THEN left(${v}, 2) || repeat('*', length(${v}) - 4) || right(${v}, 2) ELSE repeat('*', length(${v})) END`;
