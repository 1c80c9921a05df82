// The health and civil-registration indicators (INDICATORS.md, "The indicators of the other
// sources"), computed by hand from the rows below: antenatal care and underweight children (rates),
// teen first births and child / consanguineous marriages (counts: no denominator, zero-filled in a
// year whose file was loaded, no row in a year without one), and the data-quality checks of births
// and weighed children against the census.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith, ndv, pct, row } from '../test/fixture.ts';

// Deliveries (sinh_de). 2020: ten teen first births in Phố Ràng 02947 and ten in Tân Tiến 02950
// (Mông mothers born 2004, aged 16; four visits, at a facility). 2021: six teen first births in
// 02947 (four visits, facility) and eight in 02950 (two visits); in 02950 a Mông mother born 2003
// (2021 − 2003 = 18: not a teen) with five visits at home with health staff; in 02947 a Mông mother
// born 2005 giving her second birth (not a first birth; visits unknown, home without staff) and a
// Kinh mother (six visits, home without staff). 2022: one adult Mông mother's second birth in
// 02947. No file for 2023.
const DELIVERIES = `
insert into ingest.files (source, table_name, year, file) values
  ('health', 'sinh_de', 2020, 'health/2020/sinh_de.csv'),
  ('health', 'sinh_de', 2021, 'health/2021/sinh_de.csv'),
  ('health', 'sinh_de', 2022, 'health/2022/sinh_de.csv'),
  ('health', 'can_tre', 2024, 'health/2024/can_tre.csv'),
  ('civil-registration', 'hon_nhan', 2023, 'civil-registration/2023/hon_nhan.csv'),
  ('civil-registration', 'hon_nhan', 2025, 'civil-registration/2025/hon_nhan.csv');
insert into ingest.health_sinh_de (year, so_phieu, dan_toc_me, ngay_de, lan_sinh, so_lan_kham_thai, noi_de, nam_sinh_me, commune_code)
  select 2020, 'A' || i, '08', date '2020-05-01', 1, 4, 'facility', 2004, case when i < 10 then '02947' else '02950' end
  from range(20) as t(i);
insert into ingest.health_sinh_de (year, so_phieu, dan_toc_me, ngay_de, lan_sinh, so_lan_kham_thai, noi_de, nam_sinh_me, commune_code)
  select 2021, 'B' || i, '08', date '2021-03-01', 1, case when i < 6 then 4 else 2 end, 'facility', 2004,
    case when i < 6 then '02947' else '02950' end
  from range(14) as t(i);
insert into ingest.health_sinh_de (year, so_phieu, dan_toc_me, ngay_de, lan_sinh, so_lan_kham_thai, noi_de, nam_sinh_me, commune_code) values
  (2021, 'C1', '08', date '2021-01-05', 1, 5, 'home_with_staff', 2003, '02950'),
  (2021, 'C2', '08', date '2021-06-01', 2, null, 'home_without_staff', 2005, '02947'),
  (2021, 'C3', '01', date '2021-07-01', 1, 6, 'home_without_staff', 1995, '02947'),
  (2022, 'D1', '08', date '2022-02-01', 2, 4, 'facility', 1990, '02947');
`;

// Children weighed in June 2024, all in Phố Ràng 02947: a Mông boy (400 days, z −2.5), a Mông girl
// (700 days, z −1.0), a Mông girl whose weight was blanked as implausible (z unknown), a Kinh boy
// older than 1826 days (z −3: out of scope) and a Dao boy (100 days, z exactly −2: not below −2).
const WEIGHED = `
insert into ingest.health_can_tre (year, ma_tre_hash, ngay_sinh, gioi_tinh, dan_toc, ngay_can, can_nang, commune_code, age_days, weight_for_age_z) values
  (2024, 'c1', date '2023-05-01', 'Nam', '08', date '2024-06-04', 8.0, '02947', 400, -2.5),
  (2024, 'c2', date '2022-07-05', 'Nữ', '08', date '2024-06-04', 10.0, '02947', 700, -1.0),
  (2024, 'c3', date '2021-09-08', 'Nữ', '08', date '2024-06-04', null, '02947', 1000, null),
  (2024, 'c4', date '2019-03-23', 'Nam', '01', date '2024-06-04', 12.0, '02947', 1900, -3.0),
  (2024, 'c5', date '2024-02-25', 'Nam', '09', date '2024-06-04', 5.0, '02947', 100, -2.0);
`;

