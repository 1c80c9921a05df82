// School and health-insurance indicators, 2024, computed by hand from the rows below.
// Students and card holders are matched to no census person: counts over census population.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith, ndv, pct, row } from '../test/fixture.ts';

// Census: household HS1 in Phố Ràng 02947 (Mông head, 40) with children aged 4, 5, 7, 12, 16
// and a Kinh 16-year-old; household HS2 in Tân Tiến 02950 with one Dao woman of 30.
const CENSUS = `
insert into ingest.census_ho (year, ma_ho, commune_code) values (2024, 'HS1', '02947'), (2024, 'HS2', '02950');
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho) values
  (2024, 'HS1', 1, 'Nam', 1984, '08', 'Chủ hộ'),
  (2024, 'HS1', 2, 'Nữ', 2020, '08', 'Con'),
  (2024, 'HS1', 3, 'Nam', 2019, '08', 'Con'),
  (2024, 'HS1', 4, 'Nam', 2017, '08', 'Con'),
  (2024, 'HS1', 5, 'Nữ', 2012, '08', 'Con'),
  (2024, 'HS1', 6, 'Nam', 2008, '08', 'Con'),
  (2024, 'HS1', 7, 'Nữ', 2008, '01', 'Con nuôi'),
  (2024, 'HS2', 1, 'Nữ', 1994, '09', 'Chủ hộ');
`;

const SCHOOLS = `
insert into ingest.school_truong (year, ma_truong, ten_truong, commune_code, loai_truong, dat_chuan_quoc_gia, so_phong_hoc, so_phong_kien_co, co_hoc_sinh_ban_tru) values
  (2024, 'T1', 'PTDTNT THCS&THPT Bảo Yên', '02947', 'PTDTNT', true,  10, 8,    false),
  (2024, 'T2', 'TH Phố Ràng',              '02947', 'TH',     false, 6,  6,    true),
  (2024, 'T3', 'PTDTBT TH&THCS Tân Tiến',  '02950', 'PTDTBT', true,  4,  1,    true),
  (2024, 'T4', 'PTDTBT THCS Tân Tiến',     '02950', 'PTDTBT', false, 5,  null, true),
  (2024, 'T5', 'MN Nghĩa Đô',              '02953', 'MN',     null,  3,  3,    false),
  (2024, 'T6', 'THPT số 1 Bảo Yên',        '02947', 'THPT',   true,  8,  8,    false);
insert into ingest.school_hoc_sinh (year, ma_hoc_sinh_hash, nam_sinh, gioi_tinh, dan_toc, commune_code, ma_truong, cap_hoc) values
  (2024, 's1', 2020, 'Nữ', '08', '02947', 'T5', 'MN'),
  (2024, 's2', 2018, 'Nam', '08', '02947', 'T5', 'MN'),
  (2024, 's3', 2017, 'Nam', '08', '02947', 'T2', 'TH'),
  (2024, 's4', 2017, 'Nam', '09', '02947', 'T2', 'TH'),
  (2024, 's5', 2012, 'Nữ', '08', '02947', 'T1', 'THCS'),
  (2024, 's6', 2008, 'Nam', '08', '02947', 'T1', 'THPT'),
  (2024, 's7', 2008, 'Nữ', '01', '02947', 'T6', 'THPT'),
  (2024, 's8', 2011, 'Nam', '08', '02950', 'T3', 'THCS');
`;

