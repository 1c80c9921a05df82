import { rngFor, type Rng } from '../rng.ts';
import { communeModels, type CommuneModel } from './communes.ts';
import { familyName, fullName, hamlets } from './names.ts';
import { FIRST_YEAR, LAST_YEAR } from './trends.ts';

export type Sex = 1 | 2;

export interface Person {
  id: number;
  stt: number;
  name: string;
  sex: Sex;
  birthY: number;
  birthM: number;
  birthD: number;
  ethnic: string;
  relation: string;
  /** 12-digit citizen id (số định danh). */
  cccd: string;
  /** 10-digit social insurance number, the tail of every card number. */
  bhxh: string;
  studentId: string;
  /** First census year the person is no longer there (9999: never). */
  goneFrom: number;
  // Latent uniforms: a rate rising over the years switches a person on once and for good.
  uLit: number;
  uTrain: number;
  uEnrol: number;
  uLate: number;
  uIns: number;
  uCard: number;
  uBlank: number;
}

export interface Household {
  id: number;
  maHo: string;
  commune: CommuneModel;
  /** Code written in 2020 for households of former Long Phúc (merged into Phúc Khánh). */
  oldCode2019: string | null;
  thon: string;
  head: Person;
  members: Person[];
  fromYear: number;
  /** 'head_not_first': an elderly parent is stt 1; 'no_head_marked': no member is marked Chủ hộ. */
  quirk: 'head_not_first' | 'no_head_marked' | null;
  uWealth: number;
  uElec: number;
  uWater: number;
  uRisk: number;
  uReloc: number;
  uBlank: number;
}

export interface Population {
  households: Household[];
  persons: number;
}

/** Census reference date: 1 October YEAR. */
export function presentIn(p: Person, year: number): boolean {
  if (p.goneFrom <= year) return false;
  if (p.birthY < year) return true;
  return p.birthY === year && (p.birthM < 10 || (p.birthM === 10 && p.birthD === 1));
}

export function householdPresent(h: Household, year: number): boolean {
  return h.fromYear <= year;
}

const FERTILITY: Record<string, number> = { '08': 0.12, '09': 0.085, '40': 0.1, '01': 0.06 };
const CHILDREN: Record<string, number> = { '08': 3.6, '09': 2.5, '40': 3, '01': 1.7 };

function mortality(age: number): number {
  if (age < 1) return 0.01;
  if (age < 50) return 0.0015;
  if (age < 65) return 0.01;
  if (age < 75) return 0.03;
  return 0.08;
}

class Builder {
  private nextPerson = 1;
  private nextHousehold = 1;
  readonly households: Household[] = [];
  private readonly perCommune = new Map<string, number>();

  person(rng: Rng, fields: { name: string; sex: Sex; age: number; ethnic: string; relation: string; stt: number; refYear: number }): Person {
    const id = this.nextPerson++;
    const birthY = fields.refYear - fields.age;
    // Someone born in the census year is counted only if born by 1 October.
    const birthM = birthY === fields.refYear ? rng.int(1, 9) : rng.int(1, 12);
    const birthD = rng.int(1, birthM === 2 ? 28 : 30);
    const century = birthY >= 2000 ? 2 : 0;
    return {
      id, stt: fields.stt, name: fields.name, sex: fields.sex, birthY, birthM, birthD,
      ethnic: fields.ethnic, relation: fields.relation,
      // Province code 010 (Lào Cai) and a 6-digit serial; past a million people (scale > 10) the serial
      // would repeat, so each further million takes the next province code (011, 012, …): ids stay unique.
      cccd: `0${String(10 + Math.floor(id / 1_000_000)).padStart(2, '0')}${century + fields.sex - 1}${String(birthY % 100).padStart(2, '0')}${String((id * 7919) % 1_000_000).padStart(6, '0')}`,
      bhxh: `10${String((id * 104_729) % 100_000_000).padStart(8, '0')}`,
      studentId: `10${String((id * 15_485_863) % 100_000_000).padStart(8, '0')}`,
      goneFrom: 9999,
      uLit: rng.next(), uTrain: rng.next(), uEnrol: rng.next(), uLate: rng.next(), uIns: rng.next(), uCard: rng.next(), uBlank: rng.next(),
    };
  }

