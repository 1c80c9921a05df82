// Baseline, target, status and flags: income (double the 2020 value, Bảo Hà's partial territory)
// and the poverty rate (4 points a year within one poverty standard).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith, ndv, row } from '../test/fixture.ts';

// One Mông household of 2 persons per row: its commune and income. 2020–2024 use 2020-frame
// codes (Kim Sơn 02971, Cam Cọn 02974 and old Bảo Hà 02989 all go to new Bảo Hà 02989);
// 2025 uses new codes. Nghĩa Đô 02953 has data only in 2025: no baseline.
const INCOME = `
create temp table given_households as select * from (values
  (2020, 'A', '02971', 1000000, '08'),
  (2020, 'B', '02989', 2000000, '08'),
  (2022, 'C', '02971', 2200000, '08'),
  (2023, 'D', '02974', 1800000, '08'),
  (2025, 'E', '02989', 3200000, '08'),
  (2025, 'F', '02953', 1000000, '02')
) as t(year, ma_ho, commune_code, income, dan_toc);
insert into ingest.census_ho (year, ma_ho, commune_code, thu_nhap_binh_quan)
  select year, ma_ho, commune_code, income from given_households;
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho)
  select year, ma_ho, stt, 'Nam', 1980, dan_toc, case stt when 1 then 'Chủ hộ' else 'Con' end
  from given_households, range(1, 3) as s(stt);
`;

// Ten Dao households in Tân Tiến 02950 each year 2020–2023; poor: 5, 4, 6, 7 (50, 40, 60, 70 %).
// Near-poor: 0 in 2020, 2 in 2021 (a 20-point jump).
const POVERTY = `
insert into ingest.census_ho (year, ma_ho, commune_code)
  select y, 'H' || i, '02950' from range(2020, 2024) as t(y), range(10) as s(i);
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho)
  select y, 'H' || i, 1, 'Nam', 1980, '09', 'Chủ hộ' from range(2020, 2024) as t(y), range(10) as s(i);
insert into ingest.poverty_ho_ngheo (year, ma_ho, commune_code, dan_toc_chu_ho, so_nhan_khau, phan_loai)
  select y, 'H' || i, '02950', '09', 1,
    case when i < case y when 2020 then 5 when 2021 then 4 when 2022 then 6 else 7 end then 'poor' else 'near_poor' end
  from range(2020, 2024) as t(y), range(10) as s(i)
  where i < case y when 2020 then 5 when 2021 then 4 when 2022 then 6 else 7 end or (y = 2021 and i >= 8);
`;

describe('income_per_capita: target = 2 × the 2020 value at the same grain', () => {
  let built: Built;
  beforeAll(async () => { built = await buildWith(INCOME); });
  afterAll(() => built.db.close());

  it('sums 2020-frame communes into new Bảo Hà through the crosswalk', async () => {
    expect(await ndv(built.db, 'income_per_capita', { year: 2020, level: 'commune_2025', geo: '02989' }))
      .toEqual([6_000_000, 4, 1_500_000]);
    expect(await ndv(built.db, 'income_per_capita', { year: 2020, geo: '02971' })).toEqual([2_000_000, 2, 1_000_000]);
  });

  it('2025: achieved, change as a ratio, baseline territory flagged for new Bảo Hà and the area', async () => {
    const r = await row(built.db, 'income_per_capita', { year: 2025, level: 'commune_2025', geo: '02989' });
    expect(r).toMatchObject({ value: 3_200_000, baseline_value: 1_500_000, target: 3_000_000, status: 'achieved' });
    expect(r?.change_vs_baseline).toBeCloseTo(3.2 / 1.5, 9);
    expect(r?.flags).toBe('baseline_partial_territory;small_denominator');
    expect((await row(built.db, 'income_per_capita', { year: 2025 }))?.flags).toBe('baseline_partial_territory;small_denominator');
    expect((await row(built.db, 'income_per_capita', { year: 2020 }))?.flags).toBe('small_denominator');
    expect((await row(built.db, 'income_per_capita', { year: 2020, geo: '02989' }))?.flags).toBe('small_denominator');
  });

  it('between baseline and target: on_track at or above the straight line, else off_track', async () => {
    // line for new Bảo Hà: 1.5 M in 2020 → 3.0 M in 2025, i.e. 2.1 M in 2022 and 2.4 M in 2023
    expect(await row(built.db, 'income_per_capita', { year: 2022, level: 'commune_2025', geo: '02989' }))
      .toMatchObject({ value: 2_200_000, target: 3_000_000, status: 'on_track' });
    expect(await row(built.db, 'income_per_capita', { year: 2023, level: 'commune_2025', geo: '02989' }))
      .toMatchObject({ value: 1_800_000, status: 'off_track' });
    expect(await row(built.db, 'income_per_capita', { year: 2020, level: 'commune_2025', geo: '02989' }))
      .toMatchObject({ status: 'on_track', change_vs_baseline: 1 });
  });

  it('no baseline at that grain: no target, status no_data', async () => {
    expect(await row(built.db, 'income_per_capita', { year: 2025, level: 'commune_2025', geo: '02953' }))
      .toMatchObject({ value: 1_000_000, baseline_value: null, target: null, status: 'no_data', flags: 'small_denominator' });
  });

  it('2025 data has no 2020-frame rows', async () => {
    expect(await row(built.db, 'income_per_capita', { year: 2025, geo: '02989' })).toBeUndefined();
  });
});