// Cards: person S1 has card A listed twice (once without the citizen id) and card B; card C is
// listed twice without an id and starts on 31 Dec; card D ended 30 Dec; E is a Dao man with no
// census Dao in Phố Ràng; F a Kinh man.
const CARDS = `
insert into ingest.health_insurance_the_bhyt (year, ma_the_hash, so_dinh_danh_hash, nam_sinh, gioi_tinh, dan_toc, commune_code, gia_tri_tu, gia_tri_den) values
  (2024, 'A', 'S1', 1984, 'Nam', '08', '02947', '2024-01-01', '2024-12-31'),
  (2024, 'A', null, 1984, 'Nam', '08', '02947', '2024-01-01', '2024-12-31'),
  (2024, 'B', 'S1', 1984, 'Nam', '08', '02947', '2024-06-01', '2025-05-31'),
  (2024, 'C', null, 2020, 'Nữ', '08', '02947', '2024-12-31', '2025-12-31'),
  (2024, 'C', null, 2020, 'Nữ', '08', '02947', '2024-12-31', '2025-12-31'),
  (2024, 'D', 'S2', 2019, 'Nam', '08', '02947', '2024-01-01', '2024-12-30'),
  (2024, 'E', null, 1990, 'Nam', '09', '02947', '2024-01-01', '2024-12-31'),
  (2024, 'F', 'S3', 2008, 'Nam', '01', '02947', '2024-01-01', '2024-12-31');
`;

let built: Built;
beforeAll(async () => { built = await buildWith(CENSUS + SCHOOLS + CARDS); });
afterAll(() => built.db.close());

