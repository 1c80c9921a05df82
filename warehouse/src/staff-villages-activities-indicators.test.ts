// The staff, villages and activities indicators (INDICATORS.md, "The indicators of the other
// sources"), computed by hand from the rows below: officials' shares and qualifications, village and
// commune rates in both commune frames, party organisations, and the activity counts with their
// status rules; no district-level value from 1 Jul 2025.
import { catalogRows } from '@dtts/indicators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith, ndv, pct, row } from '../test/fixture.ts';

const FILES = `
insert into ingest.files (source, table_name, year, file) values
  ('staff', 'can_bo', 2024, 'staff/2024/can_bo.csv'),
  ('staff', 'can_bo', 2025, 'staff/2025/can_bo.csv'),
  ('villages', 'thon', 2023, 'villages/2023/thon.csv'),
  ('villages', 'xa', 2023, 'villages/2023/xa.csv'),
  ('villages', 'thon', 2025, 'villages/2025/thon.csv'),
  ('villages', 'xa', 2025, 'villages/2025/xa.csv'),
  ('activities', 'to_chuc_dang', 2024, 'activities/2024/to_chuc_dang.csv'),
  ('activities', 'to_chuc_dang', 2025, 'activities/2025/to_chuc_dang.csv'),
  ('activities', 'hoat_dong', 2022, 'activities/2022/hoat_dong.csv'),
  ('activities', 'hoat_dong', 2024, 'activities/2024/hoat_dong.csv'),
  ('activities', 'hoat_dong', 2025, 'activities/2025/hoat_dong.csv');
`;

// Staff 2024. District level (no commune): a Mông man, a Kinh woman, a Tày woman teacher, a Kinh man.
// Phố Ràng 02947: x1 Mông man, cadre, Đại học, key cadre trained in economic management; x2 Kinh
// woman, cadre, Cao đẳng, key cadre not trained; x3 Dao man, civil servant, Thạc sĩ; x4 Mông woman,
// civil servant, qualification unknown; x5 Tày man, public employee (in no commune indicator).
// Staff 2025: a district row that should not be there (ingestion rejects them; the warehouse must
// not count one either) and one Mông cadre in new Bảo Yên 02947.
const STAFF = `
insert into ingest.staff_can_bo (year, ma_can_bo_hash, gioi_tinh, dan_toc, cap, loai, giao_vien, trinh_do, chu_chot, boi_duong_qlkt, nam_sinh, commune_code) values
  (2024, 'd1', 'Nam', '08', 'Huyện', 'Công chức', false, 'Đại học', null, null, 1980, null),
  (2024, 'd2', 'Nữ', '01', 'Huyện', 'Công chức', false, 'Đại học', null, null, 1981, null),
  (2024, 'd3', 'Nữ', '02', 'Huyện', 'Viên chức', true, 'Đại học', null, null, 1982, null),
  (2024, 'd4', 'Nam', '01', 'Huyện', 'Viên chức', false, 'Cao đẳng', null, null, 1983, null),
  (2024, 'x1', 'Nam', '08', 'Xã', 'Cán bộ', false, 'Đại học', true, true, 1975, '02947'),
  (2024, 'x2', 'Nữ', '01', 'Xã', 'Cán bộ', false, 'Cao đẳng', true, false, 1976, '02947'),
  (2024, 'x3', 'Nam', '09', 'Xã', 'Công chức', false, 'Thạc sĩ', false, null, 1977, '02947'),
  (2024, 'x4', 'Nữ', '08', 'Xã', 'Công chức', false, null, false, null, 1978, '02947'),
  (2024, 'x5', 'Nam', '02', 'Xã', 'Viên chức', false, 'Đại học', false, null, 1979, '02947'),
  (2025, 'd9', 'Nam', '08', 'Huyện', 'Công chức', false, 'Đại học', null, null, 1980, null),
  (2025, 'y1', 'Nam', '08', 'Xã', 'Cán bộ', false, 'Đại học', true, true, 1975, '02947');
`;

