// Prints, per year, the rows of each §7 table and the DTTS (or ALL) area value of each of the 21
// indicators of INDICATORS.md "The indicators of the other sources", computed straight from the
// generator's records (before planted bad rows; see VARIATIONS.md for the blanked values that move
// a figure). Run from packages/sample:  npx tsx scripts/expected-values.ts [--scale 1] [--seed 28]
import { parseArgs } from 'node:util';
import { buildPopulation } from '../src/model/population.ts';
import { buildSchools } from '../src/model/schools.ts';
import { communesIn, yearData } from '../src/model/year.ts';
import { expectedIndicators } from '../src/expected.ts';
import { OTHER_STYLES } from '../src/plan-other.ts';

const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' }, years: { type: 'string' } } });
const scale = Number(values.scale ?? 1);
const seed = Number(values.seed ?? 28);
const years = (values.years ?? '2020,2021,2022,2023,2024,2025').split(',').map(Number);
const pop = buildPopulation(seed, scale);
const schools = buildSchools(seed);
const table: Record<string, Record<number, string>> = {};
for (const year of years) {
  const d = yearData(pop, schools, year, seed);
  const rows = { persons: d.nhanKhau.length, sinh_de: d.sinhDe.length, can_tre: d.canTre.length, hon_nhan: d.honNhan.length, can_bo: d.canBo.length, thon: d.thon.length, xa: d.xa.length, to_chuc_dang: d.toChucDang.length, hoat_dong: d.hoatDong.length };
  const put = (label: string, text: string): void => {
    const byYear = table[label] ?? {};
    byYear[year] = text;
    table[label] = byYear;
  };
  for (const [k, n] of Object.entries(rows)) put(`rows ${k}`, OTHER_STYLES[k as keyof typeof OTHER_STYLES]?.years[year] === undefined && k !== 'persons' ? 'no file' : String(n));
  put('births per 1,000 persons', ((1000 * d.sinhDe.length) / d.nhanKhau.length).toFixed(1));
  // A table the sample writes no file for that year (activities/2021) has no value: no_data.
  const activities = OTHER_STYLES.hoat_dong.years[year] !== undefined;
  for (const v of expectedIndicators(d, communesIn(year).map((c) => c.code))) {
    const fromActivities = ['party_organisation_plans', 'good_examples_per_commune', 'prestige_dialogues', 'ethnic_policy_inspections', 'annual_dtts_survey'].includes(v.id);
    put(`${v.id} ${v.group}`, fromActivities && !activities ? 'no file (no_data)' : v.text);
  }
}
console.log(['', ...years].join('\t'));
for (const [k, byYear] of Object.entries(table)) console.log([k, ...years.map((y) => byYear[y] ?? '')].join('\t'));