describe('enrolment: level and age band both match; denominator = census population of the band', () => {
  it('enrolment_preschool_4_5 (s2 is 6: not counted)', async () => {
    expect(await ndv(built.db, 'enrolment_preschool_4_5', { year: 2024, geo: '02947' })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'enrolment_preschool_4_5', { year: 2024, geo: '02947', sex: 'Nữ' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'enrolment_preschool_4_5', { year: 2024, geo: '02947', sex: 'Nam' })).toEqual([0, 1, 0]);
  });
  it('enrolment_primary_6_10: a Dao pupil with no Dao census person there counts in ALL and DTTS only', async () => {
    const all = await row(built.db, 'enrolment_primary_6_10', { year: 2024, geo: '02947' });
    expect([all?.numerator, all?.denominator, all?.value, all?.flags]).toEqual([2, 1, 200, 'over_100;small_denominator']);
    expect(await ndv(built.db, 'enrolment_primary_6_10', { year: 2024, geo: '02947', ethnic: 'DTTS' })).toEqual([2, 1, 200]);
    expect(await ndv(built.db, 'enrolment_primary_6_10', { year: 2024, geo: '02947', ethnic: '08' })).toEqual([1, 1, 100]);
    expect(await row(built.db, 'enrolment_primary_6_10', { year: 2024, geo: '02947', ethnic: '09' })).toBeUndefined();
  });
  it('enrolment_lower_secondary_11_14 (s8 lives in Tân Tiến, which has no 11–14 census person)', async () => {
    expect(await ndv(built.db, 'enrolment_lower_secondary_11_14', { year: 2024, geo: '02947' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'enrolment_lower_secondary_11_14', { year: 2024 })).toEqual([2, 1, 200]);
    expect(await row(built.db, 'enrolment_lower_secondary_11_14', { year: 2024, geo: '02950' })).toBeUndefined();
  });
  it('enrolment_upper_secondary_15_17', async () => {
    expect(await ndv(built.db, 'enrolment_upper_secondary_15_17', { year: 2024, geo: '02947' })).toEqual([2, 2, 100]);
    expect(await ndv(built.db, 'enrolment_upper_secondary_15_17', { year: 2024, geo: '02947', ethnic: 'DTTS' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'enrolment_upper_secondary_15_17', { year: 2024, ethnic: '01', sex: 'Nữ' })).toEqual([1, 1, 100]);
    expect(await row(built.db, 'enrolment_upper_secondary_15_17', { year: 2024, ethnic: '01', sex: 'Nam' })).toBeUndefined();
  });
});

describe('students by school type (any age)', () => {
  it('dtts_secondary_in_boarding: THCS + THPT students in PTDTNT schools', async () => {
    expect(await ndv(built.db, 'dtts_secondary_in_boarding', { year: 2024 })).toEqual([2, 4, 50]);
    expect(await ndv(built.db, 'dtts_secondary_in_boarding', { year: 2024, ethnic: 'DTTS' })).toEqual([2, 3, pct(2, 3)]);
    expect(await ndv(built.db, 'dtts_secondary_in_boarding', { year: 2024, geo: '02947' })).toEqual([2, 3, pct(2, 3)]);
    expect(await ndv(built.db, 'dtts_secondary_in_boarding', { year: 2024, sex: 'Nam' })).toEqual([1, 2, 50]);
  });
  it('dtts_in_semi_boarding_schools: Tiểu học + THCS students in schools with semi-boarders', async () => {
    expect(await ndv(built.db, 'dtts_in_semi_boarding_schools', { year: 2024 })).toEqual([3, 4, 75]);
    expect(await ndv(built.db, 'dtts_in_semi_boarding_schools', { year: 2024, ethnic: 'DTTS' })).toEqual([3, 4, 75]);
    expect(await ndv(built.db, 'dtts_in_semi_boarding_schools', { year: 2024, ethnic: '09' })).toEqual([1, 1, 100]);
  });
});

describe('school-level indicators: by the commune where the school stands, ALL only', () => {
  it('solid_classrooms: Σ solid / Σ classrooms over schools whose two counts are known (T4 is left out)', async () => {
    expect(await ndv(built.db, 'solid_classrooms', { year: 2024 })).toEqual([26, 31, pct(26, 31)]);
    expect(await ndv(built.db, 'solid_classrooms', { year: 2024, geo: '02947' })).toEqual([22, 24, pct(22, 24)]);
    expect(await ndv(built.db, 'solid_classrooms', { year: 2024, geo: '02950' })).toEqual([1, 4, pct(1, 4)]);
    expect(await ndv(built.db, 'solid_classrooms', { year: 2024, level: 'commune_2025', geo: '02953' })).toEqual([4, 7, pct(4, 7)]);
    const split = await built.db.one<{ n: number }>(`select count(*) as n from marts.indicator_values
      where indicator_id in ('solid_classrooms', 'boarding_school_standard', 'semi_boarding_schools_standard')
        and (ethnic_group <> 'ALL' or sex <> 'ALL')`);
    expect(split?.n).toBe(0);
  });
  it('boarding_school_standard and semi_boarding_schools_standard', async () => {
    expect(await row(built.db, 'boarding_school_standard', { year: 2024 }))
      .toMatchObject({ numerator: 1, denominator: 1, value: 100, target: 100, status: 'achieved' });
    expect(await row(built.db, 'boarding_school_standard', { year: 2024, geo: '02950' })).toBeUndefined();
    // below the target and no 2020 baseline to draw the line from
    expect(await row(built.db, 'semi_boarding_schools_standard', { year: 2024, geo: '02950' }))
      .toMatchObject({ numerator: 1, denominator: 2, value: 50, target: 60, status: 'no_data' });
  });
});

describe('health_insurance_coverage: distinct holders valid at 31 Dec / census population', () => {
  it('counts a repeated card once, two cards of one citizen once, both ends of the window', async () => {
    const holders = await built.db.one<{ n: number }>('select count(*) as n from intermediate.int_card_holders');
    expect(holders?.n).toBe(4); // S1, C, E, S3 (D expired on 30 Dec)
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, geo: '02947' })).toEqual([4, 7, pct(4, 7)]);
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, geo: '02947', ethnic: '08' })).toEqual([2, 6, pct(2, 6)]);
  });
  it('a holder of a group with no census person in the commune counts in ALL and DTTS there, and in the group at area level', async () => {
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, geo: '02947', ethnic: 'DTTS' })).toEqual([3, 6, 50]);
    expect(await row(built.db, 'health_insurance_coverage', { year: 2024, geo: '02947', ethnic: '09' })).toBeUndefined();
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, ethnic: '09' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, geo: '02950', ethnic: '09' })).toEqual([0, 1, 0]);
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024 })).toEqual([4, 8, 50]);
    expect(await ndv(built.db, 'health_insurance_coverage', { year: 2024, sex: 'Nữ' })).toEqual([1, 4, 25]);
  });
});
