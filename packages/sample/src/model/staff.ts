import { rngFor, type Rng } from '../rng.ts';
import { communeModels, type CommuneModel } from './communes.ts';
import { familyName, fullName } from './names.ts';
import type { CanBoRecord, Qualification, StaffKind } from './records.ts';
import * as T from './trends-other.ts';
import { FIRST_YEAR, LAST_YEAR } from './trends.ts';

/** One post on the payroll and the people who held it, 2020–2025 (about one in ten changes a year). */
interface Post {
  id: string;
  level: 'Huyện' | 'Xã';
  commune: CommuneModel | null;
  kind: StaffKind;
  teacher: boolean;
  key: boolean;
  /** Kept after the 2025 merger (commune posts only). */
  kept2025: boolean;
  holders: { from: number; name: string; cccd: string; sex: 1 | 2; birth: { y: number; m: number; d: number }; ethnic: string; uEdu: number; uLow: number; uTrain: number; uBlank: number }[];
}

const COMMUNE_POSTS: { kind: StaffKind; key: boolean }[] = [
  ...Array.from({ length: 7 }, () => ({ kind: 'Cán bộ' as const, key: true })),
  ...Array.from({ length: 5 }, () => ({ kind: 'Cán bộ' as const, key: false })),
  ...Array.from({ length: 10 }, () => ({ kind: 'Công chức' as const, key: false })),
  ...Array.from({ length: 3 }, () => ({ kind: 'Viên chức' as const, key: false })),
];
const DISTRICT_POSTS = { civilServants: 150, employees: 90, teachers: 160 };
const DISTRICT_MIX: [string, number][] = [['02', 40], ['09', 30], ['08', 12], ['07', 6], ['25', 4], ['40', 2], ['15', 2], ['06', 2], ['03', 2]];

function holder(rng: Rng, post: Post, from: number, idx: number): Post['holders'][number] {
  const share = post.level === 'Huyện' ? T.staffDtts.district : T.staffDtts.commune;
  const town = post.commune?.code === '02947';
  const base = from === FIRST_YEAR ? share.start + (town ? -0.25 : post.commune?.highland ? 0.12 : 0) : share.hires - (town ? 0.2 : 0);
  const dttsMix = post.commune ? post.commune.mix.filter(([e]) => e !== '01') : DISTRICT_MIX;
  const ethnic = rng.chance(base) ? rng.weighted(dttsMix) : '01';
  const sex: 1 | 2 = rng.chance(0.55) ? 1 : 2;
  const age = from === FIRST_YEAR ? rng.int(25, 58) : rng.int(23, 40);
  const birthY = from - age;
  const m = rng.int(1, 12);
  const n = (Number(post.id.replace(/\D/g, '')) * 31 + idx) % 1_000_000;
  return {
    from, name: fullName(rng, familyName(rng, ethnic), ethnic, sex), sex, ethnic,
    cccd: `010${(birthY >= 2000 ? 2 : 0) + sex - 1}${String(birthY % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`,
    birth: { y: birthY, m, d: rng.int(1, m === 2 ? 28 : 30) },
    uEdu: rng.next(), uLow: rng.next(), uTrain: rng.next(), uBlank: rng.next(),
  };
}

function post(seed: number, id: string, fields: Omit<Post, 'id' | 'holders' | 'kept2025'>): Post {
  const rng = rngFor(seed, 'can_bo', id);
  const p: Post = { id, ...fields, kept2025: rng.chance(0.72), holders: [] };
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    if (y === FIRST_YEAR || rng.chance(0.1)) p.holders.push(holder(rng, p, y, p.holders.length));
  }
  return p;
}

export function buildPosts(seed: number): Post[] {
  const posts: Post[] = [];
  for (const c of communeModels) {
    for (const [i, k] of COMMUNE_POSTS.entries()) {
      posts.push(post(seed, `CB${c.code}${String(i + 1).padStart(2, '0')}`, { level: 'Xã', commune: c, kind: k.kind, teacher: false, key: k.key }));
    }
  }
  let n = 0;
  const district = (kind: StaffKind, teacher: boolean): Post => post(seed, `CBH${String(++n).padStart(4, '0')}`, { level: 'Huyện', commune: null, kind, teacher, key: false });
  for (let i = 0; i < DISTRICT_POSTS.civilServants; i++) posts.push(district('Công chức', false));
  for (let i = 0; i < DISTRICT_POSTS.employees; i++) posts.push(district('Viên chức', false));
  for (let i = 0; i < DISTRICT_POSTS.teachers; i++) posts.push(district('Viên chức', true));
  return posts;
}

const LOWER: [Qualification, number][] = [['Cao đẳng', 3], ['Trung cấp', 5], ['Sơ cấp', 1], ['Chưa qua đào tạo', 1]];

function qualification(h: Post['holders'][number], kind: StaffKind, year: number): Qualification | null {
  if (h.uBlank < 0.01) return null;
  if (h.uEdu < T.university[kind](year)) return h.uLow < 0.005 ? 'Tiến sĩ' : h.uLow < 0.09 ? 'Thạc sĩ' : 'Đại học';
  let r = h.uLow * 10;
  for (const [q, w] of LOWER) {
    r -= w;
    if (r < 0) return q;
  }
  return 'Trung cấp';
}

/**
 * The payroll at 31 Dec YEAR: 25 posts per commune (12 cadres, 7 of them key, 10 civil servants,
 * 3 public employees) and 400 district posts (160 teachers). Holders change about one in ten a
 * year, new ones more often DTTS; degrees and training rise. From 2025 there is no district
 * level, and the merged communes keep about 70% of their posts.
 */
export function staffOf(posts: Post[], year: number): CanBoRecord[] {
  const out: CanBoRecord[] = [];
  for (const p of posts) {
    if (year >= 2025 && (p.level === 'Huyện' || !p.kept2025)) continue;
    if (year < 2025 && p.commune?.vanBan) continue;
    const h = [...p.holders].reverse().find((x) => x.from <= year)!;
    out.push({
      maCanBo: `${p.id}${String(p.holders.indexOf(h)).padStart(2, '0')}`, name: h.name, cccd: h.cccd, sex: h.sex, birth: h.birth, ethnic: h.ethnic,
      level: p.level, communeCode: p.commune ? (year >= 2025 ? p.commune.code2025 : p.commune.code) : null,
      kind: p.kind, teacher: p.teacher, qualification: qualification(h, p.kind, year), key: p.key,
      economicTraining: p.key && h.uTrain < T.economicTraining(year),
    });
  }
  return out;
}
export type { Post };
