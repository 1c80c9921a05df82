// The connector contract: what a data steward declares for a source. The engine
// (engine.ts) does everything else, the same way for every source.
import type { Finding, MessageCode } from '@dtts/messages';
import type { ValueType } from './values/types.ts';

export interface ColumnSpec {
  /** Vietnamese (and other) header spellings seen in real files; the canonical name always matches too. */
  aliases: readonly string[];
  /** How a cell's text becomes a value: a zod-backed value type from `values/types.ts`. */
  type: ValueType;
  required?: boolean;
  description: string;
  /**
   * Where a date of this column stands against the reference date in a file of the right year:
   * `not_after` (a card's start), `not_before` (a card's end), `in_year` (an event of YEAR). A file
   * most of whose values break it is reported as looking like another year's file.
   */
  yearCheck?: 'not_after' | 'not_before' | 'in_year';
  /** A value as a clerk would type it, shown in data-entry forms; derived from the type when absent. */
  example?: string;
  /** Data-entry forms offer the previous year's values of this column as a list (villages, say); never personal data. */
  previousValues?: boolean;
  /** The Vietnamese label the reports and data-entry forms show; defaults to aliases[0]. */
  label?: string;
}

/** One column of the loaded table computed from parsed columns (SQL over the parsed row). */
export interface DerivedColumn {
  sql: string;
  sqlType: string;
  /** Never NULL in a loaded row: the warehouse checks it. */
  required?: boolean;
  /**
   * The column group this value is resolved from (`ma_xa`/`ten_xa` → commune_code): it is never NULL
   * exactly where the table requires that group (`requireOneOf`), and may be where it does not (a
   * district-level staff row has no commune). Set by the shared column groups.
   */
  from?: readonly string[];
  /** The Vietnamese label the reports show; defaults to the column name. */
  label?: string;
}

/**
 * A row-level rule over parsed values: where `when` is true the row is rejected, or, with
 * `action: 'value_blanked'`, only `column`'s value becomes unknown (the row is loaded).
 */
export interface RowCheck {
  when: string;
  column: string;
  /** What the quarantine records: a code of @dtts/messages (worded there in Vietnamese and English). */
  finding: Finding;
  action?: 'row_rejected' | 'value_blanked';
}

/**
 * A row-level rule that blanks one optional value instead of rejecting the row (an implausible
 * weight, say): where `when` is true the column becomes unknown and the quarantine records it as
 * `value_blanked`, with the finding `code` whose parameters `params` computes in SQL over the parsed
 * row `p`, so it can name what it saw (a z-score, never a personal value).
 * It may blank a required column: "required" rejects a row whose value is missing or unreadable,
 * while a value check judges a readable value implausible and keeps the row.
 */
export interface ValueCheck {
  when: string;
  column: string;
  /** A code of @dtts/messages (worded there in Vietnamese and English). */
  code: MessageCode;
  /** Each parameter of the code's wording as a SQL expression over the parsed row. */
  params?: Readonly<Record<string, string>>;
}

/**
 * A reference table the table's SQL (row and value checks, derived columns) may join, read from a
 * CSV file by DuckDB (`#` lines are comments): the engine creates it as the temporary table
 * `lookup_<name>` on the connection that loads the table.
 */
export interface Lookup {
  /** Absolute path of the CSV file (header row first). */
  csv: string;
  /** Column name → DuckDB type, in the file's order, e.g. `{ sex: 'INTEGER', l: 'DOUBLE' }`. */
  columns: Readonly<Record<string, string>>;
}

