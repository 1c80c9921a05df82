import { rngFor } from '../rng.ts';
import type { CensusYear } from './census.ts';
import { communeCodeIn } from './census.ts';
import type { HocSinhRecord, Level } from './records.ts';
import { schoolOpen, thptFor, type School } from './schools.ts';
import * as T from './trends.ts';

/** Level and grade a child of that age attends, if enrolled; late pupils sit one level lower. */
function placement(age: number, late: boolean): { level: Level; grade: number } | null {
  if (age === 3 || age === 4 || age === 5) return { level: 'MN', grade: age };
  if (age >= 6 && age <= 10) return { level: 'TH', grade: age - 5 };
  if (age === 11 && late) return { level: 'TH', grade: 5 };
  if (age >= 11 && age <= 14) return { level: 'THCS', grade: age - 5 };
  if (age === 15 && late) return { level: 'THCS', grade: 9 };
  if (age >= 15 && age <= 17) return { level: 'THPT', grade: age - 5 };
  if (age === 18 && late) return { level: 'THPT', grade: 12 };
  return null;
}

function enrolProbability(level: Level, age: number, year: number, dtts: boolean): number {
  const p = T.enrolment[level](year, dtts);
  return age === 3 ? p * 0.82 : age === 18 ? 0.6 : p;
}

/**
 * Pupils and students of the school year starting September YEAR, drawn from the census
 * persons of the same year, at a school of their level in their own commune (THPT: the
 * nearest of three; a few DTTS pupils at the district's ethnic boarding school).
 */
export function studentsOf(census: CensusYear, schools: School[], year: number, seed: number): HocSinhRecord[] {
  const open = schools.filter((s) => schoolOpen(s, year));
  const boarding = open.find((s) => s.type === 'PTDTNT');
  const out: HocSinhRecord[] = [];
  for (const { person: p, household: h } of census.people) {
    const age = year - p.birthY;
    const dtts = p.ethnic !== '01';
    const place = placement(age, p.uLate < (dtts ? 0.05 : 0.02));
    if (!place || p.uEnrol >= enrolProbability(place.level, age, year, dtts)) continue;
    const rng = rngFor(seed, 'school-of', p.id, place.level);
    let school: School | undefined;
    if ((place.level === 'THCS' || place.level === 'THPT') && dtts && boarding && rng.chance(0.042)) school = boarding;
    else if (place.level === 'THPT') school = thptFor(open, h.commune.code);
    else {
      const candidates = open.filter((s) => s.commune === h.commune && s.levels.includes(place.level));
      const total = candidates.reduce((s, c) => s + c.weight, 0);
      let r = rng.next() * total;
      school = candidates.find((c) => {
        r -= c.weight;
        return r < 0;
      }) ?? candidates[0];
    }
    if (!school) throw new Error(`sample: no ${place.level} school in ${h.commune.name}`);
    const letter = 'ABC'[p.id % (place.level === 'THPT' ? 3 : 2)]!;
    out.push({
      id: p.studentId, name: p.name, birth: { y: p.birthY, m: p.birthM, d: p.birthD }, sex: p.sex, ethnic: p.ethnic,
      communeCode: communeCodeIn(h, year), maTruong: school.maTruong, level: place.level,
      grade: place.level === 'MN' ? `Lớp ${place.grade} tuổi` : `${place.grade}${letter}${place.level === 'THPT' ? (p.id % 4) + 1 : ''}`,
      boarding: school.type === 'PTDTNT' ? 'Nội trú' : school.type === 'PTDTBT' && rng.chance(0.55) ? 'Bán trú' : null,
    });
  }
  return out;
}
