import type { YearData } from './model/records.ts';
import { ageDays, WHO_MAX_AGE_DAYS } from './model/who.ts';

/**
 * The area values of the 21 indicators of the §7 sources (INDICATORS.md), computed straight from
 * one year's records: what a correct warehouse shows for the sample, planted bad rows aside.
 * DTTS and ALL for the indicators split by ethnic group, ALL for the others.
 */
export interface ExpectedValue { id: string; group: 'DTTS' | 'ALL'; value: number; text: string }

const dtts = (e: string): boolean => e !== '01';
const pct = (n: number, d: number): number => (d === 0 ? Number.NaN : (100 * n) / d);
const UNIVERSITY = new Set(['Đại học', 'Thạc sĩ', 'Tiến sĩ']);

export function expectedIndicators(d: YearData, communes: string[]): ExpectedValue[] {
  const out: ExpectedValue[] = [];
  const rate = (id: string, group: 'DTTS' | 'ALL', n: number, den: number): void => {
    const value = pct(n, den);
    out.push({ id, group, value, text: `${value.toFixed(1)} (${n}/${den})` });
  };
  const count = (id: string, group: 'DTTS' | 'ALL', value: number, text = String(value)): void => {
    out.push({ id, group, value, text });
  };
  const year = d.year;

  // The indicators split by ethnic group: the DTTS row (the plan's headline) and ALL.
  for (const group of ['DTTS', 'ALL'] as const) {
    const of = (e: string): boolean => group === 'ALL' || dtts(e);
    const births = d.sinhDe.filter((r) => of(r.motherEthnic));
    rate('antenatal_care_dtts', group, births.filter((r) => (r.visits ?? 0) >= 4 && (r.place === 'facility' || r.place === 'home_with_staff')).length, births.length);
    const kids = d.canTre.filter((r) => of(r.ethnic) && ageDays(r.birth, r.weighed) <= WHO_MAX_AGE_DAYS && r.z >= -6 && r.z <= 5);
    rate('underweight_children_dtts', group, kids.filter((r) => r.z < -2).length, kids.length);
    count('teen_first_births', group, births.filter((r) => r.birthOrder === 1 && year - r.motherBirth.y < 18).length);
    const couples = d.honNhan.filter((r) => of(r.wifeEthnic));
    count('child_marriages', group, couples.filter((r) => year - r.husbandBirth.y < 20 || year - r.wifeBirth.y < 18).length);
    count('consanguineous_marriages', group, couples.filter((r) => r.consanguineous).length);
    const commune = d.canBo.filter((r) => r.level === 'Xã' && of(r.ethnic));
    const cadres = commune.filter((r) => r.kind === 'Cán bộ');
    rate('commune_cadres_university', group, cadres.filter((r) => r.qualification !== null && UNIVERSITY.has(r.qualification)).length, cadres.length);
    const servants = commune.filter((r) => r.kind === 'Công chức');
    rate('commune_civil_servants_university', group, servants.filter((r) => r.qualification !== null && UNIVERSITY.has(r.qualification)).length, servants.length);
    const key = commune.filter((r) => r.key);
    rate('commune_key_cadres_economic_training', group, key.filter((r) => r.economicTraining).length, key.length);
  }

  const district = d.canBo.filter((r) => r.level === 'Huyện');
  if (district.length > 0) rate('dtts_officials_district', 'ALL', district.filter((r) => dtts(r.ethnic)).length, district.length);
  const cbcc = d.canBo.filter((r) => r.level === 'Xã' && r.kind !== 'Viên chức');
  rate('dtts_officials_commune', 'ALL', cbcc.filter((r) => dtts(r.ethnic)).length, cbcc.length);

  rate('paved_roads_to_village_centres', 'ALL', d.thon.filter((r) => r.road === 'Nhựa' || r.road === 'Bê tông').length, d.thon.length);
  rate('provincial_media_reach', 'ALL', d.thon.filter((r) => r.media).length + d.xa.filter((r) => r.media).length, d.thon.length + d.xa.length);
  rate('villages_with_cultural_team', 'ALL', d.thon.filter((r) => r.troupe).length, d.thon.length);
  rate('cultural_teams_active', 'ALL', d.thon.filter((r) => r.troupe && r.troupeActive).length, d.thon.filter((r) => r.troupe).length);
  rate('cultured_villages', 'ALL', d.thon.filter((r) => r.cultured).length, d.thon.length);
  rate('communes_with_art_troupe', 'ALL', d.xa.filter((r) => r.troupe).length, d.xa.length);
  if (d.toChucDang.length > 0) rate('party_organisation_plans', 'ALL', d.toChucDang.filter((r) => r.plan).length, d.toChucDang.length);

  const examples = new Map(communes.map((c) => [c, 0]));
  for (const a of d.hoatDong) if (a.kind === 'Nêu gương' && a.communeCode) examples.set(a.communeCode, (examples.get(a.communeCode) ?? 0) + (a.count ?? 1));
  const short = [...examples].filter(([, n]) => n < 5).map(([c]) => c);
  const sum = [...examples.values()].reduce((s, n) => s + n, 0);
  count('good_examples_per_commune', 'ALL', sum, `${sum} (communes below 5: ${short.length ? short.join(' ') : 'none'})`);
  if (year < 2025) count('prestige_dialogues', 'ALL', d.hoatDong.filter((a) => a.kind === 'Đối thoại người có uy tín' && a.level === 'Huyện').length);
  count('ethnic_policy_inspections', 'ALL', d.hoatDong.filter((a) => a.kind === 'Kiểm tra, giám sát').length);
  count('annual_dtts_survey', 'ALL', d.hoatDong.some((a) => a.kind === 'Điều tra DTTS') ? 1 : 0);
  return out;
}
