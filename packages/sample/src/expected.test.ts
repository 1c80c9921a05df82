import { describe, expect, it } from 'vitest';
import { expectedIndicators } from './expected.ts';
import type { CanBoRecord, CanTreRecord, HoatDongRecord, HonNhanRecord, SinhDeRecord, ThonRecord, YearData } from './model/records.ts';
import { weightForZ } from './model/who.ts';

// A year of a few hand-made records, and the values INDICATORS.md gives them, counted by hand.
const ymd = (y: number, m: number, d: number) => ({ y, m, d });
const birth = (ethnic: string, by: number, order: number, visits: number | null, place: SinhDeRecord['place']): SinhDeRecord => ({
  soPhieu: 'x', motherName: '', motherCccd: '', motherBirth: ymd(by, 1, 1), motherEthnic: ethnic, communeCode: '02947', delivered: ymd(2024, 5, 5), birthOrder: order, visits, place,
});
const child = (ethnic: string, z: number): CanTreRecord => ({
  maTre: 'x', name: '', birth: ymd(2023, 6, 15), sex: 1, ethnic, communeCode: '02947', weighed: ymd(2024, 6, 14), kg: weightForZ(1, 365, z), z,
});
const couple = (ethnic: string, husband: number, wife: number, consanguineous: boolean): HonNhanRecord => ({
  soThuTu: 'x', communeCode: '02947', date: ymd(2024, 3, 3), husbandName: '', wifeName: '', husbandBirth: ymd(husband, 1, 1), wifeBirth: ymd(wife, 1, 1),
  husbandEthnic: ethnic, wifeEthnic: ethnic, registered: true, consanguineous,
});
const staff = (level: 'Huyện' | 'Xã', kind: CanBoRecord['kind'], ethnic: string, q: CanBoRecord['qualification'], key = false, training = false): CanBoRecord => ({
  maCanBo: 'x', name: '', cccd: '', sex: 1, birth: ymd(1980, 1, 1), ethnic, level, communeCode: level === 'Xã' ? '02947' : null, kind, teacher: false, qualification: q, key, economicTraining: training,
});
const village = (road: ThonRecord['road'], troupe: boolean, active: boolean | null, cultured: boolean, media: boolean): ThonRecord => ({ communeCode: '02947', name: 'Thôn A', formerCommune: null, road, troupe, troupeActive: active, cultured, media });
const activity = (kind: HoatDongRecord['kind'], level: 'Huyện' | 'Xã', communeCode: string | null, count: number | null): HoatDongRecord => ({ soThuTu: 'x', date: ymd(2024, 4, 4), kind, level, communeCode, count, text: '' });

const year: YearData = {
  year: 2024, ho: [], nhanKhau: [], truong: [], hocSinh: [], theBhyt: [], hoNgheo: [],
  sinhDe: [birth('02', 1990, 2, 5, 'facility'), birth('02', 2008, 1, 4, 'home_with_staff'), birth('09', 1995, 1, 3, 'facility'), birth('08', 2007, 1, null, 'facility'), birth('01', 1996, 1, 6, 'facility')],
  canTre: [child('02', -2.5), child('09', -1), child('08', 0.5), child('01', -2.2)],
  honNhan: [couple('08', 2005, 2007, false), couple('02', 2000, 2001, true), couple('09', 1996, 2000, false), couple('01', 1990, 2008, false)],
  canBo: [staff('Huyện', 'Công chức', '02', 'Đại học'), staff('Huyện', 'Viên chức', '01', 'Thạc sĩ'), staff('Xã', 'Cán bộ', '09', 'Cao đẳng', true, true), staff('Xã', 'Cán bộ', '02', 'Thạc sĩ', true, false),
    staff('Xã', 'Công chức', '01', 'Đại học'), staff('Xã', 'Viên chức', '02', null)],
  thon: [village('Nhựa', true, true, true, true), village('Đất', true, false, false, false), village('Bê tông', false, null, true, true)],
  xa: [{ communeCode: '02947', troupe: true, media: false }, { communeCode: '02950', troupe: false, media: true }],
  toChucDang: [{ name: 'A', plan: true, issued: null }, { name: 'B', plan: false, issued: null }],
  hoatDong: [activity('Nêu gương', 'Xã', '02947', 3), activity('Nêu gương', 'Huyện', '02947', null), activity('Nêu gương', 'Xã', '02950', 6), activity('Đối thoại người có uy tín', 'Huyện', null, 40),
    activity('Đối thoại người có uy tín', 'Xã', '02950', null), activity('Kiểm tra, giám sát', 'Xã', '02950', null)],
};

describe('expected indicator values from the records', () => {
  const got = new Map(expectedIndicators(year, ['02947', '02950', '02953']).map((v) => [`${v.id} ${v.group}`, v.text]));
  it('health and civil registration, DTTS and ALL', () => {
    // DTTS deliveries 4, of which ≥ 4 visits at a facility or with staff: the first two (the 3-visit and unknown-visit ones are not).
    expect(got.get('antenatal_care_dtts DTTS')).toBe('50.0 (2/4)');
    expect(got.get('antenatal_care_dtts ALL')).toBe('60.0 (3/5)');
    expect(got.get('underweight_children_dtts DTTS')).toBe('33.3 (1/3)');
    expect(got.get('underweight_children_dtts ALL')).toBe('50.0 (2/4)');
    // First births of mothers under 18 in 2024: born 2008 (16) and 2007 (17).
    expect(got.get('teen_first_births DTTS')).toBe('2');
    // Husband 19 (2005) or wife 17 (2007); the Kinh wife born 2008 counts only in ALL.
    expect(got.get('child_marriages DTTS')).toBe('1');
    expect(got.get('child_marriages ALL')).toBe('2');
    expect(got.get('consanguineous_marriages DTTS')).toBe('1');
  });
  it('staff, villages and activities', () => {
    expect(got.get('dtts_officials_district ALL')).toBe('50.0 (1/2)');
    expect(got.get('dtts_officials_commune ALL')).toBe('66.7 (2/3)');
    expect(got.get('commune_cadres_university DTTS')).toBe('50.0 (1/2)');
    expect(got.get('commune_civil_servants_university ALL')).toBe('100.0 (1/1)');
    expect(got.get('commune_key_cadres_economic_training DTTS')).toBe('50.0 (1/2)');
    expect(got.get('paved_roads_to_village_centres ALL')).toBe('66.7 (2/3)');
    expect(got.get('provincial_media_reach ALL')).toBe('60.0 (3/5)');
    expect(got.get('villages_with_cultural_team ALL')).toBe('66.7 (2/3)');
    expect(got.get('cultural_teams_active ALL')).toBe('50.0 (1/2)');
    expect(got.get('communes_with_art_troupe ALL')).toBe('50.0 (1/2)');
    expect(got.get('party_organisation_plans ALL')).toBe('50.0 (1/2)');
    // 3 + 1 (blank counts as 1) in 02947, 6 in 02950, none in 02953.
    expect(got.get('good_examples_per_commune ALL')).toBe('10 (communes below 5: 02947 02953)');
    expect(got.get('prestige_dialogues ALL')).toBe('1');
    expect(got.get('ethnic_policy_inspections ALL')).toBe('1');
    expect(got.get('annual_dtts_survey ALL')).toBe('0');
  });
});
