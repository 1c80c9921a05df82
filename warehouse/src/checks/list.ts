// The checks that run in every build. Error severity marks data the indicators cannot be trusted
// on; warn marks what a steward should look at. Neither stops the build: the caller decides.
import { computedIndicators } from '@dtts/indicators';
import type { Connector } from '@dtts/ingest-core';
import { finding } from '@dtts/messages';
import { type Check, notNull, recordKey, unique } from './builders.ts';
import { catalogSourceFacts } from '../compile.ts';
import { sourceFactModelName } from '../facts.ts';
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

// The other sources (SOURCES.md §7) against the census and against themselves: warnings a
// steward should look at, never a reason to distrust the run.
const BIRTHS_PER_1000 = { min: 8, max: 35 };
const WEIGHED_MIN_PERCENT = 50;
const STAFF_JUMP_PERCENT = 30;
// the years a table is present: a file of it was loaded (ingest.files); `filesOf` for the check that reads them
const presentYears = (source: string, table: string) => ({
  sql: `select distinct year from ingest.files where source = '${source}' and table_name = '${table}'`,
  filesOf: [`${source}.${table}`],
});
const birthYears = presentYears('health', 'sinh_de');
const weighedYears = presentYears('health', 'can_tre');

const otherSourceChecks: Check[] = [
  {
    // a commune's registered deliveries per 1,000 census persons (the 2025 frame, every year)
    id: 'births_per_1000_census_persons', severity: 'warn', model: 'intermediate.int_fact__health__sinh_de', filesOf: birthYears.filesOf,
    finding: finding('check_births_per_1000', BIRTHS_PER_1000),
    sql: `with persons as (
  select year, commune_2025, count(*) as persons
  from intermediate.int_persons
  where commune_2025 is not null and year in (${birthYears.sql})
  group by all
),
births as (
  select year, commune_2025, count(*) as births
  from intermediate.int_fact__health__sinh_de
  where commune_2025 is not null
  group by all
)
select concat_ws('/', p.year, p.commune_2025, round(1000.0 * coalesce(b.births, 0) / p.persons, 1) || ' per 1000') as failing_key
from persons as p
left join births as b using (year, commune_2025)
where 1000.0 * coalesce(b.births, 0) / p.persons not between ${BIRTHS_PER_1000.min} and ${BIRTHS_PER_1000.max}`,
  },
  {
    // Children weighed in June (0–1826 days) against census children. A child weighed at up to 1,826
    // days can be 5 by the census rule (YEAR − birth year: born in the second half of YEAR − 5), so the
    // upper bound is the census children aged 0–5; the lower bound is half of those aged 0–4.
    id: 'children_weighed_vs_census', severity: 'warn', model: 'intermediate.int_fact__health__can_tre', filesOf: weighedYears.filesOf,
    finding: finding('check_children_weighed_vs_census', { minPercent: WEIGHED_MIN_PERCENT }),
    sql: `with census as (
  select year, commune_2025, count(*) filter (where age <= 4) as aged_0_4, count(*) as aged_0_5
  from intermediate.int_persons
  where commune_2025 is not null and age between 0 and 5 and year in (${weighedYears.sql})
  group by all
),
weighed as (
  select year, commune_2025, count(*) as weighed
  from intermediate.int_fact__health__can_tre
  where commune_2025 is not null and age_days between 0 and 1826
  group by all
)
select concat_ws('/', c.year, c.commune_2025, coalesce(w.weighed, 0) || ' weighed', c.aged_0_4 || ' aged 0-4', c.aged_0_5 || ' aged 0-5') as failing_key
from census as c
left join weighed as w using (year, commune_2025)
where coalesce(w.weighed, 0) > c.aged_0_5 or 100.0 * coalesce(w.weighed, 0) < ${WEIGHED_MIN_PERCENT} * c.aged_0_4`,
  },
  {
    // the district level as one unit, each commune (2025 frame) as another
    id: 'staff_count_jump', severity: 'warn', model: 'intermediate.int_fact__staff__can_bo',
    finding: finding('check_staff_count_jump', { percent: STAFF_JUMP_PERCENT }),
    sql: `with counts as (
  select year, cap, case when cap = 'Huyện' then 'BAO_YEN' else commune_2025 end as unit, count(*) as staff
  from intermediate.int_fact__staff__can_bo
  where in_area and (cap = 'Huyện' or commune_2025 is not null)
  group by all
)
select concat_ws('/', c.cap, c.unit, p.year || '→' || c.year, p.staff || '→' || c.staff) as failing_key
from counts as c
join counts as p on p.cap = c.cap and p.unit = c.unit and p.year = c.year - 1
where abs(c.staff - p.staff) > ${STAFF_JUMP_PERCENT} / 100.0 * p.staff`,
  },
];

