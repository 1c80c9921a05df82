import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, catalogRows, computedIndicators, FACT_COLUMNS, pendingIndicators, SHARED_DENOMINATOR_GROUPS, sharedDenominators, TARGET_KINDS } from './index.ts';

// The ids of INDICATORS.md, in its order: the contract with the exports and the reports.
const SPEC_IDS = [
  'income_per_capita', 'poor_household_rate', 'near_poor_household_rate', 'grid_electricity_households',
  'hygienic_water_persons', 'solid_classrooms', 'resettlement_progress', 'enrolment_preschool_4_5',
  'enrolment_primary_6_10', 'enrolment_lower_secondary_11_14', 'enrolment_upper_secondary_15_17', 'literacy_15_60',
  'boarding_school_standard', 'semi_boarding_schools_standard', 'dtts_secondary_in_boarding',
  'dtts_in_semi_boarding_schools', 'health_insurance_coverage', 'trained_labour_15_60', 'trained_labour_female_share',
];

const GRAIN_COLUMNS = ['year', 'commune_2020', 'commune_2025', 'ethnic_group', 'sex'];
const SQL_WORDS = new Set(['and', 'or', 'not', 'in', 'between', 'is', 'null', 'coalesce', 'case', 'when', 'then', 'else', 'end']);

function identifiers(expression: string): string[] {
  const withoutStrings = expression.replace(/'(?:[^']|'')*'/g, '');
  return (withoutStrings.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => !SQL_WORDS.has(w.toLowerCase()));
}