// Couples (hon_nhan) of 2023 in Nghĩa Đô 02953: a Kinh husband of 19 (2023 − 2004) and a Tày wife:
// a child marriage; a Mông couple, the wife 17 and consanguineous; a Mông husband of exactly 20 and a
// Kinh wife of exactly 18 (neither a child marriage), consanguinity unknown; an adult Mông couple,
// consanguineous. 2025: an adult couple in new Nghĩa Đô 02953 and, in new Bảo Hà 02989, a Mông wife of 16.
const COUPLES = `
insert into ingest.civil_registration_hon_nhan (year, so_thu_tu, ngay, dan_toc_chong, dan_toc_vo, can_huyet, commune_code, nam_sinh_chong, nam_sinh_vo) values
  (2023, '1', date '2023-02-01', '01', '02', false, '02953', 2004, 2000),
  (2023, '2', date '2023-03-01', '08', '08', true, '02953', 2000, 2006),
  (2023, '3', date '2023-04-01', '08', '01', null, '02953', 2003, 2005),
  (2023, '4', date '2023-05-01', '08', '08', true, '02953', 1990, 1995),
  (2025, '1', date '2025-09-01', '08', '08', false, '02953', 1990, 1995),
  (2025, '2', date '2025-10-01', '08', '08', false, '02989', 2000, 2009);
`;

// Census: 2021, 100 persons in 02947 (10 households of 10) and 1,000 in 02950; 2024, in 02947,
// two children born 2022 (aged 2), one born 2019 (aged 5) and their parents.
const CENSUS = `
insert into ingest.census_ho (year, ma_ho, commune_code)
  select 2021, 'P' || h, case when h < 10 then '02947' else '02950' end from range(110) as t(h);
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho)
  select 2021, 'P' || h, s, 'Nam', 1980, '08', case s when 1 then 'Chủ hộ' else 'Con' end from range(110) as t(h), range(1, 11) as u(s);
insert into ingest.census_ho (year, ma_ho, commune_code) values (2024, 'K1', '02947');
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho) values
  (2024, 'K1', 1, 'Nam', 1990, '08', 'Chủ hộ'), (2024, 'K1', 2, 'Nữ', 1992, '08', 'Vợ'),
  (2024, 'K1', 3, 'Nữ', 2022, '08', 'Con'), (2024, 'K1', 4, 'Nam', 2022, '08', 'Con'), (2024, 'K1', 5, 'Nam', 2019, '08', 'Con');
`;

let built: Built;
beforeAll(async () => { built = await buildWith(DELIVERIES + WEIGHED + COUPLES + CENSUS); });
afterAll(() => built.db.close());

const count = async (sql: string) => Number((await built.db.one<{ n: number }>(sql))?.n);

describe('antenatal_care_dtts: deliveries with ≥ 4 visits at a facility or with health staff, by the mother', () => {
  it('2021 by hand: area 7 of 17, DTTS 7 of 16, Kinh 0 of 1; an unknown visit count stays in the denominator', async () => {
    expect(await ndv(built.db, 'antenatal_care_dtts', { year: 2021 })).toEqual([7, 17, pct(7, 17)]);
    expect(await ndv(built.db, 'antenatal_care_dtts', { year: 2021, ethnic: 'DTTS' })).toEqual([7, 16, 43.75]);
    expect(await ndv(built.db, 'antenatal_care_dtts', { year: 2021, ethnic: '01' })).toEqual([0, 1, 0]);
    expect(await ndv(built.db, 'antenatal_care_dtts', { year: 2021, geo: '02947' })).toEqual([6, 8, 75]);
    // new Nghĩa Đô 02953 holds Tân Tiến 02950: the 8 teen mothers (2 visits) and the 18-year-old
    expect(await ndv(built.db, 'antenatal_care_dtts', { year: 2021, level: 'commune_2025', geo: '02953' })).toEqual([1, 9, pct(1, 9)]);
  });

  it('has no sex split (ALL only), and is judged against > 85 from the 2020 baseline', async () => {
    expect(await row(built.db, 'antenatal_care_dtts', { year: 2021, sex: 'Nữ' })).toBeUndefined();
    expect(await row(built.db, 'antenatal_care_dtts', { year: 2020, ethnic: 'DTTS' })).toMatchObject({ value: 100, status: 'achieved', target: 85 });
    // 2021: 43.75 against a line from 100 (2020) to 85 (2025): below it
    expect(await row(built.db, 'antenatal_care_dtts', { year: 2021, ethnic: 'DTTS' }))
      .toMatchObject({ baseline_value: 100, change_vs_baseline: -56.25, status: 'off_track' });
  });
});