// Indicators whose numerator records are a subset of the denominator's: there every group row
// exists wherever its records do, so the groups add up to ALL exactly.
const additive = computedIndicators
  .filter((i) => i.numerator.fact === i.denominator?.fact && (i.numerator.fact === 'persons' || i.numerator.fact === 'students'))
  .map((i) => `'${i.id}'`).join(', ');

// Rates over people or households: no real year halves one of these for the whole area.
const PEOPLE_FACTS: readonly string[] = ['persons', 'households', 'students', 'card_holders', 'poverty_households'];
const peopleRates = computedIndicators
  .filter((i) => i.unit === 'percent' && i.denominator !== null && PEOPLE_FACTS.includes(i.denominator.fact))
  .map((i) => `'${i.id}'`).join(', ');

// Count indicators: wherever one has a value in a year, the area and every commune in force that
// year of the geographies it is given for have their ALL row (zero-filled, OUTPUTS.md).
const countGeographies = computedIndicators.filter((i) => i.unit === 'count' || i.unit === 'yes_no')
  .flatMap((i) => i.disaggregations.geography.map((g) => `('${i.id}', '${g}')`)).join(', ');
const countRowsInForce = `with years as (
  select distinct indicator_id, year from marts.indicator_values where unit in ('count', 'yes_no')
),
expected as (
  select y.indicator_id, y.year, g.geo_level, g.geo_code
  from years as y
  join (values ${countGeographies}) as d(indicator_id, geo_level) on d.indicator_id = y.indicator_id
  join marts.geographies as g on g.geo_level = d.geo_level
  where g.geo_level <> 'commune_2020' or y.year < (select min(year(valid_from)) from ref.communes where frame = '2025')
)
select concat_ws('/', e.indicator_id, e.year, e.geo_level, e.geo_code, 'ALL', 'ALL') as failing_key
from expected as e
left join marts.indicator_values as v
  on v.indicator_id = e.indicator_id and v.year = e.year and v.geo_level = e.geo_level and v.geo_code = e.geo_code
  and v.ethnic_group = 'ALL' and v.sex = 'ALL'
where v.indicator_id is null`;

const indicatorChecks: Check[] = [
  unique('marts.indicator_values', GRAIN, 'error', grainKey),
  notNull('marts.indicator_values', [...GRAIN, 'numerator', 'value', 'status'], 'error', grainKey),
  {
    // a rate has a denominator above 0; a count or yes/no value none, and its numerator is its value
    id: 'denominator_positive', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_denominator_positive'),
    sql: `select ${grainKey} as failing_key from marts.indicator_values
where case when unit in ('count', 'yes_no') then denominator is not null or numerator <> value
    else denominator is null or denominator <= 0 end`,
  },
  {
    id: 'count_rows_in_force', severity: 'error', model: 'marts.indicator_values',
    finding: finding('check_count_rows_in_force'),
    sql: countRowsInForce,
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
  const factModels = new Set(catalogSourceFacts().map(sourceFactModelName));
  // the checks of the other sources need their fact models (those the catalog reads)
  const other = otherSourceChecks.filter((c) => !c.model.startsWith('intermediate.int_fact__') || factModels.has(c.model));
  return [...declaredSourceChecks(connectors), ...crossChecks, ...other, ...indicatorChecks];
}
