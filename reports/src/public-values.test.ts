import { beforeAll, describe, expect, it } from 'vitest';
import { findRecoverable, type SuppressionReason } from './suppression.ts';
import { cellCost, disclosureLeaks, headlineShare, publicValues, relationsFor, type SuppressionContext, type ValueRow } from './public-values.ts';

// Two communes of the 2025 frame, Kinh (01) and two minority groups (02 Tày, 12 Dao), both sexes only.
// [households, poor households, households with grid electricity] per commune and group.
type Fine = Record<string, Record<string, [number, number, number]>>;
const FINE: Fine = {
  X: { '01': [40, 3, 40], '02': [100, 30, 98], '12': [80, 25, 75] }, // 3 poor Kinh; 2 Tày households without power
  Y: { '01': [60, 10, 58], '02': [90, 20, 85], '12': [70, 30, 66] }, // 2 Kinh households without power
};

const ctx: SuppressionContext = { parentOf: new Map(), nonCountNumerators: new Set(), baselineTargets: new Set(), notAboutPersons: new Set() };

/** The published rows (area, communes × ALL, DTTS, groups) summed from the finest cells, as the warehouse does. */
function rowsOf(fine: Fine): ValueRow[] {
  const out: ValueRow[] = [];
  const groups = ['01', '02', '12'];
  const pick = (ethnic: string) => (ethnic === 'ALL' ? groups : ethnic === 'DTTS' ? groups.filter((g) => g !== '01') : [ethnic]);
  for (const [id, at] of [['poor_household_rate', 1], ['grid_electricity_households', 2]] as const) {
    for (const geo of ['BAO_YEN', ...Object.keys(fine)]) {
      const communes = geo === 'BAO_YEN' ? Object.keys(fine) : [geo];
      for (const ethnic of ['ALL', 'DTTS', ...groups]) {
        let numerator = 0;
        let denominator = 0;
        for (const c of communes) for (const g of pick(ethnic)) {
          numerator += fine[c]![g]![at]!;
          denominator += fine[c]![g]![0]!;
        }
        out.push({
          indicator_id: id, year: 2025, geo_level: geo === 'BAO_YEN' ? 'area' : 'commune_2025', geo_code: geo, ethnic_group: ethnic, sex: 'ALL',
          numerator, denominator, value: (100 * numerator) / denominator, target: null, status: null, flags: null,
          baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null,
        });
      }
    }
  }
  return out;
}

const key = (id: string, geo: string, ethnic: string) => `${id}|2025|${geo === 'BAO_YEN' ? 'area' : 'commune_2025'}|${geo}|${ethnic}|ALL`;
const POOR = 'poor_household_rate';
const GRID = 'grid_electricity_households';

