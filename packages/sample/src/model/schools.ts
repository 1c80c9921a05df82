import { rngFor } from '../rng.ts';
import { communeModels, type CommuneModel } from './communes.ts';
import type { Level, SchoolType, TruongRecord } from './records.ts';
import * as T from './trends.ts';

export interface School {
  maTruong: string;
  name: string;
  commune: CommuneModel;
  type: SchoolType;
  levels: Level[];
  rooms: number;
  /** Per-school offsets: some schools are ahead, some behind the district's trend. */
  solidOffset: number;
  uStandard: number;
  /** Share of the commune's pupils of its levels who go here (several schools per level). */
  weight: number;
}

const LEVELS: Record<SchoolType, Level[]> = {
  MN: ['MN'], TH: ['TH'], THCS: ['THCS'], 'TH&THCS': ['TH', 'THCS'], THPT: ['THPT'],
  'THCS&THPT': ['THCS', 'THPT'], PTDTNT: ['THCS', 'THPT'], PTDTBT: [],
};

const ROOMS: Record<SchoolType, [number, number]> = {
  MN: [6, 14], TH: [10, 22], THCS: [8, 16], 'TH&THCS': [14, 26], THPT: [20, 32], 'THCS&THPT': [18, 28], PTDTNT: [18, 24], PTDTBT: [10, 20],
};

/** The district's schools: a plausible network of about 70, stable over the years. */
export function buildSchools(seed: number): School[] {
  const rng = rngFor(seed, 'schools');
  const schools: School[] = [];
  const add = (commune: CommuneModel, type: SchoolType, name: string, levels?: Level[], weight = 1): void => {
    const [lo, hi] = ROOMS[type];
    schools.push({
      maTruong: `1008${String(schools.length + 1).padStart(4, '0')}`, name, commune, type,
      levels: levels ?? LEVELS[type], rooms: rng.int(lo, hi), solidOffset: (rng.next() - 0.5) * 0.24,
      uStandard: rng.next(), weight,
    });
  };
  for (const c of communeModels) {
    const n = c.nameShort;
    if (c.like === '02947') {
      add(c, 'MN', `Trường Mầm non ${n}`, undefined, 0.6);
      add(c, 'MN', 'Trường Mầm non Hoa Hồng', undefined, 0.4);
      add(c, 'TH', `Trường Tiểu học số 1 ${n}`, undefined, 0.55);
      add(c, 'TH', `Trường Tiểu học số 2 ${n}`, undefined, 0.45);
      add(c, 'THCS', `Trường THCS ${n}`);
      add(c, 'THPT', 'Trường THPT số 1 Bảo Yên');
      add(c, 'PTDTNT', 'Trường PTDT Nội trú THCS&THPT Bảo Yên');
    } else if (c.like === '02989') {
      add(c, 'MN', `Trường Mầm non ${n}`, undefined, 0.6);
      add(c, 'MN', `Trường Mầm non số 2 ${n}`, undefined, 0.4);
      add(c, 'TH', `Trường Tiểu học ${n}`, undefined, 0.55);
      add(c, 'TH', `Trường Tiểu học số 2 ${n}`, undefined, 0.45);
      add(c, 'THCS', `Trường THCS ${n}`);
      add(c, 'THPT', 'Trường THPT số 2 Bảo Yên');
    } else if (c.highland) {
      const big = c.population2020 >= 3300;
      add(c, 'MN', `Trường Mầm non ${n}`, undefined, big ? 0.6 : 1);
      if (big) add(c, 'MN', `Trường Mầm non số 2 ${n}`, undefined, 0.4);
      if (c.like === '03070') {
        add(c, 'PTDTBT', `Trường PTDTBT TH&THCS ${n}`, ['TH', 'THCS']);
        continue;
      }
      add(c, 'PTDTBT', `Trường PTDTBT Tiểu học ${n}`, ['TH'], big ? 0.45 : 1);
      if (big) add(c, 'TH', `Trường Tiểu học số 2 ${n}`, undefined, 0.55);
      add(c, 'PTDTBT', `Trường PTDTBT THCS ${n}`, ['THCS']);
    } else {
      add(c, 'MN', `Trường Mầm non ${n}`, undefined, c.population2020 >= 5500 ? 0.6 : 1);
      if (c.population2020 >= 5500) add(c, 'MN', `Trường Mầm non số 2 ${n}`, undefined, 0.4);
      if (c.like === '02956' || c.like === '02974') add(c, 'TH&THCS', `Trường TH&THCS ${n}`);
      else {
        add(c, 'TH', `Trường Tiểu học ${n}`);
        add(c, 'THCS', `Trường THCS ${n}`);
      }
      if (c.like === '02953') add(c, 'THPT', 'Trường THPT số 3 Bảo Yên');
    }
  }
  return schools;
}

/** Upper-secondary pupils go to the nearest THPT: by commune, one of the three. */
const THPT_OF: Record<string, string> = {
  '02947': 'Trường THPT số 1 Bảo Yên', '02980': 'Trường THPT số 1 Bảo Yên', '02986': 'Trường THPT số 1 Bảo Yên',
  '02992': 'Trường THPT số 1 Bảo Yên', '02959': 'Trường THPT số 1 Bảo Yên', '02977': 'Trường THPT số 1 Bảo Yên',
  '02953': 'Trường THPT số 3 Bảo Yên', '02950': 'Trường THPT số 3 Bảo Yên', '02956': 'Trường THPT số 3 Bảo Yên',
  '02983': 'Trường THPT số 3 Bảo Yên', '02998': 'Trường THPT số 3 Bảo Yên', '02962': 'Trường THPT số 3 Bảo Yên',
};

export function thptFor(schools: School[], communeCode: string): School {
  const like = communeModels.find((c) => c.code === communeCode)?.like ?? communeCode;
  const name = THPT_OF[like] ?? 'Trường THPT số 2 Bảo Yên';
  // A synthetic geography may lack the commune of that school: the first upper-secondary school serves.
  const s = schools.find((x) => x.name === name) ?? schools.find((x) => x.type === 'THPT');
  if (!s) throw new Error(`sample: no school ${name}`);
  return s;
}

export function schoolOpen(s: School, year: number): boolean {
  return !s.commune.vanBan || year >= 2025;
}

export function truongRecord(s: School, year: number): TruongRecord {
  const boarding = s.type === 'PTDTNT';
  const share = boarding ? 1 : Math.min(1, Math.max(0.3, T.solidClassrooms(year) + s.solidOffset));
  return {
    maTruong: s.maTruong, tenTruong: s.name, communeCode: year >= 2025 ? s.commune.code2025 : s.commune.code,
    type: s.type, standard: boarding || s.uStandard < T.schoolStandard(year, s.type === 'PTDTBT'),
    rooms: s.rooms, solidRooms: Math.round(s.rooms * share), semiBoarding: s.type === 'PTDTBT',
  };
}
