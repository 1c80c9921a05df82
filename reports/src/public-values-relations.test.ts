// Relations hold only where the published numbers satisfy them: an ALL row that counts a record
// whose group has no row of its own is no sum of its groups (the pipeline fixtures have one).
import { describe, expect, it } from 'vitest';
import { publicValues, relationsFor, type ValueRow } from './public-values.ts';

const row = (geo_level: string, geo_code: string, ethnic_group: string, numerator: number, denominator: number): ValueRow => ({
  indicator_id: 'poor_household_rate', year: 2025, geo_level, geo_code, ethnic_group, sex: 'ALL', numerator, denominator,
  value: (100 * numerator) / denominator, target: null, status: null, flags: null, baseline_value: null, change_vs_baseline: null,
  geo_name: null, ethnic_name: null,
});

// The 2025 poverty rows of the pipeline fixtures: commune 02947 has one household whose head's group
// is unknown, so its ALL row (1/1) has no group rows, and the area's ALL is not Σ of the area's groups.
const rows = [
  row('area', 'BAO_YEN', 'ALL', 2, 5), row('area', 'BAO_YEN', 'DTTS', 2, 3), row('area', 'BAO_YEN', '01', 0, 1),
  row('area', 'BAO_YEN', '02', 1, 1), row('area', 'BAO_YEN', '07', 0, 1), row('area', 'BAO_YEN', '25', 1, 1),
  row('commune_2025', '02947', 'ALL', 1, 1), row('commune_2025', '02962', 'ALL', 1, 4), row('commune_2025', '02962', 'DTTS', 1, 3),
  row('commune_2025', '02962', '01', 0, 1), row('commune_2025', '02962', '02', 0, 1), row('commune_2025', '02962', '07', 0, 1), row('commune_2025', '02962', '25', 1, 1),
];

describe('relationsFor', () => {
  it('keeps the relations the numbers satisfy and drops the one they do not', () => {
    const relations = relationsFor(rows, new Map());
    const k = (level: string, code: string, eth: string) => `poor_household_rate|2025|${level}|${code}|${eth}|ALL`;
    expect(relations).toContainEqual({ total: k('area', 'BAO_YEN', 'ALL'), parts: [k('commune_2025', '02947', 'ALL'), k('commune_2025', '02962', 'ALL')] });
    expect(relations).toContainEqual({ total: k('commune_2025', '02962', 'ALL'), parts: ['01', '02', '07', '25'].map((e) => k('commune_2025', '02962', e)) });
    // area ALL (2/5) ≠ Kinh (0/1) + DTTS (2/3): 02947's household of unknown group is in ALL only.
    expect(relations.some((r) => r.total === k('area', 'BAO_YEN', 'ALL') && r.parts.includes(k('area', 'BAO_YEN', '01')))).toBe(false);
  });

  it('lets suppression finish on such rows', async () => {
    const out = await publicValues(rows, { parentOf: new Map(), nonCountNumerators: new Set(), baselineTargets: new Set(), notAboutPersons: new Set() });
    expect(out.length).toBe(rows.length);
    expect(out.find((r) => r.geo_code === '02947')!.suppressed).toBe(true);
  });
});
