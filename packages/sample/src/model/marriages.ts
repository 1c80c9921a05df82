import { rngFor } from '../rng.ts';
import { communeCodeIn, type CensusYear } from './census.ts';
import type { Person } from './population.ts';
import type { HonNhanRecord, Ymd } from './records.ts';
import * as T from './trends-other.ts';

/** The one year (2020–2025) in which a person may marry, so nobody marries twice in the sample. */
const marriageYear = (p: Person): number => 2020 + (Math.imul(p.id, 2654435761) >>> 0) % 6;
const birthOf = (p: Person): Ymd => ({ y: p.birthY, m: p.birthM, d: p.birthD });

/**
 * Couples recorded in the year: unmarried daughters and sons of the census households, paired
 * within their commune. Child marriages (a bride under 18, a groom under 20) and consanguineous
 * ones fall toward a few by 2025; a child marriage is never registered.
 */
export function couplesOf(census: CensusYear, year: number, seed: number): HonNhanRecord[] {
  const rng = rngFor(seed, 'hon_nhan', year);
  const byCommune = new Map<string, { brides: Person[]; grooms: Person[]; young: Person[] }>();
  for (const { person: p, household: h } of census.people) {
    if (p.relation !== 'Con' || marriageYear(p) !== year) continue;
    const code = communeCodeIn(h, year);
    const c = byCommune.get(code) ?? { brides: [], grooms: [], young: [] };
    byCommune.set(code, c);
    const age = year - p.birthY;
    if (p.sex === 2 && age >= 15 && age <= 30) c.brides.push(p);
    if (p.sex === 1 && age >= 20 && age <= 35) c.grooms.push(p);
    if (p.sex === 1 && age >= 18 && age <= 19) c.young.push(p);
  }
  const out: HonNhanRecord[] = [];
  const { bride: childBride, groom: youngGroom } = T.childMarriage(year);
  for (const [code, c] of byCommune) {
    for (const wife of c.brides) {
      const dtts = wife.ethnic !== '01';
      const age = year - wife.birthY;
      if (!rng.chance(age < 18 ? (dtts ? childBride : childBride / 8) : 0.45)) continue;
      const pool = age >= 18 && c.young.length > 0 && rng.chance(dtts ? youngGroom : 0) ? c.young : c.grooms;
      if (pool.length === 0) continue;
      const husband = pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!;
      const child = age < 18 || year - husband.birthY < 20;
      const m = rng.int(1, 12);
      out.push({
        soThuTu: String(out.length + 1), communeCode: code, date: { y: year, m, d: rng.int(1, m === 2 ? 28 : 30) },
        husbandName: husband.name, wifeName: wife.name, husbandBirth: birthOf(husband), wifeBirth: birthOf(wife),
        husbandEthnic: husband.ethnic, wifeEthnic: wife.ethnic,
        registered: !child && rng.chance(T.registeredMarriage(year)),
        consanguineous: rng.chance(T.consanguineous(year, dtts)),
      });
    }
  }
  return out;
}