// Villages 2023 (2020-frame codes, all three go into new Bảo Hà 02989): Kim Sơn 02971 v1 (asphalt,
// team active, cultured, reached) and v2 (earth road, team not active); Cam Cọn 02974 v3 (concrete,
// no team, cultured, reach unknown); old Bảo Hà 02989 v4 (gravel, team unknown, reached). Communes
// 2023: Kim Sơn (troupe, reached), Cam Cọn (neither), Bảo Hà (troupe, reach unknown). 2025 (new
// codes): one village of new Bảo Hà, asphalt, reached; the commune reached, with a troupe.
const VILLAGES = `
insert into ingest.villages_thon (year, ten_thon, xa_cu, mat_duong, doi_van_nghe, thon_van_hoa, tiep_can_thong_tin, commune_code, ten_thon_khoa, doi_hoat_dong_thuong_xuyen) values
  (2023, 'Bản Bon', '', 'Nhựa', true, true, true, '02971', 'bản bon', true),
  (2023, 'Khuổi Phéc', '', 'Đất', true, false, false, '02971', 'khuổi phéc', false),
  (2023, 'Làng Chạp', '', 'Bê tông', false, true, null, '02974', 'làng chạp', null),
  (2023, 'Tổng Kim', '', 'Cấp phối', null, null, true, '02989', 'tổng kim', null),
  (2025, 'Bản Bon', '02971', 'Nhựa', true, true, true, '02989', 'bản bon', true);
insert into ingest.villages_xa (year, doi_van_nghe_xa, tiep_can_thong_tin, commune_code) values
  (2023, true, true, '02971'), (2023, false, false, '02974'), (2023, true, null, '02989'),
  (2025, true, true, '02989');
`;

// Party organisations 2024: two of three have a plan; a 2025 file (there should be none) with one.
// Activities 2022: five good examples in each of the 17 communes but Phố Ràng 02947 (four) and Tân
// Tiến 02950 (six): 85 in all, as many as 5 × 17, yet one commune is short; two DTTS surveys, no
// dialogue, no inspection. 2023: no file. 2024: good examples 3 + one with no number
// (counts as 1) in 02947 and 6 at district level in Tân Tiến 02950; a district dialogue and a
// commune one (not counted); a commune and a district inspection; no survey. 2025: five good
// examples in each of the 6 new communes, a district dialogue dated before 1 Jul 2025.
const ACTIVITIES = `
insert into ingest.activities_to_chuc_dang (year, ten_to_chuc, co_ke_hoach, ten_to_chuc_khoa) values
  (2024, 'Đảng ủy xã Bảo Hà', true, 'đảng ủy xã bảo hà'),
  (2024, 'Đảng ủy xã Tân Tiến', false, 'đảng ủy xã tân tiến'),
  (2024, 'Chi bộ Trung tâm Y tế', true, 'chi bộ trung tâm y tế'),
  (2025, 'Đảng ủy xã Bảo Hà', true, 'đảng ủy xã bảo hà');
insert into ingest.activities_hoat_dong (year, so_thu_tu, ngay, loai, cap, so_luong, commune_code)
  select 2022, 'N' || code, date '2022-05-01', 'Nêu gương', 'Xã', case code when '02947' then 4 when '02950' then 6 else 5 end, code
  from ref.communes where frame = '2020';
insert into ingest.activities_hoat_dong (year, so_thu_tu, ngay, loai, cap, so_luong, commune_code)
  select 2025, 'N' || code, date '2025-09-01', 'Nêu gương', 'Xã', 5, code
  from ref.communes where frame = '2025';
insert into ingest.activities_hoat_dong (year, so_thu_tu, ngay, loai, cap, so_luong, commune_code) values
  (2022, 'S1', date '2022-08-01', 'Điều tra DTTS', 'Huyện', null, null),
  (2022, 'S2', date '2022-09-01', 'Điều tra DTTS', 'Huyện', null, null),
  (2024, 'a1', date '2024-03-01', 'Nêu gương', 'Xã', 3, '02947'),
  (2024, 'a2', date '2024-04-01', 'Nêu gương', 'Xã', null, '02947'),
  (2024, 'a3', date '2024-05-01', 'Nêu gương', 'Huyện', 6, '02950'),
  (2024, 'a4', date '2024-06-01', 'Đối thoại người có uy tín', 'Huyện', null, null),
  (2024, 'a5', date '2024-07-01', 'Đối thoại người có uy tín', 'Xã', null, '02953'),
  (2024, 'a6', date '2024-08-01', 'Kiểm tra, giám sát', 'Xã', null, '02956'),
  (2024, 'a7', date '2024-09-01', 'Kiểm tra, giám sát', 'Huyện', null, null),
  (2025, 'b1', date '2025-03-01', 'Đối thoại người có uy tín', 'Huyện', null, null);
`;

