import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { school } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

describeConnector(school, fixtures);

describe('school values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [school], hashKey: 'k' });
  });
  afterAll(() => db.close());
  const schools = (year: number) =>
    db.all(`SELECT ma_truong, commune_code, loai_truong, dat_chuan_quoc_gia, so_phong_hoc, so_phong_kien_co, co_hoc_sinh_ban_tru
            FROM ingest.school_truong WHERE year = ? ORDER BY ma_truong`, [year]);
  const students = (year: number) =>
    db.all(`SELECT source_row, ngay_sinh, nam_sinh, gioi_tinh, dan_toc, commune_code, ma_truong, cap_hoc, lop, noi_tru
            FROM ingest.school_hoc_sinh WHERE year = ? ORDER BY source_row`, [year]);

  it('reads x marks (blank = false for columns the file has), codes without leading zeros and school kinds', async () => {
    expect(await schools(2024)).toEqual([
      { ma_truong: 'T01', commune_code: '02989', loai_truong: 'PTDTBT', dat_chuan_quoc_gia: true, so_phong_hoc: 12, so_phong_kien_co: 10, co_hoc_sinh_ban_tru: true },
      { ma_truong: 'T02', commune_code: '02947', loai_truong: 'MN', dat_chuan_quoc_gia: false, so_phong_hoc: 8, so_phong_kien_co: 8, co_hoc_sinh_ban_tru: false },
      { ma_truong: 'T03', commune_code: '02962', loai_truong: 'THCS', dat_chuan_quoc_gia: null, so_phong_hoc: 10, so_phong_kien_co: 6, co_hoc_sinh_ban_tru: true },
      { ma_truong: 'T06', commune_code: '02947', loai_truong: 'PTDTNT', dat_chuan_quoc_gia: true, so_phong_hoc: null, so_phong_kien_co: null, co_hoc_sinh_ban_tru: true },
      { ma_truong: 'T07', commune_code: '02965', loai_truong: 'TH&THCS', dat_chuan_quoc_gia: false, so_phong_hoc: 9, so_phong_kien_co: 9, co_hoc_sinh_ban_tru: true },
    ]);
  });

  it('maps Long Phúc (02995) forward to Phúc Khánh in 2020 and keeps a boolean column the file lacks unknown', async () => {
    expect(await schools(2020)).toEqual([
      { ma_truong: 'T11', commune_code: '02998', loai_truong: 'TH', dat_chuan_quoc_gia: true, so_phong_hoc: 8, so_phong_kien_co: null, co_hoc_sinh_ban_tru: null },
      { ma_truong: 'T12', commune_code: '02998', loai_truong: 'THCS', dat_chuan_quoc_gia: false, so_phong_hoc: 10, so_phong_kien_co: null, co_hoc_sinh_ban_tru: null },
      { ma_truong: 'T13', commune_code: '02983', loai_truong: 'MN', dat_chuan_quoc_gia: false, so_phong_hoc: null, so_phong_kien_co: null, co_hoc_sinh_ban_tru: null },
    ]);
  });

  it('resolves 2025 names to the new communes (Phố Ràng forward to Xã Bảo Yên) and reads every boolean form; blank stays unknown without x marks', async () => {
    expect(await schools(2025)).toEqual([
      { ma_truong: 'T01', commune_code: '02989', loai_truong: 'PTDTBT', dat_chuan_quoc_gia: true, so_phong_hoc: 12, so_phong_kien_co: 12, co_hoc_sinh_ban_tru: true },
      { ma_truong: 'T07', commune_code: '02947', loai_truong: 'PTDTNT', dat_chuan_quoc_gia: true, so_phong_hoc: 20, so_phong_kien_co: 18, co_hoc_sinh_ban_tru: false },
      { ma_truong: 'T08', commune_code: '02962', loai_truong: 'TH&THCS', dat_chuan_quoc_gia: false, so_phong_hoc: null, so_phong_kien_co: null, co_hoc_sinh_ban_tru: null },
      { ma_truong: 'T09', commune_code: '02998', loai_truong: 'THCS&THPT', dat_chuan_quoc_gia: false, so_phong_hoc: 15, so_phong_kien_co: 15, co_hoc_sinh_ban_tru: true },
      { ma_truong: 'T10', commune_code: '02947', loai_truong: 'MN', dat_chuan_quoc_gia: true, so_phong_hoc: 8, so_phong_kien_co: 8, co_hoc_sinh_ban_tru: false },
    ]);
  });

  it('reads 2024 students: every date form, a year alone, sex codes, ethnic names and codes, communes by code and name', async () => {
    expect(await students(2024)).toEqual([
      { source_row: 3, ngay_sinh: '2015-09-05', nam_sinh: 2015, gioi_tinh: 'Nam', dan_toc: '02', commune_code: '02947', ma_truong: 'T01', cap_hoc: 'TH', lop: '4A', noi_tru: 'Bán trú' },
      { source_row: 4, ngay_sinh: '2012-09-05', nam_sinh: 2012, gioi_tinh: 'Nữ', dan_toc: '08', commune_code: '02947', ma_truong: 'T06', cap_hoc: 'THCS', lop: '7A', noi_tru: 'Nội trú' },
      { source_row: 5, ngay_sinh: null, nam_sinh: 2010, gioi_tinh: 'Nam', dan_toc: '08', commune_code: '02989', ma_truong: 'T03', cap_hoc: 'THCS', lop: '8B', noi_tru: null },
      { source_row: 6, ngay_sinh: '2019-03-15', nam_sinh: 2019, gioi_tinh: 'Nữ', dan_toc: '09', commune_code: '02989', ma_truong: 'T02', cap_hoc: 'MN', lop: 'Mẫu giáo lớn', noi_tru: null },
    ]);
  });

  it('reads 2025 students from Excel date cells; 02947 is now Xã Bảo Yên and 2980 is mapped to it', async () => {
    expect(await students(2025)).toEqual([
      { source_row: 5, ngay_sinh: '2014-09-05', nam_sinh: 2014, gioi_tinh: 'Nam', dan_toc: '02', commune_code: '02947', ma_truong: 'T07', cap_hoc: 'THCS', lop: '6', noi_tru: 'Nội trú' },
      { source_row: 6, ngay_sinh: '2016-01-20', nam_sinh: 2016, gioi_tinh: 'Nữ', dan_toc: '08', commune_code: '02947', ma_truong: 'T01', cap_hoc: 'TH', lop: '3', noi_tru: null },
      { source_row: 7, ngay_sinh: null, nam_sinh: 2013, gioi_tinh: 'Nam', dan_toc: '08', commune_code: '02989', ma_truong: 'T08', cap_hoc: 'THCS', lop: '7', noi_tru: 'Bán trú' },
      { source_row: 8, ngay_sinh: '2011-01-20', nam_sinh: 2011, gioi_tinh: 'Nữ', dan_toc: '25', commune_code: '02962', ma_truong: 'T09', cap_hoc: 'THPT', lop: '10', noi_tru: null },
      { source_row: 9, ngay_sinh: '2019-06-01', nam_sinh: 2019, gioi_tinh: 'Nam', dan_toc: '09', commune_code: '02962', ma_truong: 'T10', cap_hoc: 'MN', lop: 'Lớp 5 tuổi', noi_tru: null },
    ]);
    const warnings = await db.all<{ file: string; code: string }>(`SELECT file, code FROM ingest.warnings WHERE source = 'school' AND year IS NOT NULL ORDER BY file`);
    expect(warnings).toContainEqual({ file: 'school/2025/hoc_sinh_xa_bao_yen.xlsx', code: 'commune_mapped_forward' });
  });

  it('hashes student ids and masks the repeated one in the quarantine, reason included', async () => {
    const hashes = await db.all<{ h: string }>(`SELECT ma_hoc_sinh_hash AS h FROM ingest.school_hoc_sinh`);
    for (const { h } of hashes) expect(h).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const dup = await db.one<{ value: string; reason: string; params: string }>(
      `SELECT value, reason, params FROM ingest.quarantine WHERE file = 'school/2024/hoc_sinh_bao_yen.csv' AND "row" = 11`,
    );
    expect(dup?.value).toBe('20******01');
    expect(dup?.reason).toContain('duplicate ma_hoc_sinh');
    expect(dup?.reason).not.toContain('2024000001');
    expect(dup?.params).not.toContain('2024000001');
  });

  it('keeps the raw value of non-personal columns in the quarantine', async () => {
    const rows = await db.all<{ row: number; column: string; value: string }>(
      `SELECT "row", "column", value FROM ingest.quarantine WHERE file = 'school/2024/truong_bao_yen.xlsx' ORDER BY "row"`,
    );
    expect(rows).toEqual([
      { row: 8, column: 'dat_chuan_quoc_gia', value: 'abc' },
      { row: 9, column: 'so_phong_kien_co', value: '9' },
      { row: 10, column: 'loai_truong', value: 'GDTX' },
      { row: 11, column: 'ma_truong', value: 'T01' },
      { row: 12, column: 'so_phong_hoc', value: '-3' },
    ]);
  });
});