export interface TableSpec {
  /** Table name, also the default file-name prefix (`ho`, `nhan_khau`, …). */
  name: string;
  description: string;
  /** In Vietnamese, for clerks and stewards: the table's name and what one row is (`Mỗi dòng là một hộ gia đình`). */
  vi?: { title: string; row: string };
  /** Data-entry forms come pre-filled with the previous year's rows, identifying columns only (a list of schools, say). */
  prefillRows?: boolean;
  /** File-name prefixes; defaults to [name]. Longest prefix across all tables wins. */
  prefixes?: readonly string[];
  columns: Readonly<Record<string, ColumnSpec>>;
  /** Groups of columns of which at least one must have a readable value (e.g. ma_xa or ten_xa). */
  requireOneOf?: readonly (readonly string[])[];
  /**
   * Unique within a year; repeats are quarantined (the first good row in file order wins). A key
   * part may be a derived column (`commune_code`, a folded name).
   */
  key?: readonly string[];
  /** Columns that must exist in an earlier table of the same connector and year. */
  references?: readonly { column: string; table: string; tableColumn?: string }[];
  rowChecks?: readonly RowCheck[];
  /** Rules that blank an optional value (run after the row checks, on rows not rejected). */
  valueChecks?: readonly ValueCheck[];
  /** Reference tables joined by this table's SQL, as `lookup_<name>`. */
  lookups?: Readonly<Record<string, Lookup>>;
  /** Columns of the loaded table computed from parsed ones. */
  derived?: Readonly<Record<string, DerivedColumn>>;
  /** Parsed columns left out of the loaded table (typically those folded into a derived column). */
  omit?: readonly string[];
  /**
   * Where a row holds several persons' groups or sexes (a husband's and a wife's), the column that is
   * the row's indicator grain (`hon_nhan`: the wife's group). The warehouse refuses to guess.
   */
  grain?: { ethnic_group?: string; sex?: string };
}

export interface ConnectorSpec {
  /** Folder name under the sources folder, e.g. `census`; also the table-name prefix in the warehouse. */
  id: string;
  title: string;
  /** A short Vietnamese name for chart notes and table footers; defaults to `title`. */
  shortTitle?: string;
  /** The agency that delivers the files. */
  owner: string;
  /**
   * The date the data describes, e.g. 1 October of the year for the census (ISO yyyy-mm-dd). The
   * same day of every year (or of the next year): the warehouse derives its SQL from it.
   */
  referenceDate: (year: number) => string;
  /** In load order: a table referenced by another comes first. */
  tables: readonly TableSpec[];
}

export interface Connector extends ConnectorSpec {
  /** Name of the warehouse table for a source table: `ingest.<id>_<table>` with `-` as `_`. */
  warehouseTable(table: string): string;
}

export function defineConnector(spec: ConnectorSpec): Connector {
  const problems = validateSpec(spec);
  if (problems.length > 0) throw new Error(`connector "${spec.id}" is not valid:\n- ${problems.join('\n- ')}`);
  return {
    ...spec,
    warehouseTable: (table) => `${spec.id.replaceAll('-', '_')}_${table}`,
  };
}

function validateSpec(spec: ConnectorSpec): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]*$/.test(spec.id)) problems.push(`id "${spec.id}" must be lower-case letters, digits and -`);
  const seen = new Set<string>();
  for (const table of spec.tables) {
    if (seen.has(table.name)) problems.push(`table "${table.name}" declared twice`);
    const columns = new Set(Object.keys(table.columns));
    for (const name of table.key ?? []) {
      if (!columns.has(name) && !table.derived?.[name]) problems.push(`table "${table.name}" has unknown key column "${name}"`);
    }
    const mentioned = [
      ...(table.requireOneOf ?? []).flat(),
      ...(table.references ?? []).map((r) => r.column),
      ...(table.rowChecks ?? []).map((r) => r.column),
      ...(table.valueChecks ?? []).map((r) => r.column),
      ...(table.omit ?? []),
    ];
    for (const [name, column] of Object.entries(table.columns)) {
      if (column.previousValues && column.type.pii) problems.push(`table "${table.name}" column "${name}" is personal data and cannot offer previous values`);
    }
    for (const name of mentioned) {
      if (!columns.has(name)) problems.push(`table "${table.name}" mentions unknown column "${name}"`);
    }
    for (const ref of table.references ?? []) {
      if (!seen.has(ref.table)) problems.push(`table "${table.name}" references "${ref.table}", which must be declared before it`);
    }
    seen.add(table.name);
  }
  return problems;
}
