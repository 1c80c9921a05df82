// area_rate_collapse: a coverage or rate of the whole area that halves in a year is an error; an
// ordinary movement is not. Households with 10 persons each: hygienic water 100% → 90% → 10%.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Built, buildWith, ndv } from '../../test/fixture.ts';

const year = (y: number, withWater: number) => {
  const households = Array.from({ length: 10 }, (_, i) => `(${y}, 'census/${y}/ho.csv', ${i + 2}, 'H${i}', '02947', ${i < withWater})`);
  const persons = Array.from({ length: 10 }, (_, i) => `(${y}, 'census/${y}/nk.csv', ${i + 2}, 'H${i}', 1, 'Nam', 1980, '08', 'Chủ hộ')`);
  return `insert into ingest.census_ho (year, source_file, source_row, ma_ho, commune_code, nuoc_hop_ve_sinh) values ${households.join(', ')};
insert into ingest.census_nhan_khau (year, source_file, source_row, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho) values ${persons.join(', ')};`;
};

let built: Built;
beforeAll(async () => { built = await buildWith([year(2023, 10), year(2024, 9), year(2025, 1)].join('\n')); });
afterAll(() => built.db.close());

it('flags 90% → 10% at area level as an error, for ALL and DTTS, and not 100% → 90%', async () => {
  expect(await ndv(built.db, 'hygienic_water_persons', { year: 2024 })).toEqual([9, 10, 90]);
  expect(await ndv(built.db, 'hygienic_water_persons', { year: 2025 })).toEqual([1, 10, 10]);
  const check = built.result.checks.find((c) => c.id === 'area_rate_collapse');
  expect(check?.severity).toBe('error');
  const keys = check?.sampleKeys ?? [];
  expect(keys.filter((k) => k.startsWith('hygienic_water_persons/'))).toEqual([
    'hygienic_water_persons/2024→2025/BAO_YEN/ALL/90.0→10.0',
    'hygienic_water_persons/2024→2025/BAO_YEN/DTTS/90.0→10.0',
  ]);
  expect(keys.some((k) => k.includes('2023→2024'))).toBe(false);
});
