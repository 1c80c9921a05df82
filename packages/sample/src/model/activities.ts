import { rngFor, type Rng } from '../rng.ts';
import { familyName, fullName } from './names.ts';
import type { ActivityKind, HoatDongRecord, ToChucDangRecord, Ymd } from './records.ts';
import * as T from './trends-other.ts';

/** Party organisations directly under the district party committee besides the communes'. */
const AGENCY_ORGANISATIONS = [
  'Đảng bộ Cơ quan Chính quyền huyện', 'Đảng bộ Công an huyện', 'Đảng bộ Quân sự huyện', 'Đảng bộ Trung tâm Y tế huyện',
  'Chi bộ Phòng Dân tộc', 'Chi bộ Phòng Giáo dục và Đào tạo', 'Chi bộ Trường THPT số 1 Bảo Yên', 'Chi bộ Trường THPT số 2 Bảo Yên',
  'Chi bộ Trường PTDTNT huyện', 'Chi bộ Ngân hàng Chính sách xã hội', 'Chi bộ Kho bạc Nhà nước', 'Chi bộ Trung tâm Văn hóa – Thể thao',
];

const day = (rng: Rng, year: number, months: [number, number] = [1, 12]): Ymd => {
  const m = rng.int(months[0], months[1]);
  return { y: year, m, d: rng.int(1, m === 2 ? 28 : 30) };
};

/** Party organisations and their plans implementing Directive 28 (none from 2025: no district committee). */
export function partyOrganisationsOf(communes: { code: string; name: string }[], year: number, seed: number): ToChucDangRecord[] {
  if (year >= 2025) return [];
  const names = [...communes.map((c) => `Đảng bộ ${c.name.replace(/^Xã/, 'xã').replace(/^Thị trấn/, 'thị trấn')}`), ...AGENCY_ORGANISATIONS];
  return names.map((name) => {
    const rng = rngFor(seed, 'to_chuc_dang', name);
    const plan = rng.next() < T.partyPlans(year);
    const issued = day(rng, year, [2, 5]);
    return { name, plan, issued: plan && rng.next() < 0.9 ? issued : null };
  });
}

const sortByDate = (a: HoatDongRecord, b: HoatDongRecord): number => a.date.m - b.date.m || a.date.d - b.date.d;

/**
 * The year's activities: good examples publicised in every commune (a few communes short of the
 * plan's 5 in some years), dialogues with prestigious persons and inspections at district level,
 * the DTTS survey. From 1 Jul 2025 nothing is held at district level.
 */
export function activitiesOf(communes: { code: string }[], year: number, seed: number): HoatDongRecord[] {
  const rng = rngFor(seed, 'hoat_dong', year);
  const out: HoatDongRecord[] = [];
  const districtMonths: [number, number] = year >= 2025 ? [1, 6] : [1, 12];
  const add = (kind: ActivityKind, level: 'Huyện' | 'Xã', communeCode: string | null, count: number | null, text: string, months = level === 'Huyện' ? districtMonths : [1, 12] as [number, number]): void => {
    out.push({ soThuTu: '', date: day(rng, year, months), kind, level, communeCode, count, text });
  };
  const person = (): string => {
    const ethnic = rng.pick(['02', '09', '08', '01']);
    return fullName(rng, familyName(rng, ethnic), ethnic, rng.chance(0.6) ? 1 : 2);
  };
  for (const c of communes) {
    const n = rng.int(1, 2) + (year >= 2022 ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const count = rng.chance(0.08) ? null : rng.int(2, 5);
      const level = year < 2025 && rng.chance(0.15) ? 'Huyện' : 'Xã';
      add('Nêu gương', level, c.code, count, `Biểu dương hộ ông ${person()} và bà ${person()} tiêu biểu trong phát triển kinh tế`);
    }
  }
  add('Đối thoại người có uy tín', 'Huyện', null, rng.int(20, 60), `Đối thoại với người có uy tín, trong đó ông ${person()}`);
  if (year < 2025 && rng.chance(0.5)) add('Đối thoại người có uy tín', 'Huyện', null, null, `Gặp mặt người có uy tín; phát biểu của ông ${person()}`);
  add('Đối thoại người có uy tín', 'Xã', rng.pick(communes).code, null, `Gặp mặt người có uy tín tại xã, ông ${person()}`, [1, 12]);
  for (let i = rng.int(1, 3); i > 0; i--) {
    const level = rng.chance(0.6) ? 'Huyện' : 'Xã';
    add('Kiểm tra, giám sát', level, level === 'Xã' ? rng.pick(communes).code : null, null, `Kiểm tra thực hiện chính sách dân tộc; làm việc với ông ${person()}`);
  }
  add('Điều tra DTTS', year >= 2025 ? 'Xã' : 'Huyện', year >= 2025 ? rng.pick(communes).code : null, null, `Điều tra thu thập thông tin kinh tế - xã hội DTTS; điều tra viên ${person()}`, [7, 10]);
  out.sort(sortByDate);
  out.forEach((a, i) => { a.soThuTu = String(i + 1); });
  return out;
}