let built: Built;
beforeAll(async () => { built = await buildWith(FILES + STAFF + VILLAGES + ACTIVITIES); });
afterAll(() => built.db.close());

const count = async (sql: string) => Number((await built.db.one<{ n: number }>(sql))?.n);
const rowsOf = (id: string, year: number) =>
  count(`select count(*) as n from marts.indicator_values where indicator_id = '${id}' and year = ${year}`);

describe('staff: officials', () => {
  it('dtts_officials_district 2024: 2 DTTS of 4 district staff (teacher included), by sex; area only, ALL only', async () => {
    expect(await row(built.db, 'dtts_officials_district', { year: 2024 })).toMatchObject({ numerator: 2, denominator: 4, value: 50, target: 50, status: 'achieved' });
    expect(await ndv(built.db, 'dtts_officials_district', { year: 2024, sex: 'Nữ' })).toEqual([1, 2, 50]);
    expect(await row(built.db, 'dtts_officials_district', { year: 2024, ethnic: 'DTTS' })).toBeUndefined();
    expect(await row(built.db, 'dtts_officials_district', { year: 2024, geo: '02947' })).toBeUndefined();
  });

  it('no district level from 1 Jul 2025: no 2025 row, even with a district row in the 2025 file; the catalog says so', async () => {
    expect(await rowsOf('dtts_officials_district', 2025)).toBe(0);
    const last = await count(`select max(year) as n from marts.indicator_values where indicator_id = 'dtts_officials_district'`);
    expect(catalogRows.find((r) => r.indicator_id === 'dtts_officials_district')).toMatchObject({ district_level: true, last_year: last });
  });

  it('dtts_officials_commune 2024 in Phố Ràng: 3 DTTS of 4 cadres and civil servants; men 2/2, women 1/2', async () => {
    expect(await ndv(built.db, 'dtts_officials_commune', { year: 2024, geo: '02947' })).toEqual([3, 4, 75]);
    expect(await ndv(built.db, 'dtts_officials_commune', { year: 2024, geo: '02947', sex: 'Nam' })).toEqual([2, 2, 100]);
    expect(await ndv(built.db, 'dtts_officials_commune', { year: 2024, level: 'commune_2025', geo: '02947', sex: 'Nữ' })).toEqual([1, 2, 50]);
    expect(await row(built.db, 'dtts_officials_commune', { year: 2024, ethnic: '08' })).toBeUndefined();
    // 2025: the one commune cadre is Mông
    expect(await ndv(built.db, 'dtts_officials_commune', { year: 2025 })).toEqual([1, 1, 100]);
  });

  it('qualifications and training of commune cadres, by group and sex', async () => {
    expect(await ndv(built.db, 'commune_cadres_university', { year: 2024 })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'commune_cadres_university', { year: 2024, ethnic: 'DTTS' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'commune_cadres_university', { year: 2024, ethnic: '01', sex: 'Nữ' })).toEqual([0, 1, 0]);
    // an unknown qualification stays in the denominator
    expect(await ndv(built.db, 'commune_civil_servants_university', { year: 2024 })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'commune_key_cadres_economic_training', { year: 2024, geo: '02947' })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'commune_key_cadres_economic_training', { year: 2025, level: 'commune_2025', geo: '02947' })).toEqual([1, 1, 100]);
  });

  it('staff_count_jump warns when a level changes by more than 30% (Phố Ràng 4+1 → 1)', () => {
    const check = built.result.checks.find((c) => c.id === 'staff_count_jump');
    expect(check?.severity).toBe('warn');
    expect(check?.sampleKeys).toContain('Xã/02947/2024→2025/5→1');
  });
});

