import { rngFor, type Rng } from '../rng.ts';
import { communeCodeIn, type CensusYear } from './census.ts';
import type { CanTreRecord, PlaceOfDelivery, SinhDeRecord, Ymd } from './records.ts';
import * as T from './trends-other.ts';
import { ageDays, probit, weightForAgeZ, weightForZ, WHO_MAX_AGE_DAYS } from './who.ts';

const isDtts = (ethnic: string): boolean => ethnic !== '01';

function dayIn(rng: Rng, year: number): Ymd {
  const m = rng.int(1, 12);
  return { y: year, m, d: rng.int(1, m === 2 ? 28 : 30) };
}

/** Antenatal care is worse in the high communes and better in the town. */
const placeAdjust = (highland: boolean, town: boolean): number => (highland ? -0.06 : town ? 0.04 : 0);

function careOf(rng: Rng, good: boolean): { visits: number | null; place: PlaceOfDelivery } {
  let visits: number;
  let place: PlaceOfDelivery;
  if (good) {
    visits = rng.int(4, 9);
    place = rng.chance(0.9) ? 'facility' : 'home_with_staff';
  } else if (rng.chance(0.6)) {
    visits = rng.int(0, 3);
    place = rng.weighted([['facility', 5], ['home_with_staff', 1.5], ['home_without_staff', 3], ['other', 0.5]] as const);
  } else {
    visits = rng.int(4, 8);
    place = rng.chance(0.85) ? 'home_without_staff' : 'other';
  }
  return { visits: rng.chance(0.01) ? null : visits, place };
}

/**
 * The year's births register: deliveries of the census's women (girls of 15–17 included, whose
 * first births fall year by year), with antenatal care rising toward the plan's > 85% for DTTS.
 */
export function deliveriesOf(census: CensusYear, year: number, seed: number): SinhDeRecord[] {
  const rng = rngFor(seed, 'sinh_de', year);
  const out: SinhDeRecord[] = [];
  for (const { person: p, household: h } of census.people) {
    if (p.sex !== 2) continue;
    const age = year - p.birthY;
    if (age < 15 || age > 44) continue;
    const dtts = isDtts(p.ethnic);
    const teen = age < 18;
    const chance = teen ? T.teenBirths(year, dtts) : T.fertility(dtts) * (age > 35 ? 0.4 : 1);
    if (!rng.chance(chance)) continue;
    const good = rng.chance(T.antenatalCare(year, dtts) + placeAdjust(h.commune.highland, h.commune.code === '02947'));
    const order = teen ? 1 : Math.max(1, 1 + Math.floor((age - 18) / (dtts ? 4 : 6)) + rng.int(-1, 1));
    out.push({
      soPhieu: `SP${year}${String(out.length + 1).padStart(5, '0')}`,
      motherName: p.name, motherCccd: p.cccd, motherBirth: { y: p.birthY, m: p.birthM, d: p.birthD }, motherEthnic: p.ethnic,
      communeCode: communeCodeIn(h, year), delivered: dayIn(rng, year), birthOrder: order, ...careOf(rng, good),
    });
  }
  return out;
}

/** The June weighing day of a commune: 8–21 June, fixed per commune. */
function weighingDay(code: string, year: number): Ymd {
  return { y: year, m: 6, d: 8 + (Number(code) % 14) };
}

/**
 * The June nutrition surveillance: most census children under five, with weights drawn from
 * the WHO LMS table so that the share with z < −2 is the year's trend (higher in the high
 * communes). Weights are written to 0.1 kg; z is that of the written weight.
 */
export function weighingsOf(census: CensusYear, year: number, seed: number): CanTreRecord[] {
  const rng = rngFor(seed, 'can_tre', year);
  const out: CanTreRecord[] = [];
  for (const { person: p, household: h } of census.people) {
    if (year - p.birthY > 5) continue;
    const code = communeCodeIn(h, year);
    const weighed = weighingDay(code, year);
    const birth = { y: p.birthY, m: p.birthM, d: p.birthD };
    const days = ageDays(birth, weighed);
    if (days < 0 || days > WHO_MAX_AGE_DAYS) continue;
    const dtts = isDtts(p.ethnic);
    if (!rng.chance(T.weighingCoverage(year, dtts))) continue;
    const share = Math.min(0.6, Math.max(0.01, T.underweight(year, dtts) + (h.commune.highland ? 0.045 : h.commune.code === '02947' ? -0.04 : 0)));
    const z = -2 - probit(share) + rng.normal();
    const kg = Math.round(weightForZ(p.sex, days, z) * 10) / 10;
    out.push({
      maTre: `TE${String(p.id).padStart(8, '0')}`, name: p.name, birth, sex: p.sex, ethnic: p.ethnic, communeCode: code,
      weighed, kg, z: weightForAgeZ(p.sex, days, kg),
    });
  }
  return out;
}