// Điện Quan 02959 (2020 frame) became part of Thượng Hà 02968: 1.0 M in 2020, 1.1 M in 2024, 1.5 M in 2025.
const INCOME_SHORT = INCOME.replace(/\(2020, 'A'[\s\S]*?\) as t/, `(2020, 'G', '02959', 1000000, '09'),
  (2024, 'J', '02959', 1100000, '09'),
  (2025, 'H', '02968', 1500000, '09')
) as t`);

describe('status in the target year: a target not met is not_achieved, not off_track', () => {
  let built: Built;
  beforeAll(async () => { built = await buildWith(INCOME_SHORT); });
  afterAll(() => built.db.close());

  it('2024 below the line is off_track; 2025 below the target (2 × 1.0 M) is not_achieved', async () => {
    // line: 1.0 M in 2020 → 2.0 M in 2025, i.e. 1.8 M in 2024
    expect(await row(built.db, 'income_per_capita', { year: 2024, level: 'commune_2025', geo: '02968' }))
      .toMatchObject({ value: 1_100_000, target: 2_000_000, status: 'off_track' });
    expect(await row(built.db, 'income_per_capita', { year: 2025, level: 'commune_2025', geo: '02968' }))
      .toMatchObject({ value: 1_500_000, target: 2_000_000, status: 'not_achieved' });
    expect(await row(built.db, 'income_per_capita', { year: 2025 })).toMatchObject({ value: 1_500_000, status: 'not_achieved' });
  });
});

describe('poor_household_rate: falls ≥ 4 points a year, judged within one poverty standard', () => {
  let built: Built;
  beforeAll(async () => { built = await buildWith(POVERTY); });
  afterAll(() => built.db.close());

  it('values and the method_break flag from 2022', async () => {
    const rows = await built.db.all<{ year: number; value: number; flags: string | null; status: string; target: number | null }>(
      `select year, value, flags, status, target from marts.indicator_values
       where indicator_id = 'poor_household_rate' and geo_level = 'area' and ethnic_group = 'DTTS' order by year`);
    expect(rows).toEqual([
      { year: 2020, value: 50, flags: 'small_denominator', status: 'no_data', target: null },
      { year: 2021, value: 40, flags: 'small_denominator', status: 'achieved', target: null },
      // 2021→2022 (+20) straddles the standards and is left out; 2022 is the new standard's first
      // year, so there is no yearly change within it yet
      { year: 2022, value: 60, flags: 'method_break;small_denominator', status: 'no_data', target: null },
      // within NĐ 07 only: 2022→2023 is +10 points a year (the old standard's −10 does not count)
      { year: 2023, value: 70, flags: 'method_break;small_denominator', status: 'off_track', target: null },
    ]);
  });

  it('change vs baseline is still given across the break (flagged, not hidden)', async () => {
    expect(await row(built.db, 'poor_household_rate', { year: 2022, geo: '02950' }))
      .toMatchObject({ change_vs_baseline: 10, baseline_value: 50 });
  });

  it('near-poor has no target: no_data', async () => {
    expect(await row(built.db, 'near_poor_household_rate', { year: 2021 })).toMatchObject({ value: 20, status: 'no_data' });
  });

  it('flags year-over-year jumps over 15 points, but not across the method break', async () => {
    const jumps = await built.db.one<{ failing_rows: number; sample_failing_keys: string }>(
      `select failing_rows, sample_failing_keys from marts.dq_check_results where check_id = 'year_over_year_jump'`);
    // near-poor 0 → 20 at area, new Nghĩa Đô and Tân Tiến, ALL and DTTS; poor 40 → 60 is a break
    expect(jumps?.failing_rows).toBe(6);
    expect(jumps?.sample_failing_keys).toContain('near_poor_household_rate/2020→2021/area/BAO_YEN/ALL/ALL');
    expect(jumps?.sample_failing_keys).not.toContain('poor_household_rate/2021');
  });
});
