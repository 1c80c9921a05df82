// Suppression year by year and block by block, and its cache across runs: the same pattern as
// deciding every year and indicator at once, and a re-run decides again only the block-years whose
// rows changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decidePattern } from './pattern-cache.ts';
import { suppressionPattern, type SuppressionContext, type ValueRow } from './public-values.ts';

const ctx: SuppressionContext = { parentOf: new Map(), nonCountNumerators: new Set(), baselineTargets: new Set(), notAboutPersons: new Set() };
const dir = mkdtempSync(join(tmpdir(), 'dtts-pattern-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// [households, poor households] per commune and group (01 Kinh, 02 Tày, 12 Dao), one table per year.
type Fine = Record<string, Record<string, [number, number]>>;
const Y2024: Fine = { X: { '01': [40, 3], '02': [100, 30], '12': [80, 25] }, Y: { '01': [60, 10], '02': [90, 20], '12': [70, 30] } };
const Y2025: Fine = { X: { '01': [42, 12], '02': [101, 2], '12': [82, 20] }, Y: { '01': [61, 9], '02': [92, 18], '12': [69, 4] } };

function rowsOf(year: number, fine: Fine, indicator = 'poor_household_rate'): ValueRow[] {
  const groups = ['01', '02', '12'];
  const pick = (e: string) => (e === 'ALL' ? groups : e === 'DTTS' ? ['02', '12'] : [e]);
  const out: ValueRow[] = [];
  for (const geo of ['BAO_YEN', 'X', 'Y']) {
    for (const ethnic of ['ALL', 'DTTS', ...groups]) {
      let numerator = 0;
      let denominator = 0;
      for (const c of geo === 'BAO_YEN' ? ['X', 'Y'] : [geo]) {
        for (const g of pick(ethnic)) {
          numerator += fine[c]![g]![1];
          denominator += fine[c]![g]![0];
        }
      }
      out.push({
        indicator_id: indicator, year, geo_level: geo === 'BAO_YEN' ? 'area' : 'commune_2025', geo_code: geo, ethnic_group: ethnic, sex: 'ALL',
        numerator, denominator, value: (100 * numerator) / denominator, target: null, status: null, flags: null,
        baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null,
      });
    }
  }
  return out;
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b));

describe('suppression decided year by year', () => {
  const rows = [...rowsOf(2024, Y2024), ...rowsOf(2025, Y2025)];

  it('gives the pattern of deciding every year at once, and hides cells in both years', async () => {
    const { suppressed, decided, reused } = await decidePattern(rows, ctx);
    expect(sorted(suppressed)).toEqual(sorted(suppressionPattern(rows, ctx)));
    // 3 poor Kinh households in X in 2024; 2 poor Tày in X and 4 poor Dao in Y in 2025.
    expect(suppressed.get('poor_household_rate|2024|commune_2025|X|01|ALL')).toBe('small_count');
    expect(suppressed.get('poor_household_rate|2025|commune_2025|X|02|ALL')).toBe('small_count');
    expect(suppressed.get('poor_household_rate|2025|commune_2025|Y|12|ALL')).toBe('small_count');
    expect([...suppressed.keys()].filter((k) => k.includes('|2024|')).length).toBeGreaterThanOrEqual(2);
    expect(decided).toEqual([2024, 2025]);
    expect(reused).toEqual([]);
  });

  it('re-decides only the year whose rows changed when a cache of the previous run is given', async () => {
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    const a = await decidePattern(rows, ctx, { next: first });
    expect(a.decided).toEqual([2024, 2025]);
    const same = await decidePattern(rows, ctx, { previous: first, next: second });
    expect(same.decided).toEqual([]);
    expect(same.reused).toEqual([2024, 2025]);
    expect(sorted(same.suppressed)).toEqual(sorted(a.suppressed));

    // One more poor Tày household in X in 2025: 3 instead of 2, still small; the totals move with it.
    const changed = [...rowsOf(2024, Y2024), ...rowsOf(2025, { ...Y2025, X: { ...Y2025.X!, '02': [101, 3] } })];
    const b = await decidePattern(changed, ctx, { previous: second, next: join(dir, 'third.json') });
    expect(b.decided).toEqual([2025]);
    expect(b.reused).toEqual([2024]);
    expect(sorted(b.suppressed)).toEqual(sorted(suppressionPattern(changed, ctx)));
  });

  it('decides the years in worker threads with the same pattern, and fails there as here', async () => {
    const inline = await decidePattern(rows, ctx);
    expect(inline.inWorkers).toEqual([]);
    // Below the rows that pay for a worker's start, this thread decides alone, whatever `workers` says.
    expect((await decidePattern(rows, ctx, {}, 2)).inWorkers).toEqual([]);
    // Two workers beside this thread, both years in the workers (they take the first block-years).
    const threads = await decidePattern(rows, ctx, {}, 3, 0);
    expect(threads.inWorkers).toEqual([2024, 2025]);
    // One worker beside this thread: one year each.
    const shared = await decidePattern(rows, ctx, {}, 2, 0);
    expect(shared.inWorkers).toHaveLength(1);
    expect(sorted(shared.suppressed)).toEqual(sorted(inline.suppressed));
    expect(sorted(threads.suppressed)).toEqual(sorted(inline.suppressed));
    // An error in a worker (here a row given twice) fails the decision with the same message.
    const broken = [...rows, rows.find((r) => r.year === 2025)!];
    const here = await decidePattern(broken, ctx).then(() => 'ok', (e: Error) => e.message);
    expect(here).toMatch(/^suppression: duplicate cell poor_household_rate\|2025\|/);
    await expect(decidePattern(broken, ctx, {}, 3, 0)).rejects.toThrow(here);
  });

  it('ignores a cache written by other code, or damaged', async () => {
    const path = join(dir, 'other.json');
    await decidePattern(rows, ctx, { next: path });
    const file = JSON.parse(readFileSync(path, 'utf8')) as { code: string };
    writeFileSync(path, JSON.stringify({ ...file, code: 'another version' }));
    expect((await decidePattern(rows, ctx, { previous: path })).decided).toEqual([2024, 2025]);
    writeFileSync(path, '{"code":');
    expect((await decidePattern(rows, ctx, { previous: path })).decided).toEqual([2024, 2025]);
  });
});

describe('suppression decided block by block within a year', () => {
  // Poor and near-poor households share the census households (one block, named by the family's
  // first indicator); health-insurance coverage is another block (with hygienic water).
  const NEAR: Fine = { X: { '01': [40, 8], '02': [100, 20], '12': [80, 2] }, Y: { '01': [60, 12], '02': [90, 30], '12': [70, 10] } };
  const CARDS: Fine = { X: { '01': [150, 140], '02': [400, 396], '12': [300, 280] }, Y: { '01': [200, 190], '02': [350, 300], '12': [260, 250] } };
  const rows = (cards: Fine, near: Fine) => [
    ...rowsOf(2024, Y2024), ...rowsOf(2025, Y2025),
    ...rowsOf(2024, NEAR, 'near_poor_household_rate'), ...rowsOf(2025, near, 'near_poor_household_rate'),
    ...rowsOf(2024, CARDS, 'health_insurance_coverage'), ...rowsOf(2025, cards, 'health_insurance_coverage'),
  ];

  it('gives the pattern of deciding every indicator of a year at once, and re-decides only the changed block-year', async () => {
    const first = join(dir, 'blocks-1.json');
    const all = rows(CARDS, NEAR);
    const a = await decidePattern(all, ctx, { next: first });
    expect(sorted(a.suppressed)).toEqual(sorted(suppressionPattern(all, ctx)));
    expect(a.parts.decided).toEqual([
      '2024 hygienic_water_persons', '2024 poor_household_rate', '2025 hygienic_water_persons', '2025 poor_household_rate',
    ]);
    // 4 uninsured Tày in X in 2025 (a small complement): hidden, with what would give it back.
    expect(a.suppressed.get('health_insurance_coverage|2025|commune_2025|X|02|ALL')).toBe('small_complement');

    // A changed card file for 2025: 3 uninsured Tày in X instead of 4 (the totals move with it).
    const cards = { ...CARDS, X: { ...CARDS.X!, '02': [400, 397] as [number, number] } };
    const changed = rows(cards, NEAR);
    const b = await decidePattern(changed, ctx, { previous: first, next: join(dir, 'blocks-2.json') });
    expect(b.parts.decided).toEqual(['2025 hygienic_water_persons']);
    expect(b.parts.reused).toEqual(['2024 hygienic_water_persons', '2024 poor_household_rate', '2025 poor_household_rate']);
    expect(b.decided).toEqual([2025]);
    expect(b.reused).toEqual([2024]);
    expect(sorted(b.suppressed)).toEqual(sorted(suppressionPattern(changed, ctx)));

    // A near-poor change re-decides the poor households' block: they share the denominator.
    const near = { ...NEAR, Y: { ...NEAR.Y!, '12': [70, 11] as [number, number] } };
    const c = await decidePattern(rows(cards, near), ctx, { previous: join(dir, 'blocks-2.json') });
    expect(c.parts.decided).toEqual(['2025 poor_household_rate']);
    expect(sorted(c.suppressed)).toEqual(sorted(suppressionPattern(rows(cards, near), ctx)));
  });
});