describe('secondary suppression that keeps the headline', () => {
  it('costs: DTTS both sexes most, then ALL, then the area, then DTTS by sex, then a group or a sex of ALL in a commune', () => {
    const r = (geo_level: string, ethnic_group: string, sex: string) => cellCost({ geo_level, ethnic_group, sex } as ValueRow);
    const order = [
      r('area', 'DTTS', 'ALL'), r('commune_2025', 'DTTS', 'ALL'), r('commune_2020', 'DTTS', 'ALL'),
      r('area', 'ALL', 'ALL'), r('commune_2025', 'ALL', 'ALL'), r('area', '01', 'ALL'), r('commune_2025', 'DTTS', 'Nữ'),
      r('commune_2020', 'DTTS', 'Nữ'), r('commune_2025', '01', 'ALL'), r('commune_2020', 'ALL', 'Nam'),
    ];
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(new Set(order.slice(0, 8)).size).toBe(8);
  });

  it('hides the ALL row, not the DTTS one, to protect a small Kinh cell', async () => {
    const rows = rowsOf(FINE);
    const pub = await publicValues(rows, ctx);
    const reason = new Map(pub.filter((r) => r.suppressed).map((r) => [`${r.indicator_id}|2025|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|ALL`, r.suppression_reason]));
    // Primary: 3 poor Kinh in X; 2 Tày households in X and 2 Kinh households in Y without power.
    expect(reason.get(key(POOR, 'X', '01'))).toBe('small_count');
    expect(reason.get(key(GRID, 'X', '02'))).toBe('small_complement');
    expect(reason.get(key(GRID, 'Y', '01'))).toBe('small_complement');
    // X: ALL = DTTS + Kinh loses one more cell: ALL (cheaper), never DTTS.
    expect(reason.get(key(POOR, 'X', 'ALL'))).toBe('secondary');
    for (const id of [POOR, GRID]) for (const geo of ['BAO_YEN', 'X', 'Y']) expect(reason.has(key(id, geo, 'DTTS')), `${id} ${geo}`).toBe(false);
    expect(headlineShare(pub)).toEqual({ eligible: 4, shown: 4 });
    expect(disclosureLeaks(rows, new Map([...reason] as [string, SuppressionReason][]), ctx)).toEqual([]);
  });

  it('a table sharing its denominator with another keeps its cells where only the other has small numbers', async () => {
    // No poor count is small now; the electricity table still hides its small complements.
    const rows = rowsOf({ ...FINE, X: { ...FINE.X, '01': [40, 8, 40] } });
    const pub = await publicValues(rows, ctx);
    expect(pub.filter((r) => r.indicator_id === GRID && r.suppressed).length).toBeGreaterThan(3);
    // Before, every electricity cell hid the poverty cell of the same households with it.
    expect(pub.filter((r) => r.indicator_id === POOR && r.suppressed)).toEqual([]);
    const hidden = new Map(pub.filter((r) => r.suppressed).map((r) => [`${r.indicator_id}|2025|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|ALL`, r.suppression_reason as SuppressionReason]));
    expect(disclosureLeaks(rows, hidden, ctx)).toEqual([]);
  });

  it('the attacker finds a complement given away by one subtraction', () => {
    const rows = rowsOf(FINE);
    // Only the primary cell hidden: DTTS − Dao gives the Tày households with power, hence the 2 without.
    expect(disclosureLeaks(rows, new Map([[key(GRID, 'X', '02'), 'small_complement']]), ctx)).toEqual([key(GRID, 'X', '02')]);
  });

  it('the attacker combines tables that share a denominator', async () => {
    // 15 Dao households in X: a denominator under 20, primary in both tables. Each table alone is
    // protected (a second cell of the same relation hidden), but not the same second cell.
    const fine: Fine = { ...FINE, X: { ...FINE.X, '12': [15, 6, 12] } };
    const rows = rowsOf(fine);
    const pattern = new Map<string, SuppressionReason>([
      [key(POOR, 'X', '12'), 'small_denominator'], [key(POOR, 'X', '02'), 'secondary'], [key(POOR, 'Y', '12'), 'secondary'], [key(POOR, 'Y', '02'), 'secondary'],
      [key(GRID, 'X', '12'), 'small_denominator'], [key(GRID, 'X', 'DTTS'), 'secondary'], [key(GRID, 'X', 'ALL'), 'secondary'],
      [key(GRID, 'Y', '12'), 'secondary'], [key(GRID, 'Y', 'DTTS'), 'secondary'], [key(GRID, 'Y', 'ALL'), 'secondary'],
    ]);
    const relations = relationsFor(rows, new Map());
    const cells = rows.map((r) => ({ key: `${r.indicator_id}|2025|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|ALL`, numerator: r.numerator, denominator: r.denominator, numeratorIsCount: true }));
    // Table by table nothing is recoverable...
    expect(findRecoverable({ cells, relations }, pattern.keys())).toEqual([]);
    // ...but the electricity table publishes the Tày households of X, and DTTS − Tày = 15 Dao households.
    expect(disclosureLeaks(rows, pattern, ctx)).toContain(key(POOR, 'X', '12'));
    // The pattern publicValues chooses holds against the same attacker.
    const pub = await publicValues(rows, ctx);
    const chosen = new Map(pub.filter((r) => r.suppressed).map((r) => [`${r.indicator_id}|2025|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|ALL`, r.suppression_reason as SuppressionReason]));
    expect(chosen.get(key(POOR, 'X', '12'))).toBe('small_denominator');
    expect(disclosureLeaks(rows, chosen, ctx)).toEqual([]);
  });
});

