// The rows of the marts the reports read, as types: the reports import these rather than guess
// column names. A test builds the marts and checks each table has exactly these columns.

export interface GeographyRow {
  geo_level: 'area' | 'commune_2025' | 'commune_2020';
  geo_code: string;
  name: string | null;
  frame: string;
  /** 2020 communes: the 2025 commune they became part of. */
  parent_2025_code: string | null;
  partial_baseline_from_year: number | null;
  note: string | null;
}

export interface EthnicGroupRow {
  ethnic_group: string;
  name_vi: string;
  name_en: string | null;
  is_minority: boolean | null;
  kind: 'all' | 'dtts' | 'group';
  sort_order: number;
}

/** Column names of each typed mart, in table order (checked against the built marts). */
export const MART_COLUMNS = {
  'marts.geographies': ['geo_level', 'geo_code', 'name', 'frame', 'parent_2025_code', 'partial_baseline_from_year', 'note'],
  'marts.ethnic_groups': ['ethnic_group', 'name_vi', 'name_en', 'is_minority', 'kind', 'sort_order'],
} as const satisfies Record<string, readonly string[]>;

// Compile-time: each list names exactly its row type's keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _geographies: Same<(typeof MART_COLUMNS)['marts.geographies'][number], keyof GeographyRow> = true;
const _ethnicGroups: Same<(typeof MART_COLUMNS)['marts.ethnic_groups'][number], keyof EthnicGroupRow> = true;
export const _martRowsChecked = [_geographies, _ethnicGroups];
