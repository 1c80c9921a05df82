import { cardsOf } from './cards.ts';
import { censusYear } from './census.ts';
import type { Population } from './population.ts';
import { povertyReview } from './poverty.ts';
import type { YearData } from './records.ts';
import { schoolOpen, truongRecord, type School } from './schools.ts';
import { studentsOf } from './students.ts';

/** Every table's canonical rows for one year, before any file style. */
export function yearData(pop: Population, schools: School[], year: number, seed: number): YearData {
  const census = censusYear(pop, year);
  const hocSinh = studentsOf(census, schools, year, seed);
  return {
    year,
    ho: census.ho,
    nhanKhau: census.nhanKhau,
    truong: schools.filter((s) => schoolOpen(s, year)).map((s) => truongRecord(s, year)),
    hocSinh,
    theBhyt: cardsOf(census, hocSinh, year),
    hoNgheo: povertyReview(census, year, seed),
  };
}