// The indicators of the other sources (OUTPUTS.md): a count of persons has no denominator, so its
// rule is on the count itself; villages, communes, organisations and activities are never suppressed.
describe('counts and indicators that are not about persons', () => {
  const TEEN = 'teen_first_births';
  const PAVED = 'paved_roads_to_village_centres';
  const row = (id: string, year: number, geo: string, numerator: number, denominator: number | null, target: number | null = null): ValueRow => ({
    indicator_id: id, year, geo_level: geo === 'BAO_YEN' ? 'area' : 'commune_2025', geo_code: geo, ethnic_group: 'ALL', sex: 'ALL',
    numerator, denominator, value: denominator === null ? numerator : (100 * numerator) / denominator, target, status: 'achieved', flags: null,
    baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null,
  });
  const k = (id: string, year: number, geo: string) => `${id}|${year}|${geo === 'BAO_YEN' ? 'area' : 'commune_2025'}|${geo}|ALL|ALL`;
  // Teen first births: X 3 and Y 7 in 2024 (area 10); X 6, Y 0 in 2025 (area 6), each 2025 target 70% of 2024's.
  // Paved roads: X 2 of 3 villages, Y 5 of 9 (area 7 of 12).
  const rows: ValueRow[] = [
    row(TEEN, 2024, 'X', 3, null), row(TEEN, 2024, 'Y', 7, null), row(TEEN, 2024, 'BAO_YEN', 10, null),
    row(TEEN, 2025, 'X', 6, null, 0.7 * 3), row(TEEN, 2025, 'Y', 0, null, 0.7 * 7), row(TEEN, 2025, 'BAO_YEN', 6, null, 0.7 * 10),
    row(PAVED, 2025, 'X', 2, 3), row(PAVED, 2025, 'Y', 5, 9), row(PAVED, 2025, 'BAO_YEN', 7, 12),
  ];
  const counts: SuppressionContext = { ...ctx, notAboutPersons: new Set([PAVED]), previousYearTargets: new Set([TEEN]) };
  let pub: Awaited<ReturnType<typeof publicValues>> = [];
  beforeAll(async () => {
    pub = await publicValues(rows, counts);
  });
  const get = (id: string, year: number, geo: string) => pub.find((r) => `${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|ALL|ALL` === k(id, year, geo))!;

  it('hides a count of 3 and, since area = X + Y, one more cell: the commune, not the area', () => {
    expect(get(TEEN, 2024, 'X')).toMatchObject({ suppressed: true, suppression_reason: 'small_count', value: null, numerator: null });
    expect(get(TEEN, 2024, 'Y')).toMatchObject({ suppressed: true, suppression_reason: 'secondary', value: null });
    expect(get(TEEN, 2024, 'BAO_YEN')).toMatchObject({ suppressed: false, value: 10, numerator: 10, denominator: null });
    // A count of 0 (nothing counted: data) and of 6 are shown.
    expect(get(TEEN, 2025, 'Y')).toMatchObject({ suppressed: false, value: 0 });
    expect(get(TEEN, 2025, 'X')).toMatchObject({ suppressed: false, value: 6 });
  });

  it("blanks a target computed from last year's hidden count (2,1 = 70% of 3 would give the 3 back)", () => {
    expect(get(TEEN, 2025, 'X').target).toBeNull();
    expect(get(TEEN, 2025, 'Y').target).toBeNull(); // 4,9 = 70% of the hidden 7
    expect(get(TEEN, 2025, 'BAO_YEN').target).toBeCloseTo(7, 9);
  });

  it('shows a village rate of 2 of 3 and the area: villages are not persons, and take no part in secondary suppression', async () => {
    expect(get(PAVED, 2025, 'X')).toMatchObject({ suppressed: false, numerator: 2, denominator: 3 });
    expect(get(PAVED, 2025, 'X').value).toBeCloseTo(66.667, 2);
    expect(get(PAVED, 2025, 'Y')).toMatchObject({ suppressed: false, numerator: 5, denominator: 9 });
    expect(get(PAVED, 2025, 'BAO_YEN')).toMatchObject({ suppressed: false, numerator: 7, denominator: 12 });
    // The same rows counted as persons would be hidden (denominators under 20).
    const asPersons = await publicValues(rows, { ...counts, notAboutPersons: new Set() });
    expect(asPersons.filter((r) => r.indicator_id === PAVED && r.suppressed).length).toBe(3);
    // And the teen-births pattern is the same with or without the village rows.
    const alone = (await publicValues(rows.filter((r) => r.indicator_id === TEEN), counts)).filter((r) => r.suppressed).map((r) => `${r.year}|${r.geo_code}`);
    expect(pub.filter((r) => r.suppressed).map((r) => `${r.year}|${r.geo_code}`)).toEqual(alone);
  });

  it('the attacker recovers a hidden count by subtraction when only the primary cell is hidden, and not from the chosen pattern', () => {
    const aboutPersons = rows.filter((r) => r.indicator_id === TEEN);
    expect(disclosureLeaks(aboutPersons, new Map([[k(TEEN, 2024, 'X'), 'small_count']]), counts)).toEqual([k(TEEN, 2024, 'X')]);
    const chosen = new Map(pub.filter((r) => r.suppressed).map((r) => [k(r.indicator_id, r.year, r.geo_code), r.suppression_reason as SuppressionReason]));
    expect(disclosureLeaks(aboutPersons, chosen, counts)).toEqual([]);
  });
});