describe('villages and communes, in both frames', () => {
  it('2023, new Bảo Hà 02989 (Kim Sơn, Cam Cọn, old Bảo Hà): every rate by hand', async () => {
    const g = { year: 2023, level: 'commune_2025', geo: '02989' } as const;
    expect(await ndv(built.db, 'paved_roads_to_village_centres', g)).toEqual([2, 4, 50]);
    // villages reached (v1, v4) + communes reached (Kim Sơn) over 4 villages + 3 communes
    expect(await ndv(built.db, 'provincial_media_reach', g)).toEqual([3, 7, pct(3, 7)]);
    expect(await ndv(built.db, 'villages_with_cultural_team', g)).toEqual([2, 4, 50]);
    expect(await ndv(built.db, 'cultural_teams_active', g)).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'cultured_villages', g)).toEqual([2, 4, 50]);
    expect(await ndv(built.db, 'communes_with_art_troupe', g)).toEqual([2, 3, pct(2, 3)]);
  });

  it('2023 in the 2020 frame: Kim Sơn alone', async () => {
    expect(await ndv(built.db, 'paved_roads_to_village_centres', { year: 2023, geo: '02971' })).toEqual([1, 2, 50]);
    expect(await ndv(built.db, 'provincial_media_reach', { year: 2023, geo: '02971' })).toEqual([2, 3, pct(2, 3)]);
    expect(await ndv(built.db, 'communes_with_art_troupe', { year: 2023, geo: '02974' })).toEqual([0, 1, 0]);
    expect(await ndv(built.db, 'paved_roads_to_village_centres', { year: 2023 })).toEqual([2, 4, 50]);
  });

  it('2025: new codes only, no 2020-frame rows; ALL only; about units', async () => {
    expect(await ndv(built.db, 'paved_roads_to_village_centres', { year: 2025, level: 'commune_2025', geo: '02989' })).toEqual([1, 1, 100]);
    expect(await ndv(built.db, 'provincial_media_reach', { year: 2025 })).toEqual([2, 2, 100]);
    expect(await row(built.db, 'paved_roads_to_village_centres', { year: 2025, geo: '02971' })).toBeUndefined();
    expect(await count(`select count(*) as n from marts.indicator_values where indicator_id like '%village%' and (ethnic_group <> 'ALL' or sex <> 'ALL')`)).toBe(0);
  });
});

describe('statuses of the rates: achieved at the level; short of it before 2025 and without a 2020 baseline, no_data', () => {
  const status = async (id: string, g: Parameters<typeof row>[2]) => {
    const r = await row(built.db, id, g);
    return r && [r.value, r.target, r.status];
  };
  const bh2025 = { year: 2025, level: 'commune_2025', geo: '02989' } as const;

  it('staff', async () => {
    expect(await status('dtts_officials_commune', { year: 2024, geo: '02947' })).toEqual([75, 65, 'achieved']);
    expect(await status('dtts_officials_commune', { year: 2025 })).toEqual([100, 65, 'achieved']);
    expect(await status('commune_cadres_university', { year: 2024 })).toEqual([50, 95, 'no_data']);
    expect(await status('commune_cadres_university', { year: 2025 })).toEqual([100, 95, 'achieved']);
    expect(await status('commune_civil_servants_university', { year: 2024 })).toEqual([50, 100, 'no_data']);
    expect(await status('commune_key_cadres_economic_training', { year: 2025, level: 'commune_2025', geo: '02947' })).toEqual([100, 90, 'achieved']);
  });

  it('villages and communes', async () => {
    expect(await status('paved_roads_to_village_centres', { year: 2023, geo: '02971' })).toEqual([50, 100, 'no_data']);
    expect(await status('paved_roads_to_village_centres', bh2025)).toEqual([100, 100, 'achieved']);
    expect(await status('provincial_media_reach', { year: 2025 })).toEqual([100, 100, 'achieved']);
    expect(await status('villages_with_cultural_team', bh2025)).toEqual([100, 80, 'achieved']);
    expect(await status('cultural_teams_active', bh2025)).toEqual([100, 60, 'achieved']);
    expect(await status('cultured_villages', bh2025)).toEqual([100, 85, 'achieved']);
    expect(await status('communes_with_art_troupe', { year: 2023, geo: '02974' })).toEqual([0, 100, 'no_data']);
    expect(await status('communes_with_art_troupe', bh2025)).toEqual([100, 100, 'achieved']);
  });

  it('party organisations', async () => {
    const [value, target, s] = (await status('party_organisation_plans', { year: 2024 }))!;
    expect([Number((value as number).toFixed(4)), target, s]).toEqual([pct(2, 3), 100, 'no_data']);
  });
});

