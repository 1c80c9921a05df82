import { householdPresent, membersIn, type Household, type Person, type Population } from './population.ts';
import type { HoRecord, NhanKhauRecord } from './records.ts';
import * as T from './trends.ts';

const isDtts = (ethnic: string): boolean => ethnic !== '01';

/** The commune code a household has in the year's frame. */
export function communeCodeIn(h: Household, year: number): string {
  return year >= 2025 ? h.commune.code2025 : h.commune.code;
}

function legacyCode(h: Household, year: number): string | null {
  if (year === 2020 && h.oldCode2019) return h.oldCode2019;
  if (year === 2025 && h.commune.code === '02980') return '02980';
  return null;
}

/** Wealth rank 0..1 → income around the year's median (log-logistic spread). */
function income(h: Household, year: number): number | null {
  if (h.uBlank < 0.015) return null;
  const dtts = isDtts(h.head.ethnic);
  const place = h.commune.code === '02947' ? 1.2 : h.commune.highland ? 0.85 : 1;
  const w = Math.min(0.995, Math.max(0.005, h.uWealth));
  const value = T.incomeMedian(year, dtts) * place * Math.exp(0.42 * Math.log(w / (1 - w)));
  return Math.round(value / 10_000) * 10_000;
}

export function povertyOf(h: Household, year: number): 'poor' | 'near' | null {
  const dtts = isDtts(h.head.ethnic);
  const place = !dtts ? 1 : h.commune.highland ? 1.35 : h.commune.code === '02947' ? 0.5 : 0.8;
  const poor = T.poorShare(year, dtts) * place;
  const near = T.nearPoorShare(year, dtts);
  if (h.uWealth < poor) return 'poor';
  if (h.uWealth < poor + near) return 'near';
  return null;
}

function householdRecord(h: Household, year: number, size: number): HoRecord {
  const dtts = isDtts(h.head.ethnic);
  const highlandPenalty = h.commune.highland ? 0.03 : -0.01;
  const blank = h.uBlank > 0.995;
  const atRisk = h.uRisk < (dtts ? (h.commune.highland ? 0.12 : 0.04) : 0.01);
  return {
    maHo: h.maHo, communeCode: communeCodeIn(h, year), legacyCode: legacyCode(h, year), thon: h.thon,
    headName: h.head.name, income: income(h, year),
    grid: blank ? null : h.uElec < T.gridElectricity(year, dtts) - highlandPenalty,
    water: blank ? null : h.uWater < T.hygienicWater(year, dtts) - highlandPenalty,
    atRisk, resettled: atRisk && h.uReloc < T.resettlementProgress(year, dtts),
    ethnic: h.head.ethnic, size, poverty: povertyOf(h, year),
  };
}

function personRecord(h: Household, p: Person, year: number): NhanKhauRecord {
  const dtts = isDtts(p.ethnic);
  const age = year - p.birthY;
  const male = p.sex === 1;
  const litAdj = (male ? 0.04 : -0.04) + (age > 45 ? -0.05 : age < 30 ? 0.03 : 0);
  const trainAdj = (male ? 1.22 : 0.78) * (age < 18 ? 0.3 : 1.04);
  const blank = p.uBlank > 0.996;
  const headMarked = h.quirk !== 'no_head_marked';
  return {
    maHo: h.maHo, communeCode: communeCodeIn(h, year), stt: p.stt, name: p.name, cccd: p.cccd, sex: p.sex,
    birth: { y: p.birthY, m: p.birthM, d: p.birthD }, ethnic: p.ethnic,
    relation: p === h.head ? (headMarked ? 'Chủ hộ' : null) : headMarked ? p.relation : null,
    literate: blank || age < 10 ? null : p.uLit < T.literacy(year, dtts) + litAdj,
    trained: blank || age < 15 ? null : p.uTrain < T.trainedLabour(year, dtts) * trainAdj,
    personId: p.id, age,
  };
}

export interface CensusYear {
  ho: HoRecord[];
  nhanKhau: NhanKhauRecord[];
  /** Present persons by id with their household, for students and cards. */
  people: { person: Person; household: Household }[];
}

export function censusYear(pop: Population, year: number): CensusYear {
  const ho: HoRecord[] = [];
  const nhanKhau: NhanKhauRecord[] = [];
  const people: CensusYear['people'] = [];
  for (const h of pop.households) {
    if (!householdPresent(h, year)) continue;
    const members = membersIn(h, year);
    ho.push(householdRecord(h, year, members.length));
    for (const p of members) {
      nhanKhau.push(personRecord(h, p, year));
      people.push({ person: p, household: h });
    }
  }
  return { ho, nhanKhau, people };
}
