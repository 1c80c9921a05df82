import type { CensusYear } from './census.ts';
import { communeCodeIn, povertyOf } from './census.ts';
import type { HocSinhRecord, TheBhytRecord, Ymd } from './records.ts';
import * as T from './trends.ts';

/** Card group by what the person is: child, pupil, poor, near-poor, DTTS in a hard area, retiree, household. */
function group(age: number, student: boolean, poverty: 'poor' | 'near' | null, dtts: boolean, u: number): [string, number] {
  if (age < 6) return ['TE', 1];
  if (poverty === 'poor') return ['HN', 2];
  if (student) return ['HS', 4];
  if (poverty === 'near') return ['CN', 3];
  if (dtts) return ['DT', 2];
  if (age >= 60 && u < 0.3) return ['HT', 2];
  return ['GD', 4];
}

/**
 * Health-insurance cards at 31 Dec YEAR, drawn from the census persons: most covered, some
 * with a card that expired in September, a few with two cards (one person), a few card rows
 * listed twice (the export repeats them at the end).
 */
export function cardsOf(census: CensusYear, students: HocSinhRecord[], year: number): TheBhytRecord[] {
  const pupils = new Set(students.map((s) => s.id));
  const out: TheBhytRecord[] = [];
  const repeated: TheBhytRecord[] = [];
  for (const { person: p, household: h } of census.people) {
    const dtts = p.ethnic !== '01';
    const cover = T.insured(year, dtts);
    const covered = p.uIns < cover;
    const expired = !covered && p.uIns < cover + 0.012;
    if (!covered && !expired) continue;
    const age = year - p.birthY;
    const [g, level] = group(age, pupils.has(p.studentId), povertyOf(h, year), dtts, p.uCard);
    const midYear = p.uCard < 0.2;
    const from: Ymd = expired ? { y: year, m: 1, d: 1 } : midYear ? { y: year, m: 7, d: 1 } : { y: year, m: 1, d: 1 };
    const to: Ymd = expired ? { y: year, m: 9, d: 30 } : midYear ? { y: year + 1, m: 6, d: 30 } : { y: year, m: 12, d: 31 };
    const card: TheBhytRecord = {
      maThe: `${g}${level}10${p.bhxh}`, name: p.name, cccd: p.uBlank < 0.05 ? null : p.cccd,
      birth: { y: p.birthY, m: p.birthM, d: p.birthD }, sex: p.sex, ethnic: p.ethnic,
      communeCode: communeCodeIn(h, year), from, to, group: g,
    };
    out.push(card);
    if (covered && card.cccd && p.uCard > 0.994 && g !== 'GD') out.push({ ...card, maThe: `GD410${p.bhxh}`, group: 'GD' });
    else if (covered && p.uCard > 0.988 && p.uCard <= 0.994) repeated.push(card);
  }
  return [...out, ...repeated];
}