describe('underweight_children_dtts: z < −2 among children 0–1826 days with a plausible z', () => {
  it('2024 by hand: 1 of 3 (the implausible and the over-five are out; z = −2 is not below −2)', async () => {
    expect(await ndv(built.db, 'underweight_children_dtts', { year: 2024 })).toEqual([1, 3, pct(1, 3)]);
    expect(await ndv(built.db, 'underweight_children_dtts', { year: 2024, ethnic: 'DTTS' })).toEqual([1, 3, pct(1, 3)]);
    expect(await ndv(built.db, 'underweight_children_dtts', { year: 2024, ethnic: '08' })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'underweight_children_dtts', { year: 2024, ethnic: '08', sex: 'Nữ' })).toEqual([0, 1, 0]);
    expect(await ndv(built.db, 'underweight_children_dtts', { year: 2024, ethnic: 'DTTS', sex: 'Nam' })).toEqual([1, 2, 50]);
    // the Kinh child is over five: no Kinh row
    expect(await row(built.db, 'underweight_children_dtts', { year: 2024, ethnic: '01' })).toBeUndefined();
    expect(await row(built.db, 'underweight_children_dtts', { year: 2024 })).toMatchObject({ target: 13.5, status: 'no_data' });
  });
});

describe('teen_first_births: a count of first births to mothers under 18 (year of delivery − birth year)', () => {
  it('counts by hand, with no denominator and numerator = value', async () => {
    expect(await row(built.db, 'teen_first_births', { year: 2020 })).toMatchObject({ numerator: 20, denominator: null, value: 20 });
    expect(await ndv(built.db, 'teen_first_births', { year: 2021, geo: '02947' })).toEqual([6, null, 6]);
    // 02950: eight teens; the mother born 2003 is 18 in 2021 and is not counted
    expect(await ndv(built.db, 'teen_first_births', { year: 2021, geo: '02950' })).toEqual([8, null, 8]);
    // the Kinh mother is adult: her group has a row, at 0 (the table has a record of it)
    expect(await ndv(built.db, 'teen_first_births', { year: 2021, ethnic: '01' })).toEqual([0, null, 0]);
  });

  it('status: no_data in the first year; achieved below 70% of the year before (10 → 6), off_track otherwise (10 → 8, 20 → 14)', async () => {
    expect(await row(built.db, 'teen_first_births', { year: 2020, geo: '02947', ethnic: 'DTTS' })).toMatchObject({ target: null, status: 'no_data' });
    const achieved = await row(built.db, 'teen_first_births', { year: 2021, geo: '02947', ethnic: 'DTTS' });
    expect(achieved).toMatchObject({ value: 6, status: 'achieved', baseline_value: 10, change_vs_baseline: -4 });
    expect(achieved?.target).toBeCloseTo(7, 9);
    const off = await row(built.db, 'teen_first_births', { year: 2021, geo: '02950', ethnic: 'DTTS' });
    expect(off).toMatchObject({ value: 8, status: 'off_track' });
    expect(off?.target).toBeCloseTo(7, 9);
    // exactly 70% is not below it
    const area = await row(built.db, 'teen_first_births', { year: 2021 });
    expect(area).toMatchObject({ value: 14, status: 'off_track' });
    expect(area?.target).toBeCloseTo(14, 9);
  });

  it('a loaded year with nothing counted is 0 for the area and every commune in force (achieved: 0); a group row only where it has records', async () => {
    expect(await row(built.db, 'teen_first_births', { year: 2022 })).toMatchObject({ value: 0, numerator: 0, denominator: null, status: 'achieved' });
    expect(await row(built.db, 'teen_first_births', { year: 2022, geo: '02950' })).toMatchObject({ value: 0, status: 'achieved' });
    // Nghĩa Đô 02953 counted none in 2021 either: 0 is not below 70% of 0, but a count of 0 is achieved
    expect(await row(built.db, 'teen_first_births', { year: 2022, geo: '02953' })).toMatchObject({ value: 0, target: 0, status: 'achieved' });
    expect(await count(`select count(*) as n from marts.indicator_values where indicator_id = 'teen_first_births' and year = 2022
      and ethnic_group = 'ALL' and geo_level = 'commune_2020'`)).toBe(17);
    expect(await count(`select count(*) as n from marts.indicator_values where indicator_id = 'teen_first_births' and year = 2022
      and ethnic_group = 'ALL' and geo_level = 'commune_2025'`)).toBe(6);
    // 02947 had a Mông delivery in 2022, 02950 none: a DTTS row at 0 only in 02947
    expect(await row(built.db, 'teen_first_births', { year: 2022, geo: '02947', ethnic: 'DTTS' })).toMatchObject({ value: 0 });
    expect(await row(built.db, 'teen_first_births', { year: 2022, geo: '02950', ethnic: 'DTTS' })).toBeUndefined();
  });

  it('a year without a file has no rows at all (no_data on the scorecard, not 0)', async () => {
    expect(await count(`select count(*) as n from marts.indicator_values where indicator_id = 'teen_first_births' and year = 2023`)).toBe(0);
  });

  it('both commune frames: new Nghĩa Đô 02953 adds up Tân Tiến; 2021 off_track against 70% of 10', async () => {
    expect(await row(built.db, 'teen_first_births', { year: 2021, level: 'commune_2025', geo: '02953' })).toMatchObject({ value: 8, status: 'off_track' });
  });
});