describe('indicator catalog', () => {
  it('computes exactly the indicators of INDICATORS.md, in its order', () => {
    expect(computedIndicators.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('has unique snake_case ids', () => {
    const ids = catalog.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('keeps the plan targets without a source, marked hasSource: false', () => {
    const pendingIds = pendingIndicators.map((i) => i.id);
    for (const id of ['paved_roads_to_village_centres', 'provincial_media_reach', 'antenatal_care_dtts', 'underweight_children_dtts',
      'party_organisation_plans', 'good_examples_per_commune', 'prestige_dialogues', 'ethnic_policy_inspections', 'annual_dtts_survey',
      'cultured_villages', 'dtts_officials_commune']) {
      expect(pendingIds).toContain(id);
    }
    for (const p of pendingIndicators) expect(p.hasSource).toBe(false);
    expect(pendingIndicators.find((p) => p.id === 'good_examples_per_commune')?.target)
      .toMatchObject({ kind: 'count_per_year_at_least', value: 5, per: 'commune' });
    expect(pendingIndicators.find((p) => p.id === 'underweight_children_dtts')?.target).toMatchObject({ kind: 'less_than', value: 13.5 });
  });

  it('states the targets as numbers', () => {
    const byId = new Map(computedIndicators.map((i) => [i.id, i.target]));
    expect(byId.get('income_per_capita')).toMatchObject({ kind: 'double_baseline', factor: 2 });
    expect(byId.get('poor_household_rate')).toMatchObject({ kind: 'yearly_decrease_points', points: 4 });
    expect(byId.get('literacy_15_60')).toMatchObject({ kind: 'more_than', value: 93.5 });
    expect(byId.get('grid_electricity_households')).toMatchObject({ kind: 'at_least', value: 98 });
    expect(byId.get('solid_classrooms')).toMatchObject({ kind: 'exactly_100', value: 100 });
    expect(byId.get('health_insurance_coverage')).toMatchObject({ kind: 'more_than', value: 98 });
    expect(byId.get('trained_labour_female_share')).toMatchObject({ kind: 'at_least', value: 34 });
    expect(byId.get('near_poor_household_rate')).toMatchObject({ kind: 'no_target' });
  });

  it('splits by sex only person-based indicators, never households, schools or the female share', () => {
    const bySex = computedIndicators.filter((i) => i.disaggregations.sex).map((i) => i.id);
    for (const id of ['income_per_capita', 'poor_household_rate', 'grid_electricity_households', 'resettlement_progress',
      'solid_classrooms', 'boarding_school_standard', 'semi_boarding_schools_standard', 'trained_labour_female_share']) {
      expect(bySex).not.toContain(id);
    }
    expect(bySex).toContain('literacy_15_60');
    const schoolLevel = computedIndicators.filter((i) => !i.disaggregations.ethnicGroup).map((i) => i.id);
    expect(schoolLevel.sort()).toEqual(['boarding_school_standard', 'semi_boarding_schools_standard', 'solid_classrooms']);
  });

  it('writes numerator and denominator only over the columns their fact exposes', () => {
    for (const indicator of computedIndicators) {
      for (const term of [indicator.numerator, indicator.denominator]) {
        // a source fact (`<source>.<table>`) exposes its declared columns: the warehouse's build checks those
        if (!(term.fact in FACT_COLUMNS)) continue;
        const allowed = new Set<string>([...GRAIN_COLUMNS, ...FACT_COLUMNS[term.fact as keyof typeof FACT_COLUMNS]]);
        for (const name of [...identifiers(term.sum), ...identifiers(term.where ?? '')]) {
          expect(allowed.has(name), `${indicator.id}: "${name}" is not a column of ${term.fact}`).toBe(true);
        }
      }
    }
  });

  it('flattens to one row per entry, with the target number and source', () => {
    expect(catalogRows).toHaveLength(catalog.length);
    const income = catalogRows.find((r) => r.indicator_id === 'income_per_capita');
    expect(income).toMatchObject({ target_kind: 'double_baseline', target_value: 2, has_source: true, change_vs_baseline: 'ratio', value_factor: 1 });
    const roads = catalogRows.find((r) => r.indicator_id === 'paved_roads_to_village_centres');
    expect(roads).toMatchObject({ has_source: false, target_value: 100 });
    expect(roads?.source).toMatch(/^none yet/);
  });

  // The plan's text is kept in the project (docs/plan/) so its wording can be checked anywhere.
  const planPath = new URL('../../../docs/plan/ke-hoach-thuc-hien-chi-thi-28-CT-TU.txt', import.meta.url);
  it('quotes the plan word for word', () => {
    const squash = (s: string) => s.normalize('NFC').replace(/\*\*/g, '').replace(/\s+/g, ' ');
    const plan = squash(readFileSync(planPath, 'utf8'));
    for (const indicator of catalog) {
      if (indicator.target.kind === 'no_target') continue;
      expect(plan, indicator.id).toContain(squash(indicator.target.textVi));
    }
  });
});

describe('declared once', () => {
  it('every computed term has its Vietnamese text in the catalog entry', () => {
    for (const i of computedIndicators) {
      for (const m of [i.numerator, i.denominator]) expect(m.descriptionVi, i.id).toMatch(/^(Số|Tổng|Dân số)(\s|$)/);
    }
  });

  it('shared denominators are derived from the measures: the three families INDICATORS.md names', () => {
    expect(SHARED_DENOMINATOR_GROUPS).toEqual([
      ['poor_household_rate', 'near_poor_household_rate', 'grid_electricity_households'],
      ['hygienic_water_persons', 'health_insurance_coverage'],
      ['literacy_15_60', 'trained_labour_15_60'],
    ]);
    // a new indicator over census households joins the first family without anyone listing it
    const extra = { ...computedIndicators.find((i) => i.id === 'grid_electricity_households')!, id: 'new_household_rate' };
    expect(sharedDenominators([...computedIndicators, extra])[0]).toContain('new_household_rate');
  });

  it('every target kind of the catalog has one meaning, flattened into its row', () => {
    for (const r of catalogRows) {
      const m = TARGET_KINDS[r.target_kind as keyof typeof TARGET_KINDS];
      expect(m, r.target_kind).toBeDefined();
      expect([r.target_level, r.target_comparison, r.target_yearly_points, r.target_needs_baseline]).toEqual([m.level, m.comparison, m.yearlyPoints, m.needsBaseline]);
    }
    expect(TARGET_KINDS.double_baseline.shortVi(2, '2')).toBe('gấp 2 lần năm 2020');
  });
});
