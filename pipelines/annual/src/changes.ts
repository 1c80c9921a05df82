// What changed since the last run: before the new outputs replace the old, this run's indicator
// values are compared with the previous run's exports/indicator_values.parquet, and this run's
// source files with the sha256s in the previous run-manifest.json. The result is a warehouse table
// (the site's page reads it) and exports/changes.csv (header only when nothing changed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, quoteLiteral } from '@dtts/db';
import type { RunManifest } from './manifest.ts';

export const CHANGES_TABLE = 'marts.changes_since_last_run';
export const PREVIOUS_RUN_TABLE = 'marts.previous_run';

export const CHANGE_COLUMNS = [
  'change', 'indicator_id', 'year', 'geo_level', 'geo_code', 'ethnic_group', 'sex',
  'old_value', 'new_value', 'old_numerator', 'new_numerator', 'old_denominator', 'new_denominator',
  'old_status', 'new_status', 'revision', 'file', 'old_sha256', 'new_sha256',
] as const;

export interface ChangeSummary {
  previousRunId: string | null;
  counts: Record<string, number>;
  revisions: number;
}

const DDL = `create or replace table ${CHANGES_TABLE} (
  change VARCHAR, indicator_id VARCHAR, year INTEGER, geo_level VARCHAR, geo_code VARCHAR, ethnic_group VARCHAR, sex VARCHAR,
  old_value DOUBLE, new_value DOUBLE, old_numerator BIGINT, new_numerator BIGINT, old_denominator BIGINT, new_denominator BIGINT,
  old_status VARCHAR, new_status VARCHAR, revision BOOLEAN, file VARCHAR, old_sha256 VARCHAR, new_sha256 VARCHAR)`;

/**
 * Values are compared as they are shown: percentages to one decimal, VND to the đồng. A year before
 * this run's latest year that changes is a revision: a past year's file was delivered again.
 */
const VALUE_CHANGES = (previous: string) => `
with cur as (
    select v.indicator_id, v.year, v.geo_level, v.geo_code, v.ethnic_group, v.sex, v.numerator, v.denominator, v.value, v.status
    from marts.indicator_values as v
),
prev as (
    select indicator_id, cast(year as integer) as year, geo_level, geo_code, ethnic_group, sex,
        numerator, denominator, value, status
    from read_parquet(${quoteLiteral(previous)})
),
latest as (
    select max(year) as latest_year from cur
),
joined as (
    select
        indicator_id, year, geo_level, geo_code, ethnic_group, sex,
        p.value as old_value, c.value as new_value, p.numerator as old_numerator, c.numerator as new_numerator,
        p.denominator as old_denominator, c.denominator as new_denominator, p.status as old_status, c.status as new_status,
        p.indicator_id is null as is_new, c.indicator_id is null as is_gone,
        case when k.unit = 'vnd_per_person_month' then 0 else 1 end as decimals
    from cur as c
    full outer join prev as p using (indicator_id, year, geo_level, geo_code, ethnic_group, sex)
    left join ref.indicators as k using (indicator_id)
),
kinds as (
    select *, 'row_new' as change from joined where is_new
    union all
    select *, 'row_gone' from joined where is_gone
    union all
    select *, 'value_changed' from joined
    where not is_new and not is_gone and round(old_value, decimals) is distinct from round(new_value, decimals)
    union all
    select *, 'status_changed' from joined
    where not is_new and not is_gone and old_status is distinct from new_status
)
select change, indicator_id, year, geo_level, geo_code, ethnic_group, sex, old_value, new_value,
    old_numerator, new_numerator, old_denominator, new_denominator, old_status, new_status,
    year < (select latest_year from latest) as revision, null, null, null
from kinds`;

type FileRow = { path: string; year: number; sha256: string };

export async function compareWithPreviousRun(
  db: Db, previousOutDir: string, exportsDir: string, files: RunManifest['files'],
): Promise<ChangeSummary> {
  await db.run(DDL);
  await db.run(`create or replace table ${PREVIOUS_RUN_TABLE} (run_id VARCHAR, finished_at VARCHAR)`);
  const previousParquet = join(previousOutDir, 'exports', 'indicator_values.parquet');
  const previousManifest = join(previousOutDir, 'run-manifest.json');
  let previousRunId: string | null = null;
  if (existsSync(previousParquet) && existsSync(previousManifest)) {
    const manifest = JSON.parse(readFileSync(previousManifest, 'utf8')) as Partial<RunManifest>;
    previousRunId = manifest.runId ?? null;
    await db.run(`insert into ${PREVIOUS_RUN_TABLE} values (?, ?)`, [previousRunId, manifest.finishedAt ?? null]);
    await db.run(`insert into ${CHANGES_TABLE} ${VALUE_CHANGES(previousParquet)}`);
    await insertFileChanges(db, manifest.files ?? [], files);
  }
  await db.run(`copy (select * from ${CHANGES_TABLE} order by change, indicator_id, year, geo_level, geo_code, ethnic_group, sex, file)
    to ${quoteLiteral(join(exportsDir, 'changes.csv'))} (header, delimiter ',')`);
  const counts = await db.all<{ change: string; n: number }>(`select change, count(*)::integer as n from ${CHANGES_TABLE} group by change order by change`);
  const revisions = await db.one<{ n: number }>(`select count(*)::integer as n from ${CHANGES_TABLE} where revision and indicator_id is not null`);
  return { previousRunId, counts: Object.fromEntries(counts.map((c) => [c.change, c.n])), revisions: revisions?.n ?? 0 };
}

/** Source files new, gone, or with another sha256 than last time (by their path under the sources folder). */
async function insertFileChanges(db: Db, previous: FileRow[], current: FileRow[]) {
  const latestYear = Math.max(...current.map((f) => f.year));
  const before = new Map(previous.map((f) => [f.path, f]));
  const now = new Map(current.map((f) => [f.path, f]));
  const rows: [string, number, string, string | null, string | null][] = [];
  for (const f of current) {
    const old = before.get(f.path);
    if (!old) rows.push(['file_new', f.year, f.path, null, f.sha256]);
    else if (old.sha256 !== f.sha256) rows.push(['file_changed', f.year, f.path, old.sha256, f.sha256]);
  }
  for (const f of previous) if (!now.has(f.path)) rows.push(['file_gone', f.year, f.path, f.sha256, null]);
  for (const [change, year, file, oldSha, newSha] of rows) {
    await db.run(`insert into ${CHANGES_TABLE} (change, year, revision, file, old_sha256, new_sha256) values (?, ?, ?, ?, ?, ?)`,
      [change, year, year < latestYear, file, oldSha, newSha]);
  }
}

/** One line for the run's summary. */
export function changesLine(c: ChangeSummary | undefined): string {
  if (!c) return '';
  if (!c.previousRunId) return '  changes since the last run: none to compare with (first run into this --out)';
  const n = (k: string) => c.counts[k] ?? 0;
  return `  changes since run ${c.previousRunId}: ${n('value_changed')} values changed, ${n('row_new')} rows new, ${n('row_gone')} gone, `
    + `${n('status_changed')} statuses changed (${c.revisions} in past years: revisions); source files ${n('file_changed')} changed, `
    + `${n('file_new')} new, ${n('file_gone')} gone — exports/changes.csv`;
}
