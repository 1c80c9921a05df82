// After the plan period: 2026 data judged against the 2025 targets, until a plan file for
// 2026–2030 (baseline 2025) sets a target, which then judges 2026 from the 2025 value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTargets, PLAN_COLUMNS } from '@dtts/indicators';
import { type Built, buildWith, row } from '../test/fixture.ts';

// One Mông household of 2 persons in Bảo Hà (02989, a code of both frames): income 1.0 M in 2020,
// 1.8 M in 2025 and 2.5 M in 2026 (VND per person and month).
const GIVEN = `
create temp table given_households as select * from (values
  (2020, 'A', 1000000), (2025, 'A', 1800000), (2026, 'A', 2500000)
) as t(year, ma_ho, income);
insert into ingest.census_ho (year, ma_ho, commune_code, thu_nhap_binh_quan)
  select year, ma_ho, '02989', income from given_households;
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho)
  select year, ma_ho, stt, 'Nam', 1980, '08', case stt when 1 then 'Chủ hộ' else 'Con' end
  from given_households, range(1, 3) as s(stt);
`;
const area = (year: number) => ({ year, level: 'commune_2025' as const, geo: '02989' });

describe('years after the plan period, without a new plan', () => {
  let built: Built;
  beforeAll(async () => { built = await buildWith(GIVEN); }, 120_000);
  afterAll(() => built.db.close());

  it('2025, the target year: the target (2 × 1.0 M) is not met, and says so', async () => {
    expect(await row(built.db, 'income_per_capita', area(2025))).toMatchObject({ value: 1_800_000, target: 2_000_000, status: 'not_achieved' });
  });

  it('2026 is computed and judged against the 2025 target of the 2021–2025 plan', async () => {
    expect(await row(built.db, 'income_per_capita', area(2026))).toMatchObject({
      value: 2_500_000, baseline_value: 1_000_000, target: 2_000_000, status: 'achieved', plan_id: 'KH-2021-2025', baseline_year: 2020, target_year: 2025,
    });
  });
});

/** The describe block's warehouse, built from `given` with one plan file (`file`) holding `row`. */
function builtWithPlan(file: string, row: string, given = GIVEN): { db: Built['db'] } {
  const holder = {} as { built: Built };
  const dir = mkdtempSync(join(tmpdir(), 'dtts-plans-'));
  beforeAll(async () => {
    writeFileSync(join(dir, file), `${PLAN_COLUMNS.join(',')}\n${row}\n`);
    holder.built = await buildWith(given, planTargets([dir]));
  }, 120_000);
  // A failed build leaves no warehouse to close: the folder is removed all the same.
  afterAll(() => { holder.built?.db.close(); rmSync(dir, { recursive: true, force: true }); });
  return { get db() { return holder.built.db; } };
}

describe('a plan file for 2026–2030 with one target', () => {
  const built = builtWithPlan('ke-hoach-2026-2030.csv',
    'KH-2026-2030,Kế hoạch giai đoạn 2026–2030,2025,2030,income_per_capita,double_baseline,2,"Thu nhập bình quân của người DTTS tăng 2 lần so với năm 2025."');

  it('judges 2026 from the 2025 baseline: target 2 × 1.8 M, on the line 1.8 → 3.6 M (2.16 M in 2026)', async () => {
    expect(await row(built.db, 'income_per_capita', area(2026))).toMatchObject({
      value: 2_500_000, baseline_value: 1_800_000, target: 3_600_000, status: 'on_track', plan_id: 'KH-2026-2030', baseline_year: 2025, target_year: 2030,
    });
  });

  it('leaves 2025 to the plan whose target year it is, and other indicators to the 2025 targets', async () => {
    expect(await row(built.db, 'income_per_capita', area(2025))).toMatchObject({ target: 2_000_000, status: 'not_achieved', plan_id: 'KH-2021-2025' });
    expect(await row(built.db, 'grid_electricity_households', area(2026))).toMatchObject({ plan_id: 'KH-2021-2025', target: 98, target_year: 2025 });
  });
});

describe('a plan whose baseline year comes after a year it judges', () => {
  // a 2027–2030 plan: 2026 is past the 2025 targets, so this plan judges it, a year before its baseline
  const built = builtWithPlan('ke-hoach-2027-2030.csv',
    'KH-2027-2030,Kế hoạch giai đoạn 2027–2030,2027,2030,income_per_capita,double_baseline,2,"Thu nhập bình quân tăng 2 lần so với năm 2027."',
    `${GIVEN}
      insert into ingest.census_ho (year, ma_ho, commune_code, thu_nhap_binh_quan) values (2027, 'A', '02989', 3000000);
      insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho)
        values (2027, 'A', 1, 'Nam', 1980, '08', 'Chủ hộ'), (2027, 'A', 2, 'Nam', 1980, '08', 'Con');`);

  it('2026 has no baseline to compare with (a year reads only the years up to it): no target, no_data', async () => {
    expect(await row(built.db, 'income_per_capita', area(2026))).toMatchObject({
      value: 2_500_000, baseline_value: null, change_vs_baseline: null, target: null, status: 'no_data', plan_id: 'KH-2027-2030', baseline_year: 2027,
    });
  });

  it('2027, its baseline year, is compared with itself: target 2 × 3.0 M', async () => {
    expect(await row(built.db, 'income_per_capita', area(2027))).toMatchObject({ value: 3_000_000, baseline_value: 3_000_000, target: 6_000_000 });
  });
});
