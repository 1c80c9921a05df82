// exports/indicator_values.csv, .parquet and .arrow: exactly the columns of OUTPUTS.md, in its order,
// sorted by the catalog's order, then year, geography, ethnic group and sex. The CSV has a UTF-8 BOM
// and no cell a spreadsheet could run as a formula (writeCsv); numeric columns stay numbers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, quoteLiteral, writeCsv } from '@dtts/db';

export const EXPORT_COLUMNS = [
  'indicator_id', 'year', 'geo_level', 'geo_code', 'ethnic_group', 'sex',
  'numerator', 'denominator', 'value', 'target', 'status', 'flags',
] as const;

/** The export's order: the catalog's, then year, area before communes, ethnic group, sex (one row per key, so no ties). */
const EXPORT_ORDER = `k.sort_order, v.year,
  case v.geo_level when 'area' then 1 when 'commune_2025' then 2 else 3 end, v.geo_code,
  coalesce(e.sort_order, 999), v.ethnic_group,
  case v.sex when 'ALL' then 1 when 'Nam' then 2 else 3 end`;

const FROM = `from marts.indicator_values as v
join ref.indicators as k on k.indicator_id = v.indicator_id
left join marts.ethnic_groups as e on e.ethnic_group = v.ethnic_group`;

export const EXPORT_QUERY = `select ${EXPORT_COLUMNS.map((c) => `v.${c}`).join(', ')}
${FROM}
order by ${EXPORT_ORDER}`;

/** The rows are joined and sorted once into a temporary table, numbered in the export's order; each file reads it back by number. */
const EXPORT_TABLE = 'indicator_export';
const EXPORT_ROWS = `select ${EXPORT_COLUMNS.join(', ')} from temp.${EXPORT_TABLE} order by export_row`;

/**
 * The Arrow writer, loaded when first needed: apache-arrow is a large module that only this export
 * needs. The pipeline starts loading it while the warehouse builds (its main thread waits on DuckDB then).
 */
export const loadArrowWriter = () => import('./export-arrow.ts');

export async function exportIndicators(db: Db, exportsDir: string): Promise<{ rows: number }> {
  mkdirSync(exportsDir, { recursive: true });
  const csv = join(exportsDir, 'indicator_values.csv');
  const parquet = join(exportsDir, 'indicator_values.parquet');
  await db.run(`create or replace temp table ${EXPORT_TABLE} as
    select ${EXPORT_COLUMNS.map((c) => `v.${c}`).join(', ')}, row_number() over (order by ${EXPORT_ORDER}) as export_row
    ${FROM}`);
  try {
    const { rows } = await writeCsv(db, EXPORT_ROWS, csv);
    await db.run(`copy (${EXPORT_ROWS}) to ${quoteLiteral(parquet)} (format parquet)`);
    const { writeArrowIpc } = await loadArrowWriter();
    await writeArrowIpc(db, EXPORT_ROWS, join(exportsDir, 'indicator_values.arrow'));
    return { rows };
  } finally {
    await db.run(`drop table if exists temp.${EXPORT_TABLE}`);
  }
}
