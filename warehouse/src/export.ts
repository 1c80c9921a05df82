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

export const EXPORT_QUERY = `select ${EXPORT_COLUMNS.map((c) => `v.${c}`).join(', ')}
from marts.indicator_values as v
join ref.indicators as k on k.indicator_id = v.indicator_id
left join marts.ethnic_groups as e on e.ethnic_group = v.ethnic_group
order by k.sort_order, v.year,
  case v.geo_level when 'area' then 1 when 'commune_2025' then 2 else 3 end, v.geo_code,
  coalesce(e.sort_order, 999), v.ethnic_group,
  case v.sex when 'ALL' then 1 when 'Nam' then 2 else 3 end`;

export async function exportIndicators(db: Db, exportsDir: string): Promise<{ rows: number }> {
  mkdirSync(exportsDir, { recursive: true });
  const csv = join(exportsDir, 'indicator_values.csv');
  const parquet = join(exportsDir, 'indicator_values.parquet');
  const { rows } = await writeCsv(db, EXPORT_QUERY, csv);
  await db.run(`copy (${EXPORT_QUERY}) to ${quoteLiteral(parquet)} (format parquet)`);
  // Loaded here: apache-arrow is a large module that only this export needs.
  const { writeArrowIpc } = await import('./export-arrow.ts');
  await writeArrowIpc(db, EXPORT_QUERY, join(exportsDir, 'indicator_values.arrow'));
  return { rows };
}
