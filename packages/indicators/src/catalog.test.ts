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
  // The indicators of the other sources (SOURCES.md §7), in the order of their table
  'antenatal_care_dtts', 'underweight_children_dtts', 'teen_first_births', 'child_marriages', 'consanguineous_marriages',
  'dtts_officials_district', 'dtts_officials_commune', 'commune_cadres_university', 'commune_civil_servants_university',
  'commune_key_cadres_economic_training', 'paved_roads_to_village_centres', 'provincial_media_reach', 'villages_with_cultural_team',
  'cultural_teams_active', 'cultured_villages', 'communes_with_art_troupe', 'party_organisation_plans', 'good_examples_per_commune',
  'prestige_dialogues', 'ethnic_policy_inspections', 'annual_dtts_survey',
];

// INDICATORS.md's table of the other sources: geography, ethnic split, sex split, unit, what it counts.
const A = ['area'];
const ALL3 = ['area', 'commune_2025', 'commune_2020'];
const OTHER: Record<string, [string[], boolean, boolean, string, 'persons' | 'units']> = {
  antenatal_care_dtts: [ALL3, true, false, 'percent', 'persons'],
  underweight_children_dtts: [ALL3, true, true, 'percent', 'persons'],
  teen_first_births: [ALL3, true, false, 'count', 'persons'],
  child_marriages: [ALL3, true, false, 'count', 'persons'],
  consanguineous_marriages: [ALL3, true, false, 'count', 'persons'],
  dtts_officials_district: [A, false, true, 'percent', 'persons'],
  dtts_officials_commune: [ALL3, false, true, 'percent', 'persons'],
  commune_cadres_university: [ALL3, true, true, 'percent', 'persons'],
  commune_civil_servants_university: [ALL3, true, true, 'percent', 'persons'],
  commune_key_cadres_economic_training: [ALL3, true, true, 'percent', 'persons'],
  paved_roads_to_village_centres: [ALL3, false, false, 'percent', 'units'],
  provincial_media_reach: [ALL3, false, false, 'percent', 'units'],
  villages_with_cultural_team: [ALL3, false, false, 'percent', 'units'],
  cultural_teams_active: [ALL3, false, false, 'percent', 'units'],
  cultured_villages: [ALL3, false, false, 'percent', 'units'],
  communes_with_art_troupe: [ALL3, false, false, 'percent', 'units'],
  party_organisation_plans: [A, false, false, 'percent', 'units'],
  good_examples_per_commune: [ALL3, false, false, 'count', 'units'],
  prestige_dialogues: [A, false, false, 'count', 'units'],
  ethnic_policy_inspections: [A, false, false, 'count', 'units'],
  annual_dtts_survey: [A, false, false, 'yes_no', 'units'],
};

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

  it('computes all 40 targets of the plan: none waits for a source', () => {
    expect(catalog).toHaveLength(40);
    expect(computedIndicators).toHaveLength(40);
    expect(pendingIndicators).toEqual([]);
    expect(catalogRows.filter((r) => !r.has_source)).toEqual([]);
    for (const i of catalog) expect(i.hasSource, i.id).toBe(true);
  });

  it('splits the indicators of the other sources exactly as INDICATORS.md says, and counts units where they are not persons', () => {
    for (const [id, [geography, ethnicGroup, sex, unit, counts]] of Object.entries(OTHER)) {
      const i = computedIndicators.find((x) => x.id === id)!;
      expect(i.disaggregations, id).toEqual({ geography, ethnicGroup, sex });
      expect(i.unit, id).toBe(unit);
      expect(i.counts ?? 'persons', id).toBe(counts);
      // counts and yes/no have no denominator; rates have one
      expect(i.denominator === null, id).toBe(unit === 'count' || unit === 'yes_no');
    }
    const rows = new Map(catalogRows.map((r) => [r.indicator_id, r]));
    expect(rows.get('teen_first_births')?.denominator_text_vi).toBe('Không có mẫu số (chỉ tiêu là số đếm)');
    expect(rows.get('annual_dtts_survey')).toMatchObject({ target_value: 1, about_persons: false });
  });

  it('declares the district-level indicators, which have no value from 1 Jul 2025', () => {
    const district = catalogRows.filter((r) => r.district_level).map((r) => r.indicator_id);
    expect(district).toEqual(['dtts_officials_district', 'party_organisation_plans', 'prestige_dialogues']);
    for (const r of catalogRows) {
      expect(r.last_year, r.indicator_id).toBe(r.district_level ? 2024 : null);
      expect(r.last_year_note_vi, r.indicator_id).toBe(r.district_level ? 'Cấp huyện không còn từ 01/07/2025' : null);
    }
  });

  it('states the count targets as numbers with one meaning each', () => {
    const byId = new Map(computedIndicators.map((i) => [i.id, i.target]));
    expect(byId.get('teen_first_births')).toMatchObject({ kind: 'yearly_decrease_percent', percent: 30 });
    expect(byId.get('good_examples_per_commune')).toMatchObject({ kind: 'count_per_commune_at_least', value: 5 });
    expect(byId.get('prestige_dialogues')).toMatchObject({ kind: 'count_per_year_at_least', value: 1 });
    expect(byId.get('child_marriages')).toMatchObject({ kind: 'none_remaining', value: 0 });
    expect(byId.get('underweight_children_dtts')).toMatchObject({ kind: 'less_than', value: 13.5 });
    expect(TARGET_KINDS.yearly_decrease_percent).toMatchObject({ level: 'previous_year_less_percent', comparison: '<', zeroAchieves: true, onTrackLine: false });
    expect(TARGET_KINDS.count_per_commune_at_least).toMatchObject({ level: 'every_commune', comparison: '>=', onTrackLine: false });
    expect(TARGET_KINDS.none_remaining).toMatchObject({ level: 'parameter', comparison: '<=', onTrackLine: false });
    expect(TARGET_KINDS.at_least.onTrackLine).toBe(true);
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
    const schoolLevel = computedIndicators.filter((i) => !i.disaggregations.ethnicGroup && !(i.id in OTHER)).map((i) => i.id);
    expect(schoolLevel.sort()).toEqual(['boarding_school_standard', 'semi_boarding_schools_standard', 'solid_classrooms']);
  });

  it('writes numerator and denominator only over the columns their fact exposes', () => {
    for (const indicator of computedIndicators) {
      for (const term of [indicator.numerator, ...(indicator.denominator ? [indicator.denominator] : [])]) {
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
    expect(roads).toMatchObject({ has_source: true, target_value: 100, source: 'villages.thon', about_persons: false });
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
      for (const m of [i.numerator, ...(i.denominator ? [i.denominator] : [])]) expect(m.descriptionVi, i.id).toMatch(/^(Số|Tổng|Dân số)(\s|$)/);
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
      expect([r.target_level, r.target_comparison, r.target_yearly_points, r.target_needs_baseline, r.target_on_track_line, r.target_zero_achieves, r.target_needs_previous_year])
        .toEqual([m.level, m.comparison, m.yearlyPoints, m.needsBaseline, m.onTrackLine, m.zeroAchieves, m.needsPreviousYear]);
    }
    expect(TARGET_KINDS.double_baseline.shortVi(2, '2')).toBe('gấp 2 lần năm 2020');
  });
});
