import { activitiesOf, partyOrganisationsOf } from './activities.ts';
import { cardsOf } from './cards.ts';
import { censusYear } from './census.ts';
import { communeModels, communes2025 } from './communes.ts';
import { deliveriesOf, weighingsOf } from './health.ts';
import { couplesOf } from './marriages.ts';
import type { Population } from './population.ts';
import { povertyReview } from './poverty.ts';
import type { YearData } from './records.ts';
import { schoolOpen, truongRecord, type School } from './schools.ts';
import { buildPosts, staffOf, type Post } from './staff.ts';
import { studentsOf } from './students.ts';
import { buildVillages, communesOf, villagesOf } from './villages.ts';

// Staff posts and villages hold their latent draws for all years; built once per population.
const worlds = new WeakMap<Population, { posts: Post[]; villages: ReturnType<typeof buildVillages> }>();

/** The communes in force in the year: the 17 of 2020 up to 2024, the six new ones in 2025. */
export function communesIn(year: number): { code: string; name: string }[] {
  return year >= 2025 ? communes2025.map((u) => ({ code: u.code, name: u.name })) : communeModels.filter((c) => !c.vanBan).map((c) => ({ code: c.code, name: c.name }));
}

/** Every table's canonical rows for one year, before any file style. */
export function yearData(pop: Population, schools: School[], year: number, seed: number): YearData {
  const census = censusYear(pop, year);
  const hocSinh = studentsOf(census, schools, year, seed);
  let world = worlds.get(pop);
  if (!world) {
    world = { posts: buildPosts(seed), villages: buildVillages(pop, seed) };
    worlds.set(pop, world);
  }
  const communes = communesIn(year);
  return {
    year,
    ho: census.ho,
    nhanKhau: census.nhanKhau,
    truong: schools.filter((s) => schoolOpen(s, year)).map((s) => truongRecord(s, year)),
    hocSinh,
    theBhyt: cardsOf(census, hocSinh, year),
    hoNgheo: povertyReview(census, year, seed),
    sinhDe: deliveriesOf(census, year, seed),
    canTre: weighingsOf(census, year, seed),
    honNhan: couplesOf(census, year, seed),
    canBo: staffOf(world.posts, year),
    thon: villagesOf(world.villages, year),
    xa: communesOf(communes.map((c) => c.code), year, seed),
    toChucDang: partyOrganisationsOf(communes, year, seed),
    hoatDong: activitiesOf(communes, year, seed),
  };
}
