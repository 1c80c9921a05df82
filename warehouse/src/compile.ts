// Indicators as data, compiled to SQL: each computed catalog entry becomes one intermediate model
// that sums its numerator and denominator over the records of its facts, at every grain of
// INDICATORS.md, computed from the records (never from the rows of a lower level).
//
// Rates keep a row only where the denominator is above 0. Counts and yes/no indicators (no
// denominator, OUTPUTS.md) keep an `ALL` row for the area and every commune in force whenever a
// file of their table was loaded that year (ingest.files), 0 when nothing is counted, and a group
// row wherever the table has a record of that group; a year without a file has no row.
import { computedIndicators, type ComputedIndicator, type FactName, type MeasureTerm } from '@dtts/indicators';
import { sourceFactModelName } from './facts.ts';
import { type Model, modelFromSql, YEAR_GRAIN_HEADER } from './models.ts';

/** The intermediate model holding each fact's records (grain columns + FACT_COLUMNS). */
export const FACT_MODELS: Record<FactName, string> = {
  persons: 'intermediate.int_persons',
  households: 'intermediate.int_households',
  poverty_households: 'intermediate.int_poverty_households',
  students: 'intermediate.int_students',
  card_holders: 'intermediate.int_card_holders',
  schools: 'intermediate.int_schools',
};

const isNamedFact = (fact: MeasureTerm['fact']): fact is FactName => fact in FACT_MODELS;

/** A named fact's model, or the generated model of a source table (`<source>.<table>`, facts.ts). */
export function factModel(fact: MeasureTerm['fact']): string {
  return isNamedFact(fact) ? FACT_MODELS[fact] : sourceFactModelName(fact);
}

export function indicatorModelName(id: string): string {
  return `intermediate.int_indicator__${id}`;
}

/** Counts and yes/no values have no denominator. */
export function isCount(indicator: ComputedIndicator): boolean {
  return indicator.unit === 'count' || indicator.unit === 'yes_no';
}

/** Every record set an indicator reads (numerator and denominator terms, `plus` included). */
export function indicatorTerms(indicator: ComputedIndicator): MeasureTerm[] {
  return [indicator.numerator, indicator.denominator].flatMap((m) => (m ? [m, ...(m.plus ?? [])] : []));
}

/** The source tables the catalog reads as facts (`<source>.<table>`): the fact models facts.ts generates. */
export function catalogSourceFacts(indicators: readonly ComputedIndicator[] = computedIndicators): string[] {
  return indicators.flatMap(indicatorTerms).map((t) => t.fact).filter((f) => !isNamedFact(f));
}

// The district level's last day is the 2020 frame's (ref.communes): a district-level indicator counts
// no record of a later reference date, and so has no row that year.
const DISTRICT_LEVEL_LAST_DAY = `(select max(valid_to) from ref.communes where frame = '2020')`;

type Role = 'numerator' | 'denominator' | 'records';

function termRecords(indicator: ComputedIndicator, term: MeasureTerm, role: Role): string {
  if (indicator.districtLevel && isNamedFact(term.fact)) {
    throw new Error(`${indicator.id}: a district-level indicator reads source tables (their reference date decides the year), not "${term.fact}"`);
  }
  const value = (r: Role) => (r === role ? (role === 'records' ? '1' : `(${term.sum})`) : '0');
  // the named facts count a record in the area when its commune is one of the area's
  const inArea = isNamedFact(term.fact) ? 'commune_2025 is not null' : 'in_area';
  const conditions = [
    role === 'records' ? null : term.where ? `(${term.where})` : null,
    indicator.districtLevel ? `reference_date <= ${DISTRICT_LEVEL_LAST_DAY}` : null,
  ].filter((c) => c !== null);
  return `    select year, commune_2020, commune_2025, ${inArea} as in_area, ethnic_group, sex,
        ${value('numerator')} as numerator, ${value('denominator')} as denominator, ${value('records')} as n_records
    from ${factModel(term.fact)}
    where ${conditions.length ? conditions.join(' and ') : 'true'}`;
}

function recordsSql(indicator: ComputedIndicator): string {
  const { numerator, denominator } = indicator;
  const parts = [...[numerator, ...(numerator.plus ?? [])].map((t) => termRecords(indicator, t, 'numerator'))];
  if (denominator) parts.push(...[denominator, ...(denominator.plus ?? [])].map((t) => termRecords(indicator, t, 'denominator')));
  // a count's rows exist where its table has records, counted or not
  else parts.push(...[numerator, ...(numerator.plus ?? [])].map((t) => termRecords(indicator, t, 'records')));
  return parts.join('\n    union all\n');
}

/** A count's source tables (`<source>.<table>`): their files decide the years it has rows. */
function countTables(indicator: ComputedIndicator): string[] {
  return [indicator.numerator, ...(indicator.numerator.plus ?? [])].map((t) => {
    if (isNamedFact(t.fact)) throw new Error(`${indicator.id}: a count reads a source table (<source>.<table>), not "${t.fact}"`);
    return t.fact;
  });
}