describe('child_marriages and consanguineous_marriages: counts by the wife\'s group', () => {
  it('2023 by hand: 2 child marriages (husband 19; wife 17), 20 and 18 are not; the couple\'s group is the wife\'s', async () => {
    expect(await ndv(built.db, 'child_marriages', { year: 2023 })).toEqual([2, null, 2]);
    expect(await ndv(built.db, 'child_marriages', { year: 2023, ethnic: 'DTTS' })).toEqual([2, null, 2]);
    // the Kinh husband's child marriage counts for his Tày wife's group; the Kinh wife's couple is no child marriage
    expect(await ndv(built.db, 'child_marriages', { year: 2023, ethnic: '02' })).toEqual([1, null, 1]);
    expect(await ndv(built.db, 'child_marriages', { year: 2023, ethnic: '01' })).toEqual([0, null, 0]);
    expect(await ndv(built.db, 'child_marriages', { year: 2023, geo: '02953', ethnic: '08' })).toEqual([1, null, 1]);
  });

  it('consanguineous: 2 in 2023 (an unknown answer is not counted)', async () => {
    expect(await ndv(built.db, 'consanguineous_marriages', { year: 2023 })).toEqual([2, null, 2]);
    expect(await ndv(built.db, 'consanguineous_marriages', { year: 2023, ethnic: '01' })).toEqual([0, null, 0]);
  });

  it('status: off_track above 0 before 2025, achieved at 0, not_achieved above 0 in 2025', async () => {
    expect(await row(built.db, 'child_marriages', { year: 2023 })).toMatchObject({ target: 0, status: 'off_track' });
    expect(await row(built.db, 'child_marriages', { year: 2023, geo: '02950' })).toMatchObject({ value: 0, status: 'achieved' });
    expect(await row(built.db, 'child_marriages', { year: 2025 })).toMatchObject({ value: 1, status: 'not_achieved' });
    expect(await row(built.db, 'child_marriages', { year: 2025, level: 'commune_2025', geo: '02953' })).toMatchObject({ value: 0, status: 'achieved' });
    expect(await row(built.db, 'consanguineous_marriages', { year: 2025 })).toMatchObject({ value: 0, status: 'achieved' });
    // 2025 has no 2020-frame rows
    expect(await row(built.db, 'child_marriages', { year: 2025, geo: '02953' })).toBeUndefined();
  });
});

describe('data-quality checks of the health tables against the census', () => {
  const keys = (id: string) => built.result.checks.find((c) => c.id === id);

  it('births per 1,000 census persons: 8 births for 100 persons in Bảo Yên (80) warns, 9 for 1,000 in Nghĩa Đô does not', () => {
    const check = keys('births_per_1000_census_persons');
    expect(check).toMatchObject({ severity: 'warn', failing: 1 });
    expect(check?.sampleKeys).toEqual(['2021/02947/80.0 per 1000']);
  });

  it('children weighed: 4 under five weighed against 3 census children aged 0–5 (2 aged 0–4) warns', () => {
    const check = keys('children_weighed_vs_census');
    expect(check).toMatchObject({ severity: 'warn', failing: 1 });
    expect(check?.sampleKeys).toEqual(['2024/02947/4 weighed/2 aged 0-4/3 aged 0-5']);
  });

  it('the count rules hold: no denominator on a count, every commune in force zero-filled', () => {
    expect(keys('denominator_positive')?.failing).toBe(0);
    expect(keys('count_rows_in_force')?.failing).toBe(0);
    expect(keys('not_null__indicator_values__indicator_id_year_geo_level_geo_code_ethnic_group_sex_numerator_value_status')?.failing).toBe(0);
  });
});
