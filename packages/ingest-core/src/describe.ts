// What the warehouse and the reports need to know of a connector, derived from its declaration
// alone: the loaded columns with their SQL types, Vietnamese labels, keys, accepted values and
// the reference date as SQL. Nothing here is declared a second time.
import type { Finding } from '@dtts/messages';
import type { Connector, DerivedColumn, TableSpec } from './contract.ts';
import { loadedColumns } from './load-table.ts';
import type { AcceptedValues } from './values/types.ts';

export interface LoadedColumn {
  /** Column of `ingest.<source>_<table>` and of its staging model (`<name>_hash` for hashed ids). */
  name: string;
  sqlType: string;
  /** Vietnamese label: the declared `label`, else the first alias (the column name for derived columns). */
  label: string;
  description: string;
  /** Never NULL in a loaded row. */
  required: boolean;
  accepted?: AcceptedValues;
  /** The indicator grain the column holds (a sex() or ethnicGroup() column). */
  grain?: 'ethnic_group' | 'sex';
}

export interface TableDescription {
  source: string;
  table: string;
  /** `ingest.<source>_<table>` */
  ingestTable: string;
  /** `staging.stg_<source>__<table>` */
  stagingModel: string;
  columns: LoadedColumn[];
  /** Loaded column names unique within a year. */
  key: string[];
  /** Loaded column → the staging model and column it must exist in, the same year. */
  references: { column: string; model: string; modelColumn: string }[];
  /** Row rules of the declaration that reject a row: rows where `when` is true were rejected at ingest. */
  rowChecks: { when: string; column: string; finding: Finding }[];
}

const underscored = (id: string) => id.replaceAll('-', '_');

export function stagingModelName(connector: Pick<Connector, 'id'>, table: string): string {
  return `staging.stg_${underscored(connector.id)}__${table}`;
}

/** The loaded name of a declared column: hashed personal ids become `<name>_hash`. */
function loadedName(table: TableSpec, column: string): string {
  return table.columns[column]?.type.pii === 'hash' ? `${column}_hash` : column;
}

/** Columns a value rule may blank in a loaded row (an implausible weight): never NOT NULL, even if required at the door. */
function blankable(table: TableSpec): Set<string> {
  return new Set([
    ...(table.valueChecks ?? []).map((c) => c.column),
    ...(table.rowChecks ?? []).filter((r) => r.action === 'value_blanked').map((r) => r.column),
  ]);
}

/** A derived column is never NULL where declared so, or where the table requires the group it is resolved `from`. */
function derivedRequired(table: TableSpec, d: DerivedColumn): boolean {
  const from = d.from;
  if (!from) return d.required ?? false;
  return (table.requireOneOf ?? []).some((group) => group.length === from.length && group.every((col) => from.includes(col)));
}

export function describeTable(connector: Connector, table: TableSpec): TableDescription {
  const derived = table.derived ?? {};
  const mayBlank = blankable(table);
  const columns = loadedColumns(table).map(({ name, sqlType }): LoadedColumn => {
    const d = derived[name];
    const same = table.columns[name];
    if (d) {
      return {
        name, sqlType, label: d.label ?? same?.label ?? same?.aliases[0] ?? name,
        description: same?.description ?? `computed: ${d.sql}`,
        required: derivedRequired(table, d) && !mayBlank.has(name),
      };
    }
    const declared = name.endsWith('_hash') && !table.columns[name] ? name.slice(0, -'_hash'.length) : name;
    const c = table.columns[declared]!;
    const accepted = c.type.kind === 'parse' ? c.type.accepted : undefined;
    const typeGrain = c.type.kind === 'parse' ? c.type.grain : undefined;
    // a declared grain column wins over the others of the same grain
    const chosen = typeGrain ? table.grain?.[typeGrain] : undefined;
    const grain = chosen === undefined || chosen === name ? typeGrain : undefined;
    return {
      name, sqlType, label: c.label ?? c.aliases[0] ?? declared, description: c.description,
      // A key column is required unless declared `required: false` (a blank xa_cu is a key value of its own).
      required: (c.required ?? (table.key ?? []).includes(declared)) && !mayBlank.has(declared),
      ...(accepted && { accepted }),
      ...(grain && { grain }),
    };
  });
  const tables = new Map(connector.tables.map((t) => [t.name, t]));
  return {
    source: connector.id,
    table: table.name,
    ingestTable: `ingest.${connector.warehouseTable(table.name)}`,
    stagingModel: stagingModelName(connector, table.name),
    columns,
    key: (table.key ?? []).map((k) => loadedName(table, k)),
    references: (table.references ?? []).map((r) => ({
      column: loadedName(table, r.column),
      model: stagingModelName(connector, r.table),
      modelColumn: loadedName(tables.get(r.table)!, r.tableColumn ?? r.column),
    })),
    rowChecks: (table.rowChecks ?? []).filter((r) => (r.action ?? 'row_rejected') === 'row_rejected')
      .map(({ when, column, finding }) => ({ when, column, finding })),
  };
}

export function describeConnector(connector: Connector): TableDescription[] {
  return connector.tables.map((t) => describeTable(connector, t));
}

/**
 * The connector's reference date as a DuckDB expression over an integer year column. The
 * declaration's function is probed on several years: it must give the same day of the year (or
 * of the next one) every time, as every source's does; anything else is an error naming the source.
 */
export function referenceDateSql(connector: Pick<Connector, 'id' | 'referenceDate'>, year = 'year'): string {
  const probes = [2001, 2019, 2020, 2023, 2025, 2030].map((y) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(connector.referenceDate(y));
    return m ? { offset: Number(m[1]) - y, month: Number(m[2]), day: Number(m[3]) } : undefined;
  });
  const first = probes[0];
  const same = first && probes.every((p) => p && p.offset === first.offset && p.month === first.month && p.day === first.day);
  if (!first || !same) {
    throw new Error(`connector "${connector.id}": referenceDate(year) must be the same day (yyyy-mm-dd) of every year; got ${connector.referenceDate(2020)} for 2020, ${connector.referenceDate(2023)} for 2023`);
  }
  const y = first.offset === 0 ? `cast(${year} as integer)` : `cast(${year} as integer) + ${first.offset}`;
  return `make_date(${y}, ${first.month}, ${first.day})`;
}
