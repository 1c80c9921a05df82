// Data-quality checks on deliberately broken input: the build completes, the failures are stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith, ndv, row } from '../../test/fixture.ts';

const GIVEN = `
insert into ingest.census_ho (year, source_file, source_row, ma_ho, commune_code, nuoc_hop_ve_sinh) values
  (2024, 'census/2024/ho.csv', 2, 'H1', '02947', true),
  (2024, 'census/2024/ho.csv', 3, 'H1', '02947', false),
  (2024, 'census/2024/ho.csv', 4, 'H9', '99999', true),
  (2025, 'census/2025/ho.csv', 2, 'H5', '02947', true),
  (2025, 'census/2025/ho.csv', 3, 'H6', '02980', true);
insert into ingest.census_nhan_khau (year, source_file, source_row, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc) values
  (2024, 'census/2024/nk.csv', 2, 'HX', 1, 'Nam', 1980, '08'),
  (2024, 'census/2024/nk.csv', 3, 'H9', 1, 'X',   1980, '08'),
  (2024, 'census/2024/nk.csv', 4, 'H9', 2, 'Nữ', 1980, '99'),
  (2025, 'census/2025/nk.csv', 2, 'H5', 1, 'Nam', 1980, '08'),
  (2025, 'census/2025/nk.csv', 3, 'H6', 1, 'Nam', 1980, '08'),
  (2025, 'census/2025/nk.csv', 4, 'H5', 2, 'Nữ', 1985, null);
insert into ingest.school_truong (year, source_file, source_row, ma_truong, ten_truong, commune_code, loai_truong, so_phong_hoc, so_phong_kien_co) values
  (2024, 'school/2024/truong.csv', 2, 'T1', 'TH Phố Ràng', '02947', 'TH', 4, 5);
insert into ingest.school_hoc_sinh (year, source_file, source_row, ma_hoc_sinh_hash, nam_sinh, gioi_tinh, dan_toc, commune_code, ma_truong, cap_hoc) values
  (2024, 'school/2024/hs.csv', 2, 'secret-student-hash', 2015, 'Nam', '08', '02947', 'TX', 'TH'),
  (2024, 'school/2024/hs.csv', 3, 'other-hash', 2015, 'Nam', '08', '02947', 'T1', 'ĐH');
insert into ingest.staff_can_bo (year, source_file, source_row, ma_can_bo_hash, gioi_tinh, dan_toc, commune_code) values
  (2025, 'staff/2025/can_bo.csv', 2, 'staff-hash', 'Nữ', '08', '02947');
`;

let built: Built;
beforeAll(async () => { built = await buildWith(GIVEN); });
afterAll(() => built.db.close());

const failing = (id: string) => built.result.checks.find((c) => c.id === id)?.failing;

