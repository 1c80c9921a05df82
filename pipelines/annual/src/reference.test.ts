// `--reference DIR` end to end: the sample's synthetic geography (7 communes of 2020 merged into 3 in
// 2025), a real sources folder and DuckDB file, and values for exactly those communes, checked against
// counts taken from the source CSV files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, useSyntheticGeography } from '@dtts/sample';
import { readConfig, UsageError } from './config.ts';
import { runPipeline } from './run.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-reference-run-'));
const sources = join(work, 'sources');
const referenceDir = join(work, 'reference');
const out = join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Rows of a plain sample CSV (no quoted commas in these columns). */
function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  const names = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

let values: Record<string, string>[];
beforeAll(async () => {
  await useSyntheticGeography(7, referenceDir);
  await generateSample({ dir: sources, scale: 0.03, years: [2020, 2021, 2025], csvOnly: true });
  await runPipeline({ sourcesDir: sources, usesSample: false, outDir: out, skipReports: true, hashKey: 'reference-test-key-0123', referenceDir }, { info: () => {}, progress: () => {} });
  values = csvRows(join(out, 'exports/indicator_values.csv'));
}, 600_000);

describe('pnpm pipeline --reference on a synthetic geography', () => {
  it('computes values for its communes, and for no other', () => {
    const codes = (level: string, year: string) => [...new Set(values.filter((v) => v.geo_level === level && v.year === year).map((v) => v.geo_code))].sort();
    expect(codes('commune_2020', '2021')).toEqual(['90001', '90002', '90003', '90004', '90005', '90006', '90007']);
    expect(codes('commune_2025', '2025')).toEqual(['90001', '90004', '90007']);
    expect(codes('commune_2025', '2021')).toEqual(['90001', '90004', '90007']);
  });

  it('counts households with grid electricity as the source files do, per commune of each frame', () => {
    const ho = (year: number) => csvRows(join(sources, `census/${year}/ho.csv`));
    const expected = (rows: Record<string, string>[], codes: string[]) => {
      const own = rows.filter((r) => codes.includes(r.ma_xa!));
      return [String(own.filter((r) => r.dien_luoi === 'TRUE').length), String(own.length)];
    };
    const got = (year: number, level: string, code: string) => {
      const v = values.find((x) => x.indicator_id === 'grid_electricity_households' && x.year === String(year) && x.geo_level === level
        && x.geo_code === code && x.ethnic_group === 'ALL' && x.sex === 'ALL');
      return [v?.numerator, v?.denominator];
    };
    // 2025 files carry the new communes' codes; 2021's are summed into them through the crosswalk (90004 = 90004–90006).
    expect(got(2025, 'commune_2025', '90004')).toEqual(expected(ho(2025), ['90004']));
    expect(got(2021, 'commune_2020', '90005')).toEqual(expected(ho(2021), ['90005']));
    expect(got(2021, 'commune_2025', '90004')).toEqual(expected(ho(2021), ['90004', '90005', '90006']));
    expect(Number(got(2021, 'commune_2025', '90004')[1])).toBeGreaterThan(0);
  });

  it("checks a 2025 village's former commune against this geography's crosswalk, not the bundled one", () => {
    const quarantine = readFileSync(join(out, 'exports/quarantine.csv'), 'utf8');
    const thon = csvRows(join(sources, 'villages/2025/thon.csv'));
    expect(thon.filter((r) => r.xa_cu && r.xa_cu !== r.ma_xa).length).toBeGreaterThan(0);
    expect(quarantine).not.toContain('former_commune_not_part');
  });

  it('records the reference folder in the manifest', () => {
    expect(JSON.parse(readFileSync(join(out, 'run-manifest.json'), 'utf8')).referenceDir).toBe(referenceDir);
  });

  it('refuses a reference folder without a commune file, naming it', () => {
    expect(() => readConfig(['--reference', sources], { DTTS_HASH_KEY: 'reference-test-key-0123' })).toThrow(UsageError);
    expect(() => readConfig(['--reference', sources], { DTTS_HASH_KEY: 'reference-test-key-0123' })).toThrow(/has no bao_yen_communes_2019_abolished\.csv/);
  });
});