/** Zero rows (`ALL`, `ALL`) for the area and every commune in force, in each year a file of a count's table was loaded. */
function zeroFillSql(indicator: ComputedIndicator): string {
  const tables = countTables(indicator).map((fact) => {
    const [source, table] = fact.split('.');
    return `('${source}', '${table}')`;
  });
  const levels = indicator.disaggregations.geography;
  const inForce = [
    levels.includes('area') ? `    select year, 'area' as geo_level, 'BAO_YEN' as geo_code from present_years` : null,
    levels.includes('commune_2025') ? `    select p.year, 'commune_2025', c.code from present_years as p join ref.communes as c on c.frame = '2025'` : null,
    levels.includes('commune_2020') ? `    select p.year, 'commune_2020', c.code from present_years as p join ref.communes as c
        on c.frame = '2020' and p.reference_date between c.valid_from and coalesce(c.valid_to, date '9999-12-31')` : null,
  ].filter((x) => x !== null);
  return `-- the years a file of the table was loaded, at the source's reference date
present_years as (
    select distinct
        f.year,
        cast(cast(f.year + s.reference_year_offset as varchar) || '-' || s.reference_month_day as date) as reference_date
    from ingest.files as f
    join ref.sources as s on s.source = f.source
    where (f.source, f.table_name) in (${tables.join(', ')})
),

-- the area and every commune in force those years${indicator.districtLevel ? ' (none after the district level ended)' : ''}
in_force as (
    select * from (
${inForce.join('\n    union all\n')}
    )${indicator.districtLevel ? `\n    where year in (select year from present_years where reference_date <= ${DISTRICT_LEVEL_LAST_DAY})` : ''}
),`;
}

export function compileIndicatorSql(indicator: ComputedIndicator): string {
  const { ethnicGroup, sex, geography } = indicator.disaggregations;
  const count = isCount(indicator);
  const factor = indicator.unit === 'percent' ? 100 : 1;
  const cols = 'numerator, denominator, n_records, zero_filled';
  const geo = {
    area: `    select year, 'area' as geo_level, 'BAO_YEN' as geo_code, ethnic_group, sex, ${cols}
    from finest where in_area`,
    commune_2025: `    select year, 'commune_2025' as geo_level, commune_2025 as geo_code, ethnic_group, sex, ${cols}
    from finest where commune_2025 is not null`,
    commune_2020: `    select year, 'commune_2020' as geo_level, commune_2020 as geo_code, ethnic_group, sex, ${cols}
    from finest where commune_2020 is not null`,
  };
  const ethnicBranches = [
    `    select year, geo_level, geo_code, 'ALL' as ethnic_group, sex, ${cols} from by_geography`,
    ...(ethnicGroup ? [
      `    select year, geo_level, geo_code, 'DTTS', sex, ${cols} from by_geography
    where ethnic_group in (select code from ref.ethnic_groups where is_minority)`,
      `    select year, geo_level, geo_code, ethnic_group, sex, ${cols} from by_geography
    where ethnic_group is not null`,
    ] : []),
  ];
  const sexBranches = [
    `    select year, geo_level, geo_code, ethnic_group, 'ALL' as sex, ${cols} from by_ethnic_group`,
    ...(sex ? [`    select year, geo_level, geo_code, ethnic_group, sex, ${cols} from by_ethnic_group
    where sex is not null`] : []),
    ...(count ? [`    select year, geo_level, geo_code, 'ALL', 'ALL', 0, 0, 0, 1 from in_force`] : []),
  ];
  const countValue = indicator.unit === 'yes_no' ? 'case when numerator > 0 then 1 else 0 end' : 'numerator';
  const final = count
    ? `    select
        '${indicator.id}' as indicator_id,
        year, geo_level, geo_code, ethnic_group, sex,
        cast(${countValue} as bigint) as numerator,
        cast(null as bigint) as denominator,
        cast(${countValue} as double) as value
    from aggregated
    where n_records > 0 or zero_filled > 0`
    : `    select
        '${indicator.id}' as indicator_id,
        year, geo_level, geo_code, ethnic_group, sex, numerator, denominator,
        ${factor} * cast(numerator as double) / denominator as value
    from aggregated
    where denominator > 0`;
  return `-- Generated from the catalog entry "${indicator.id}" (${indicator.clause}) by warehouse/src/compile.ts.
-- numerator:   ${indicator.numerator.description}
-- denominator: ${indicator.denominator?.description ?? `none (${indicator.unit})`}
${YEAR_GRAIN_HEADER}${count ? `\n-- files of: ${countTables(indicator).join(', ')} (the years a file of them was loaded: ingest.files)` : ''}
with records as (
${recordsSql(indicator)}
),

-- the finest grain first, so the fan-out below handles hundreds of rows, not every record
finest as (
    select year, commune_2020, commune_2025, in_area, ethnic_group, sex,
        sum(numerator) as numerator, sum(denominator) as denominator, sum(n_records) as n_records, 0 as zero_filled
    from records
    group by all
),

${count ? `${zeroFillSql(indicator)}\n\n` : ''}by_geography as (
${geography.map((g) => geo[g]).join('\n    union all\n')}
),

by_ethnic_group as (
${ethnicBranches.join('\n    union all\n')}
),

by_sex as (
${sexBranches.join('\n    union all\n')}
),

aggregated as (
    select
        year, geo_level, geo_code, ethnic_group, sex,
        cast(sum(numerator) as bigint) as numerator,
        cast(sum(denominator) as bigint) as denominator,
        sum(n_records) as n_records,
        sum(zero_filled) as zero_filled
    from by_sex
    group by all
),

final as (
${final}
)

select * from final`;
}

/** One model per computed indicator, plus `intermediate.int_indicator_values`, their union. */
export function indicatorModels(indicators: ComputedIndicator[] = computedIndicators): Model[] {
  const models = indicators.map((i) => modelFromSql(indicatorModelName(i.id), compileIndicatorSql(i), 'generated'));
  const union = `-- Generated by warehouse/src/compile.ts: every computed indicator, one row per grain.
${YEAR_GRAIN_HEADER}
${models.map((m) => `select * from ${m.name}`).join('\nunion all\n')}`;
  return [...models, modelFromSql('intermediate.int_indicator_values', union, 'generated')];
}