  household(rng: Rng, commune: CommuneModel, thon: string, fromYear: number, young: boolean): Household {
    const ethnic = rng.weighted(commune.mix);
    const headSex: Sex = rng.chance(0.88) ? 1 : 2;
    const headAge = young ? rng.int(20, 30) : Math.min(85, Math.max(20, Math.round(44 + rng.normal() * 13)));
    const family = familyName(rng, ethnic);
    const members: Person[] = [];
    let stt = 1;
    const head = this.person(rng, { name: fullName(rng, family, ethnic, headSex), sex: headSex, age: headAge, ethnic, relation: 'Chủ hộ', stt: stt++, refYear: fromYear });
    members.push(head);
    const hasSpouse = rng.chance(young ? 0.95 : headAge < 65 ? 0.86 : 0.6);
    let mother: Person | null = headSex === 2 ? head : null;
    if (hasSpouse) {
      const spouseSex: Sex = headSex === 1 ? 2 : 1;
      const spouseEthnic = rng.chance(0.88) ? ethnic : rng.weighted(commune.mix);
      const spouseAge = Math.max(18, headAge + (spouseSex === 2 ? -rng.int(0, 6) : rng.int(0, 5)));
      const spouse = this.person(rng, {
        name: fullName(rng, familyName(rng, spouseEthnic), spouseEthnic, spouseSex), sex: spouseSex, age: spouseAge,
        ethnic: spouseEthnic, relation: spouseSex === 2 ? 'Vợ' : 'Chồng', stt: stt++, refYear: fromYear,
      });
      members.push(spouse);
      if (spouseSex === 2) mother = spouse;
    }
    const motherAge = mother ? fromYear - mother.birthY : headAge;
    const kids = young ? rng.int(0, 1) : Math.max(0, Math.round((CHILDREN[ethnic] ?? 2.1) + 0.4 + rng.normal() * 1.1));
    for (let k = 0; k < kids; k++) {
      const age = motherAge - rng.int(19, 38);
      if (age < 0 || age > 28) continue;
      const sex: Sex = rng.chance(0.51) ? 1 : 2;
      members.push(this.person(rng, { name: fullName(rng, family, ethnic, sex), sex, age, ethnic, relation: 'Con', stt: stt++, refYear: fromYear }));
    }
    // Three generations under one roof: a married son, his wife and their children.
    if (!young && headAge >= 48 && rng.chance(ethnic === '01' ? 0.2 : 0.38)) {
      const sonAge = Math.max(19, motherAge - rng.int(20, 28));
      members.push(this.person(rng, { name: fullName(rng, family, ethnic, 1), sex: 1, age: sonAge, ethnic, relation: 'Con', stt: stt++, refYear: fromYear }));
      const wifeEthnic = rng.chance(0.85) ? ethnic : rng.weighted(commune.mix);
      members.push(this.person(rng, { name: fullName(rng, familyName(rng, wifeEthnic), wifeEthnic, 2), sex: 2, age: Math.max(18, sonAge - rng.int(0, 4)), ethnic: wifeEthnic, relation: 'Con dâu', stt: stt++, refYear: fromYear }));
      const grandchildren = rng.int(0, ethnic === '08' ? 3 : 2);
      for (let k = 0; k < grandchildren; k++) {
        const sex: Sex = rng.chance(0.51) ? 1 : 2;
        const age = sonAge - rng.int(19, 30);
        if (age >= 0) members.push(this.person(rng, { name: fullName(rng, family, ethnic, sex), sex, age, ethnic, relation: 'Cháu', stt: stt++, refYear: fromYear }));
      }
    }
    let quirk: Household['quirk'] = null;
    if (!young && headAge < 58 && rng.chance(0.18)) {
      const sex: Sex = rng.chance(0.4) ? 1 : 2;
      const parent = this.person(rng, {
        name: fullName(rng, sex === 1 ? family : familyName(rng, ethnic), ethnic, sex), sex, age: Math.min(95, headAge + rng.int(21, 34)),
        ethnic, relation: sex === 1 ? 'Bố' : 'Mẹ', stt: stt++, refYear: fromYear,
      });
      // Some rosters list the elderly parent first: the head is then not stt 1.
      if (rng.chance(0.06)) {
        quirk = 'head_not_first';
        parent.stt = 1;
        for (const m of members) m.stt += 1;
        members.unshift(parent);
      } else members.push(parent);
    }
    if (quirk === null && rng.chance(0.004)) quirk = 'no_head_marked';
    const seq = (this.perCommune.get(commune.code) ?? 0) + 1;
    this.perCommune.set(commune.code, seq);
    const h: Household = {
      id: this.nextHousehold++, maHo: `HGD${commune.code}${String(seq).padStart(5, '0')}`, commune,
      oldCode2019: null, thon, head, members, fromYear, quirk,
      uWealth: rng.next(), uElec: rng.next(), uWater: rng.next(), uRisk: rng.next(), uReloc: rng.next(), uBlank: rng.next(),
    };
    this.households.push(h);
    return h;
  }

