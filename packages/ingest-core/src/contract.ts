// The connector contract: what a data steward declares for a source. The engine
// (engine.ts) does everything else, the same way for every source.
import type { ValueType } from './values/types.ts';

export interface ColumnSpec {
  /** Vietnamese (and other) header spellings seen in real files; the canonical name always matches too. */
  aliases: readonly string[];
  /** How a cell's text becomes a value: a zod-backed value type from `values/types.ts`. */
  type: ValueType;
  required?: boolean;
  description: string;
  /** A value as a clerk would type it, shown in data-entry forms; derived from the type when absent. */
  example?: string;
  /** Data-entry forms offer the previous year's values of this column as a list (villages, say); never personal data. */
  previousValues?: boolean;
}

/** One column of the loaded table computed from parsed columns (SQL over the parsed row). */
export interface DerivedColumn {
  sql: string;
  sqlType: string;
}

/** A row-level rule over parsed values; rows where `when` is true are rejected. */
export interface RowCheck {
  when: string;
  column: string;
  reason: string;
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
  /** Unique within a year; repeats are quarantined (the first good row in file order wins). */
  key?: readonly string[];
  /** Columns that must exist in an earlier table of the same connector and year. */
  references?: readonly { column: string; table: string; tableColumn?: string }[];
  rowChecks?: readonly RowCheck[];
  /** Columns of the loaded table computed from parsed ones. */
  derived?: Readonly<Record<string, DerivedColumn>>;
  /** Parsed columns left out of the loaded table (typically those folded into a derived column). */
  omit?: readonly string[];
}

export interface ConnectorSpec {
  /** Folder name under the sources folder, e.g. `census`; also the table-name prefix in the warehouse. */
  id: string;
  title: string;
  /** The agency that delivers the files. */
  owner: string;
  /** The date the data describes, e.g. 1 October of the year for the census (ISO yyyy-mm-dd). */
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
    const mentioned = [
      ...(table.key ?? []),
      ...(table.requireOneOf ?? []).flat(),
      ...(table.references ?? []).map((r) => r.column),
      ...(table.rowChecks ?? []).map((r) => r.column),
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
