// The bundled sample through the pipeline: every file reconciles, every planted bad row lands in
// the quarantine at its file, row and column (the generator's truth file says where), and the
// warehouse's totals agree with the manifest.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { generateSample, type Truth } from '@dtts/sample';
import type { RunManifest } from './manifest.ts';
import { runPipeline } from './run.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-sample-'));
const sources = join(work, 'sources');
const out = join(work, 'out');
let truth: Truth;
let manifest: RunManifest;
let db: Db;

beforeAll(async () => {
  await generateSample({ dir: sources, scale: 0.03, truthFile: join(work, 'truth.json') });
  truth = JSON.parse(readFileSync(join(work, 'truth.json'), 'utf8')) as Truth;
  manifest = await runPipeline(
    { sourcesDir: sources, usesSample: false, outDir: out, skipReports: true, hashKey: 'sample-test-key-0123456' },
    { info: () => {}, progress: () => {} },
  );
  db = await Db.open(join(out, 'warehouse.duckdb'));
}, 300_000);
afterAll(() => {
  db?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the sample through the pipeline', () => {
  it('reads every file the generator wrote, and reconciles each one', () => {
    expect(manifest.files.map((f) => f.path).sort()).toEqual(truth.files.map((f) => f.file).sort());
    for (const f of truth.files) {
      const got = manifest.files.find((m) => m.path === f.file)!.rows;
      expect({ file: f.file, loaded: got.loaded, quarantined: got.quarantined }).toEqual({ file: f.file, loaded: f.expectedLoaded, quarantined: f.rowsRejected });
      expect(got.read, f.file).toBe(got.loaded + got.quarantined + got.skipped);
      expect(got.skipped, f.file).toBeGreaterThanOrEqual(f.skipped.length);
    }
  });

  it('quarantines exactly the planted bad rows, at their file, row and column', async () => {
    const rows = await db.all<{ file: string; row: number; column: string; action: string }>(`SELECT file, "row", "column", action FROM ingest.quarantine`);
    // A row can fail in more than one column (a bad code AND a bad name); each is recorded.
    const key = (r: { file: string; row: number; action: string }) => `${r.file}#${r.row}#${r.action}`;
    expect([...new Set(rows.map(key))].sort()).toEqual(truth.badRows.map(key).sort());
    for (const bad of truth.badRows) {
      expect(rows.some((r) => key(r) === key(bad) && r.column === bad.column), `${bad.file} row ${bad.row} ${bad.column}`).toBe(true);
    }
    expect(truth.badRows.length).toBeGreaterThanOrEqual(10);
  });

  it('ignores exactly the files that are not sources, with a warning each', () => {
    expect(manifest.ignoredFiles.map((w) => w.file).sort()).toEqual([...truth.ignoredFiles].sort());
  });

  it('warns about the legacy encoding and the abolished codes', () => {
    const warnings = manifest.files.flatMap((f) => f.warnings.map((w) => `${f.path}: ${w}`));
    expect(warnings.some((w) => w.includes('TCVN3'))).toBe(true);
    expect(warnings.some((w) => w.includes('02980'))).toBe(true);
    expect(warnings.some((w) => w.includes('02995'))).toBe(true);
  });

  it('loads what the manifest says, per source and year', async () => {
    const tables: Record<string, string[]> = {
      census: ['census_ho', 'census_nhan_khau'],
      school: ['school_truong', 'school_hoc_sinh'],
      'health-insurance': ['health_insurance_the_bhyt'],
      poverty: ['poverty_ho_ngheo'],
      health: ['health_sinh_de', 'health_can_tre'],
      'civil-registration': ['civil_registration_hon_nhan'],
      staff: ['staff_can_bo'],
      villages: ['villages_thon', 'villages_xa'],
      activities: ['activities_to_chuc_dang', 'activities_hoat_dong'],
    };
    for (const [source, names] of Object.entries(tables)) {
      let n = 0;
      for (const t of names) n += (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ingest.${t}`))?.n ?? 0;
      expect(n, source).toBe(manifest.totals[source]?.loaded);
    }
  });

  it('divides person-based rates by the census persons loaded that year', async () => {
    const rows = await db.all<{ year: number; persons: number; denominator: number }>(`
      SELECT p.year, p.persons, v.denominator
      FROM (SELECT year, count(*) AS persons FROM ingest.census_nhan_khau GROUP BY year) p
      JOIN marts.indicator_values v ON v.year = p.year
      WHERE v.indicator_id = 'health_insurance_coverage' AND v.geo_level = 'area' AND v.ethnic_group = 'ALL' AND v.sex = 'ALL'
      ORDER BY p.year`);
    expect(rows.map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const r of rows) expect(r.denominator, String(r.year)).toBe(r.persons);
  });

  it('exports one CSV line per indicator value', () => {
    const lines = readFileSync(join(out, 'exports/indicator_values.csv'), 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(manifest.indicators.rows);
    expect(manifest.indicators.rows).toBeGreaterThan(1000);
  });
});