describe('party organisations and activities', () => {
  it('party_organisation_plans: 2 of 3 in 2024; none in 2025 (district level gone)', async () => {
    expect(await ndv(built.db, 'party_organisation_plans', { year: 2024 })).toEqual([2, 3, pct(2, 3)]);
    expect(await rowsOf('party_organisation_plans', 2025)).toBe(0);
  });

  it('good_examples_per_commune: one commune at 4 makes the area not achieved, though the sum (85) reaches 5 × 17', async () => {
    expect(await row(built.db, 'good_examples_per_commune', { year: 2022 })).toMatchObject({ value: 85, numerator: 85, denominator: null, target: 85, status: 'off_track' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2022, geo: '02947' })).toMatchObject({ value: 4, target: 5, status: 'off_track' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2022, geo: '02950' })).toMatchObject({ value: 6, status: 'achieved' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2022, level: 'commune_2025', geo: '02953' })).toMatchObject({ value: 16, status: 'achieved' });
    // new Bảo Yên holds Phố Ràng, Xuân Thượng, Yên Sơn, Lương Sơn
    expect(await row(built.db, 'good_examples_per_commune', { year: 2022, level: 'commune_2025', geo: '02947' })).toMatchObject({ value: 19, status: 'achieved' });
  });

  it('good_examples_per_commune 2024: a blank number counts as 1; communes with none are 0; 2025: every new commune at 5 achieves the area (5 × 6)', async () => {
    expect(await row(built.db, 'good_examples_per_commune', { year: 2024, geo: '02947' })).toMatchObject({ value: 4, status: 'off_track' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2024, geo: '02950' })).toMatchObject({ value: 6, status: 'achieved' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2024, geo: '02998' })).toMatchObject({ value: 0, status: 'off_track' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2024 })).toMatchObject({ value: 10, target: 85, status: 'off_track' });
    expect(await row(built.db, 'good_examples_per_commune', { year: 2025 })).toMatchObject({ value: 30, target: 30, status: 'achieved' });
    expect(await rowsOf('good_examples_per_commune', 2023)).toBe(0);
  });

  it('prestige_dialogues: district dialogues only; none in 2022 (0, off_track); no 2025 row although one is dated before 1 Jul', async () => {
    expect(await row(built.db, 'prestige_dialogues', { year: 2024 })).toMatchObject({ value: 1, denominator: null, target: 1, status: 'achieved' });
    expect(await row(built.db, 'prestige_dialogues', { year: 2022 })).toMatchObject({ value: 0, status: 'off_track' });
    expect(await rowsOf('prestige_dialogues', 2025)).toBe(0);
    expect(await row(built.db, 'prestige_dialogues', { year: 2024, level: 'commune_2025', geo: '02953' })).toBeUndefined();
  });

  it('ethnic_policy_inspections: any level (2 in 2024), 0 in 2022, not_achieved at 0 in 2025, nothing in 2023 (no file)', async () => {
    expect(await row(built.db, 'ethnic_policy_inspections', { year: 2024 })).toMatchObject({ value: 2, status: 'achieved' });
    expect(await row(built.db, 'ethnic_policy_inspections', { year: 2022 })).toMatchObject({ value: 0, status: 'off_track' });
    expect(await row(built.db, 'ethnic_policy_inspections', { year: 2025 })).toMatchObject({ value: 0, status: 'not_achieved' });
    expect(await rowsOf('ethnic_policy_inspections', 2023)).toBe(0);
  });

  it('annual_dtts_survey: 1 in 2022 (two surveys), 0 in 2024; numerator = value', async () => {
    expect(await row(built.db, 'annual_dtts_survey', { year: 2022 })).toMatchObject({ numerator: 1, denominator: null, value: 1, target: 1, status: 'achieved' });
    expect(await row(built.db, 'annual_dtts_survey', { year: 2024 })).toMatchObject({ numerator: 0, value: 0, status: 'off_track' });
    expect(await row(built.db, 'annual_dtts_survey', { year: 2025 })).toMatchObject({ value: 0, status: 'not_achieved' });
  });

  it('no check fails on the count rules; district rows without a commune are no commune out of frame', () => {
    for (const id of ['denominator_positive', 'count_rows_in_force', 'commune_in_frame__stg_staff__can_bo', 'commune_in_frame__stg_activities__hoat_dong']) {
      expect(built.result.checks.find((c) => c.id === id)?.failing, id).toBe(0);
    }
  });
});
