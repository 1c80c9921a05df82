// The checks that run in every build. Error severity marks data the indicators cannot be trusted
// on; warn marks what a steward should look at. Neither stops the build: the caller decides.
import { computedIndicators } from '@dtts/indicators';
import type { Connector } from '@dtts/ingest-core';
import { finding } from '@dtts/messages';
import { type Check, notNull, recordKey, unique } from './builders.ts';
import { declaredSourceChecks } from './derived.ts';

const GRAIN = ['indicator_id', 'year', 'geo_level', 'geo_code', 'ethnic_group', 'sex'];
const grainKey = `concat_ws('/', ${GRAIN.join(', ')})`;

// Keys, required columns, accepted values, references, row rules and commune frames come from the
// connector declarations (derived.ts); these span columns or sources, or look at what the models made.
const crossChecks: Check[] = [
  {
    id: 'households_without_persons', severity: 'warn', model: 'intermediate.int_households',
    finding: finding('check_households_without_persons'),
    sql: `select ${recordKey} as failing_key from intermediate.int_households where household_size = 0`,
  },

  {
    id: 'card_window_ordered', severity: 'error', model: 'staging.stg_health_insurance__the_bhyt',
    finding: finding('check_card_window_ordered'),
    sql: `select ${recordKey} as failing_key from staging.stg_health_insurance__the_bhyt where gia_tri_tu > gia_tri_den`,
  },
  {
    id: 'solid_classrooms_not_above_classrooms', severity: 'error', model: 'staging.stg_school__truong',
    finding: finding('check_solid_classrooms_not_above_classrooms'),
    sql: `select ${recordKey} as failing_key from staging.stg_school__truong where so_phong_kien_co > so_phong_hoc`,
  },
];

// Indicators whose numerator records are a subset of the denominator's: there every group row
// exists wherever its records do, so the groups add up to ALL exactly.
const additive = computedIndicators
  .filter((i) => i.numerator.fact === i.denominator.fact && (i.numerator.fact === 'persons' || i.numerator.fact === 'students'))
  .map((i) => `'${i.id}'`).join(', ');

// Rates over people or households: no real year halves one of these for the whole area.
const PEOPLE_FACTS: readonly string[] = ['persons', 'households', 'students', 'card_holders', 'poverty_households'];
const peopleRates = computedIndicators
  .filter((i) => i.unit === 'percent' && PEOPLE_FACTS.includes(i.denominator.fact))
  .map((i) => `'${i.id}'`).join(', ');

const indicatorChecks: Check[] = [
  unique('marts.indicator_values', GRAIN, 'error', grainKey),
  notNull('marts.indicator_values', [...GRAIN, 'numerator', 'denominator', 'value', 'status'], 'error', grainKey),
  {
    id: 'denominator_positive', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_denominator_positive'),
    sql: `select ${grainKey} as failing_key from marts.indicator_values where denominator <= 0`,
  },
  {
    id: 'ethnic_groups_add_up_to_all', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_ethnic_groups_add_up_to_all'),
    sql: `with groups as (
  select indicator_id, year, geo_level, geo_code, sex, sum(numerator) as numerator, sum(denominator) as denominator
  from marts.indicator_values
  where indicator_id in (${additive}) and ethnic_group not in ('ALL', 'DTTS')
  group by all
)
select concat_ws('/', a.indicator_id, a.year, a.geo_level, a.geo_code, 'ALL', a.sex) as failing_key
from marts.indicator_values as a
left join groups as g using (indicator_id, year, geo_level, geo_code, sex)
where a.indicator_id in (${additive}) and a.ethnic_group = 'ALL'
  and (coalesce(g.numerator, 0) <> a.numerator or coalesce(g.denominator, 0) <> a.denominator)`,
  },
  {
    id: 'sexes_add_up_to_all', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_sexes_add_up_to_all'),
    sql: `with sexes as (
  select indicator_id, year, geo_level, geo_code, ethnic_group, sum(numerator) as numerator, sum(denominator) as denominator
  from marts.indicator_values
  where indicator_id in (${additive}) and sex <> 'ALL'
  group by all
)
select concat_ws('/', a.indicator_id, a.year, a.geo_level, a.geo_code, a.ethnic_group, 'ALL') as failing_key
from marts.indicator_values as a
join sexes as s using (indicator_id, year, geo_level, geo_code, ethnic_group)
where a.indicator_id in (${additive}) and a.sex = 'ALL'
  and (s.numerator <> a.numerator or s.denominator <> a.denominator)`,
  },
  {
    id: 'rate_over_100', severity: 'warn', model: 'marts.indicator_values',
    finding: finding('check_rate_over_100'),
    sql: `select ${grainKey} as failing_key from marts.indicator_values where unit = 'percent' and value > 100`,
  },
  {
    id: 'year_over_year_jump', severity: 'warn', model: 'marts.indicator_values',
    finding: finding('check_year_over_year_jump'),
    sql: `select concat_ws('/', c.indicator_id, p.year || '→' || c.year, c.geo_level, c.geo_code, c.ethnic_group, c.sex) as failing_key
from marts.indicator_values as c
join marts.indicator_values as p
  on p.indicator_id = c.indicator_id and p.year = c.year - 1 and p.geo_level = c.geo_level
  and p.geo_code = c.geo_code and p.ethnic_group = c.ethnic_group and p.sex = c.sex
join ref.indicators as k on k.indicator_id = c.indicator_id
where c.unit = 'percent' and c.ethnic_group in ('ALL', 'DTTS') and c.sex = 'ALL'
  and not coalesce(p.year <= k.method_break_after_year and c.year > k.method_break_after_year, false)
  and abs(c.value - p.value) > 15`,
  },
  {
    // No real year halves a coverage or rate of the whole area (98% → 0% is an expired card list or a
    // file in the wrong folder); a small unit's swings stay with year_over_year_jump, a warning.
    id: 'area_rate_collapse', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_area_rate_collapse'),
    sql: `select concat_ws('/', c.indicator_id, p.year || '→' || c.year, c.geo_code, c.ethnic_group,
    round(p.value, 1) || '→' || round(c.value, 1)) as failing_key
from marts.indicator_values as c
join marts.indicator_values as p
  on p.indicator_id = c.indicator_id and p.year = c.year - 1 and p.geo_level = c.geo_level
  and p.geo_code = c.geo_code and p.ethnic_group = c.ethnic_group and p.sex = c.sex
join ref.indicators as k on k.indicator_id = c.indicator_id
where c.indicator_id in (${peopleRates}) and c.geo_level = 'area' and k.direction = 'higher_is_better'
  and c.ethnic_group in ('ALL', 'DTTS') and c.sex = 'ALL'
  and p.value >= 10 and c.value < p.value / 2`,
  },
  {
    id: 'completeness', severity: 'warn', model: 'marts.completeness',
    finding: finding('check_completeness'),
    sql: `select concat_ws('/', source, table_name, year, commune_code, status) as failing_key
from marts.completeness where status <> 'ok'`,
  },
];

/** Every check of a build over these sources. */
export function checksFor(connectors: readonly Connector[]): Check[] {
  return [...declaredSourceChecks(connectors), ...crossChecks, ...indicatorChecks];
}