describe('data-quality checks', () => {
  it('report error-severity failures without stopping the build', () => {
    expect(failing('unique__stg_census__ho__year_ma_ho')).toBe(1);
    expect(failing('relationship__nhan_khau__ho')).toBe(1);
    expect(failing('relationship__hoc_sinh__truong')).toBe(1);
    expect(failing('accepted_values__stg_census__nhan_khau__gioi_tinh')).toBe(1);
    expect(failing('accepted_values__stg_census__nhan_khau__dan_toc')).toBe(1);
    expect(failing('accepted_values__stg_school__hoc_sinh__cap_hoc')).toBe(1);
    // the school connector's row rule, re-checked on the staged rows
    expect(failing('row_rule__truong__so_phong_kien_co')).toBe(1);
    // 99999 is no commune; 02980 (Xuân Thượng) no longer exists at the 2025 reference date
    expect(failing('commune_in_frame__stg_census__ho')).toBe(2);
    expect(failing('not_null__stg_census__nhan_khau__year_ma_ho_stt_gioi_tinh_dan_toc_nam_sinh')).toBe(1);
    for (const c of built.result.checks) expect(['warn', 'error']).toContain(c.severity);
  });

  it('stores results with samples that locate rows by file and line, never by id', async () => {
    const stored = await built.db.one<{ severity: string; failing_rows: number; passed: boolean; sample_failing_keys: string }>(
      `select * from marts.dq_check_results where check_id = 'relationship__hoc_sinh__truong'`);
    expect(stored).toMatchObject({ severity: 'error', failing_rows: 1, passed: false, sample_failing_keys: '2024 school/2024/hs.csv:2' });
    const leaked = await built.db.one<{ n: number }>(
      `select count(*) as n from marts.dq_check_results where sample_failing_keys like '%hash%'`);
    expect(leaked?.n).toBe(0);
    const count = await built.db.one<{ n: number }>('select count(*) as n from marts.dq_check_results');
    expect(count?.n).toBe(built.result.checks.length);
  });

  it('catches ethnic-group rows that do not add up to ALL (a person without a group counts in ALL only)', async () => {
    expect(failing('ethnic_groups_add_up_to_all')).toBeGreaterThan(0);
    const stored = await built.db.one<{ sample_failing_keys: string }>(
      `select sample_failing_keys from marts.dq_check_results where check_id = 'ethnic_groups_add_up_to_all'`);
    expect(stored?.sample_failing_keys).toContain('hygienic_water_persons/2025/area/BAO_YEN/ALL/ALL');
    expect(failing('sexes_add_up_to_all')).toBe(0);
  });

  it('re-used code 02947: Xã Bảo Yên in 2025 data, no 2020-frame row; an abolished code counts nowhere', async () => {
    expect(await ndv(built.db, 'hygienic_water_persons', { year: 2025, level: 'commune_2025', geo: '02947' })).toEqual([2, 2, 100]);
    expect(await ndv(built.db, 'hygienic_water_persons', { year: 2025 })).toEqual([2, 2, 100]);
    expect(await row(built.db, 'hygienic_water_persons', { year: 2025, geo: '02947' })).toBeUndefined();
  });

  it('completeness per source × commune × year', async () => {
    const rows = await built.db.all<{ table_name: string; year: number; commune_code: string; row_count: number; status: string }>(
      `select table_name, year, commune_code, row_count, status from marts.completeness
       where (table_name = 'ho' and commune_code in ('02947', '02950')) or (table_name = 'the_bhyt' and year = 2025 and commune_code = '02989')
       order by table_name, year, commune_code`);
    expect(rows).toEqual([
      { table_name: 'ho', year: 2024, commune_code: '02947', row_count: 2, status: 'ok' },
      { table_name: 'ho', year: 2024, commune_code: '02950', row_count: 0, status: 'missing_commune' },
      { table_name: 'ho', year: 2025, commune_code: '02947', row_count: 1, status: 'ok' },
      { table_name: 'the_bhyt', year: 2025, commune_code: '02989', row_count: 0, status: 'missing_source_year' },
    ]);
    const frames = await built.db.all<{ year: number; n: number }>(
      `select year, count(*) as n from marts.completeness where table_name = 'ho' group by year order by year`);
    expect(frames).toEqual([{ year: 2024, n: 17 }, { year: 2025, n: 6 }]);
    // a §7 source is covered too, against the communes in force at its own reference date (31 Dec)
    const staff = await built.db.all<{ year: number; status: string; n: number; rows: number }>(
      `select year, status, count(*) as n, sum(row_count) as rows from marts.completeness
       where source = 'staff' and table_name = 'can_bo' group by all order by all`);
    expect(staff).toEqual([
      { year: 2024, status: 'missing_source_year', n: 17, rows: 0 },
      { year: 2025, status: 'missing_commune', n: 5, rows: 0 },
      { year: 2025, status: 'ok', n: 1, rows: 1 },
    ]);
    expect(built.result.checks.find((c) => c.id === 'completeness')?.severity).toBe('warn');
    expect(failing('completeness')).toBeGreaterThan(0);
  });
});