  /** Births and deaths from 2021 on, drawn year by year so the population ages consistently. */
  evolve(rng: Rng, h: Household): void {
    for (let year = Math.max(FIRST_YEAR, h.fromYear) + 1; year <= LAST_YEAR; year++) {
      for (const p of h.members) {
        if (p === h.head || p.goneFrom !== 9999 || p.birthY >= year) continue;
        if (rng.chance(mortality(year - p.birthY))) p.goneFrom = year;
      }
      const mother = h.members.find((p) => p.sex === 2 && p.goneFrom > year && (p === h.head || p.relation === 'Vợ' || p.relation === 'Con dâu') && year - p.birthY >= 18 && year - p.birthY <= 42);
      if (!mother) continue;
      const motherAge = year - mother.birthY;
      const ethnic = h.head.ethnic;
      if (!rng.chance((FERTILITY[ethnic] ?? 0.07) * (motherAge > 35 ? 0.4 : 1))) continue;
      const sex: Sex = rng.chance(0.51) ? 1 : 2;
      const stt = Math.max(...h.members.map((m) => m.stt)) + 1;
      const father = h.head.sex === 1 ? h.head : null;
      const family = (father ?? mother).name.split(' ')[0]!;
      const child = this.person(rng, { name: fullName(rng, family, ethnic, sex), sex, age: 0, ethnic, relation: 'Con', stt, refYear: year });
      // A baby may be born after 1 October: it then appears in next year's census.
      child.birthM = rng.int(1, 12);
      child.birthD = rng.int(1, child.birthM === 2 ? 28 : 30);
      h.members.push(child);
    }
  }
}

/** The district's people 2020–2025 at the given scale (1 = real size), all years at once. */
export function buildPopulation(seed: number, scale: number): Population {
  const b = new Builder();
  const hamletsOf2025 = new Map<string, Set<string>>();
  for (const commune of communeModels) {
    const rng = rngFor(seed, 'population', commune.code);
    const baseYear = commune.vanBan ? LAST_YEAR : FIRST_YEAR;
    const target = Math.max(12, Math.round(commune.population2020 * scale * 0.985));
    const drawn = hamlets(rng, commune.code === '02947', Math.max(3, Math.min(12, Math.round(commune.population2020 / 550))));
    const thons = synthetic(commune) ? uniqueWithin(hamletsOf2025, commune.code2025, drawn) : drawn;
    let persons = 0;
    const own: Household[] = [];
    while (persons < target) {
      const h = b.household(rng, commune, rng.pick(thons), baseYear, false);
      if (commune.code === '02998' && rng.chance(0.42)) h.oldCode2019 = '02995';
      own.push(h);
      persons += h.members.length;
    }
    // Fixed places for two roster quirks, so tests and VARIATIONS.md can point at them:
    // household 00002 of every commune marks no head, household 00003 lists its head second.
    const [, second, third] = own;
    if (second && second.quirk === null) second.quirk = 'no_head_marked';
    if (third && third.quirk === null && third.members.length >= 2) {
      const other = third.members[1]!;
      [third.head.stt, other.stt] = [other.stt, third.head.stt];
      third.members.sort((a, b) => a.stt - b.stt);
      third.quirk = 'head_not_first';
    }
    // Young couples setting up house: about 0.7% more households a year.
    for (let year = baseYear + 1; year <= LAST_YEAR; year++) {
      const n = Math.round(own.length * 0.007 + rng.next() * 0.5);
      for (let i = 0; i < n; i++) own.push(b.household(rng, commune, rng.pick(thons), year, true));
    }
    for (const h of own) b.evolve(rng, h);
  }
  return { households: b.households, persons: b.households.reduce((s, h) => s + h.members.length, 0) };
}

/** A commune of a synthetic geography (`--communes N`), which takes the picture of one of the 17. */
const synthetic = (c: CommuneModel): boolean => c.like !== c.code;

/**
 * Hamlet names unique within the 2025 commune: a synthetic commune's hamlets come from the same 24
 * names as its neighbours', so a name an earlier constituent of its merged commune took gets a
 * number (`Thôn Nà Pồng 2`). The real sample keeps its one deliberate shared name (VARIATIONS.md,
 * villages), which its former commune (xa_cu) tells apart.
 */
function uniqueWithin(taken: Map<string, Set<string>>, commune2025: string, names: string[]): string[] {
  const used = taken.get(commune2025) ?? new Set<string>();
  taken.set(commune2025, used);
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} ${n}`;
    used.add(unique);
    return unique;
  });
}

/** Members present in the census of that year, in roster order. */
export function membersIn(h: Household, year: number): Person[] {
  return h.members.filter((p) => presentIn(p, year));
}
