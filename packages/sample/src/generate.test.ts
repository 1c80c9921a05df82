import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { communes2025 } from './model/communes.ts';
import { readGrid } from './testing/read-back.ts';
import { smallSample } from './testing/small-sample.ts';
import type { SampleSummary } from './generate.ts';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

let a: { dir: string; summary: SampleSummary };
let b: { dir: string; summary: SampleSummary };

beforeAll(async () => {
  [a, b] = await Promise.all([smallSample(), smallSample()]);
}, 60_000);

describe('generateSample', () => {
  it('is deterministic: two runs write the same files and byte-identical CSVs', async () => {
    const filesA = await listFiles(a.dir);
    const filesB = await listFiles(b.dir);
    expect(filesA).toEqual(filesB);
    const csvs = filesA.filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(100);
    for (const f of csvs) {
      const [x, y] = await Promise.all([readFile(join(a.dir, f)), readFile(join(b.dir, f))]);
      expect(x.equals(y), f).toBe(true);
    }
  });

  it('lays out the four sources by year, census one file per commune per table', async () => {
    const files = await listFiles(a.dir);
    for (const source of ['census', 'school', 'health-insurance', 'poverty']) {
      for (let y = 2020; y <= 2025; y++) expect(files.some((f) => f.startsWith(`${source}/${y}/`)), `${source}/${y}`).toBe(true);
    }
    for (let y = 2020; y <= 2024; y++) {
      expect(files.filter((f) => f.startsWith(`census/${y}/ho_`))).toHaveLength(17);
      expect(files.filter((f) => f.startsWith(`census/${y}/nhan_khau_`))).toHaveLength(17);
    }
    expect(files.filter((f) => f.startsWith('census/2025/ho_'))).toHaveLength(6);
    expect(files).toContain('census/2024/ho_xa_bao_ha.csv');
    expect(files).toContain('census/2025/nhan_khau_xa_bao_yen.csv');
    expect(files.every((f) => /^[a-z0-9_\-/.~$]+$/i.test(f)), 'ASCII file names').toBe(true);
  });

  it('uses the 2020 frame up to 2024 and the six new communes in 2025 (plus the planted abolished codes)', async () => {
    const codesIn = async (year: number): Promise<Set<string>> => {
      const codes = new Set<string>();
      for (const f of a.summary.files.filter((x) => x.year === year && x.source === 'census' && x.table === 'ho' && x.format === 'csv')) {
        const g = await readGrid(join(a.dir, f.file));
        const header = g.rows[f.headerRow]!;
        const col = header.findIndex((h) => ['ma_xa', 'Mã xã', 'Ma xa'].includes(h));
        if (col < 0) continue;
        for (let r = f.firstDataRow; r < f.firstDataRow + f.dataRows; r++) codes.add(g.rows[r]![col]!.padStart(5, '0'));
      }
      return codes;
    };
    const new2025 = communes2025.map((u) => u.code);
    const codes2025 = await codesIn(2025);
    expect([...codes2025].sort()).toEqual([...new2025.filter((c) => codes2025.has(c)), '02980'].sort());
    expect(codes2025.has('02980')).toBe(true);
    const codes2020 = await codesIn(2020);
    expect(codes2020.has('02995')).toBe(true);
    expect(codes2020.has('03079')).toBe(false);
    expect([...codes2020].every((c) => c >= '02947' && c <= '02998')).toBe(true);
  });

  it('returns per source/year/table counts that match the files', () => {
    const census2024 = a.summary.rows.find((r) => r.source === 'census' && r.year === 2024 && r.table === 'nhan_khau');
    expect(census2024?.files).toBe(17);
    const sum = a.summary.files.filter((f) => f.year === 2024 && f.table === 'nhan_khau').reduce((s, f) => s + f.dataRows, 0);
    expect(census2024?.rows).toBe(sum);
    expect(a.summary.badRows.length).toBeGreaterThanOrEqual(10);
    expect(a.summary.badRows.length).toBeLessThanOrEqual(30);
  });
});

describe('csvOnly', () => {
  it('writes one plain CSV per table and year, header on line 1, no title or bad rows', async () => {
    const { dir, summary } = await smallSample({ csvOnly: true });
    const files = await listFiles(dir);
    expect(files.every((f) => f.endsWith('.csv'))).toBe(true);
    // Six tables of the first four sources and six of the other five every year; to_chuc_dang in
    // 2020 and 2022–2024, hoat_dong in every year but 2021 (the missing activities year).
    expect(files).toHaveLength(6 * 6 + 6 * 6 + 4 + 5);
    expect(files.filter((f) => f.startsWith('activities/2021/'))).toEqual([]);
    expect((await readFile(join(dir, 'health/2025/can_tre.csv'), 'utf8')).split('\n')[0]).toBe('ma_tre,ho_ten,ngay_sinh,gioi_tinh,dan_toc,ma_xa,ngay_can,can_nang');
    expect((await readFile(join(dir, 'villages/2025/thon.csv'), 'utf8')).split('\n')[1]).toMatch(/^\d{5},[^,]+,\d{5},/);
    expect(summary.badRows).toHaveLength(0);
    const text = await readFile(join(dir, 'census/2025/nhan_khau.csv'), 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const [header, first] = text.split('\n');
    expect(header).toBe('ma_ho,stt,ho_ten,so_dinh_danh,gioi_tinh,ngay_sinh,dan_toc,quan_he_chu_ho,biet_doc_viet,dao_tao_nghe');
    expect(first).toMatch(/^HGD\d{10},\d+,[^,]+,\d{12},[12],\d{4}-\d{2}-\d{2},\d{2},/);
    const ho = await readFile(join(dir, 'census/2025/ho.csv'), 'utf8');
    expect(ho).not.toMatch(/,02980,/);
    expect(ho).toMatch(/^HGD0298000001,02947,/m);
  }, 60_000);
});
