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
  /** The Vietnamese label the reports and data-entry forms show; defaults to aliases[0]. */
  label?: string;
}

/** One column of the loaded table computed from parsed columns (SQL over the parsed row). */
export interface DerivedColumn {
  sql: string;
  sqlType: string;
  /** Never NULL in a loaded row (its inputs are a required `requireOneOf` group): the warehouse checks it. */
  required?: boolean;
  /** The Vietnamese label the reports show; defaults to the column name. */
  label?: string;
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
    const mentioned = [
      ...(table.key ?? []),
      ...(table.requireOneOf ?? []).flat(),
      ...(table.references ?? []).map((r) => r.column),
      ...(table.rowChecks ?? []).map((r) => r.column),
      ...(table.omit ?? []),
    ];
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
