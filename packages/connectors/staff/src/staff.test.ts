import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { staff } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(staff, fixtures);

describe('staff values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [staff], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());
  const rows = (year: number) =>
    db.all(`SELECT source_row, gioi_tinh, ngay_sinh::VARCHAR AS ngay_sinh, nam_sinh, dan_toc, cap, commune_code, loai, giao_vien, trinh_do, chu_chot, boi_duong_qlkt
            FROM ingest.staff_can_bo WHERE year = ? ORDER BY source_row`, [year]);

  it('reads 2024: levels, abbreviations, x marks (blank = false), a year alone, an Excel date cell', async () => {
    expect(await rows(2024)).toEqual([
      { source_row: 5, gioi_tinh: 'Nam', ngay_sinh: '1980-09-05', nam_sinh: 1980, dan_toc: '02', cap: 'Huyện', commune_code: null, loai: 'Công chức', giao_vien: false, trinh_do: 'Đại học', chu_chot: false, boi_duong_qlkt: true },
      { source_row: 6, gioi_tinh: 'Nữ', ngay_sinh: null, nam_sinh: 1985, dan_toc: '09', cap: 'Xã', commune_code: '02989', loai: 'Cán bộ', giao_vien: false, trinh_do: 'Thạc sĩ', chu_chot: true, boi_duong_qlkt: true },
      { source_row: 8, gioi_tinh: 'Nữ', ngay_sinh: '1992-10-10', nam_sinh: 1992, dan_toc: '08', cap: 'Xã', commune_code: '02962', loai: 'Viên chức', giao_vien: true, trinh_do: 'Cao đẳng', chu_chot: false, boi_duong_qlkt: false },
      { source_row: 11, gioi_tinh: 'Nữ', ngay_sinh: '1988-01-01', nam_sinh: 1988, dan_toc: '02', cap: 'Huyện', commune_code: null, loai: 'Viên chức', giao_vien: true, trinh_do: null, chu_chot: false, boi_duong_qlkt: false },
    ]);
  });

  it('reads 2025: the six new communes by name (abolished names mapped forward), Có/Không, blank = unknown', async () => {
    expect(await rows(2025)).toEqual([
      { source_row: 3, gioi_tinh: 'Nam', ngay_sinh: null, nam_sinh: 1980, dan_toc: '02', cap: 'Xã', commune_code: '02947', loai: 'Cán bộ', giao_vien: false, trinh_do: 'Sơ cấp', chu_chot: true, boi_duong_qlkt: true },
      { source_row: 4, gioi_tinh: 'Nữ', ngay_sinh: null, nam_sinh: 1991, dan_toc: '09', cap: 'Xã', commune_code: '02962', loai: 'Công chức', giao_vien: false, trinh_do: 'Đại học', chu_chot: false, boi_duong_qlkt: null },
      { source_row: 6, gioi_tinh: 'Nam', ngay_sinh: null, nam_sinh: 1995, dan_toc: '08', cap: 'Xã', commune_code: '02947', loai: 'Viên chức', giao_vien: true, trinh_do: 'Cao đẳng', chu_chot: null, boi_duong_qlkt: null },
      { source_row: 7, gioi_tinh: 'Nữ', ngay_sinh: null, nam_sinh: 1988, dan_toc: '07', cap: 'Xã', commune_code: '02953', loai: 'Viên chức', giao_vien: true, trinh_do: 'Trung cấp', chu_chot: null, boi_duong_qlkt: null },
      { source_row: 8, gioi_tinh: 'Nữ', ngay_sinh: null, nam_sinh: 1999, dan_toc: '09', cap: 'Xã', commune_code: '02989', loai: 'Công chức', giao_vien: false, trinh_do: 'Chưa qua đào tạo', chu_chot: false, boi_duong_qlkt: false },
      { source_row: 10, gioi_tinh: 'Nam', ngay_sinh: null, nam_sinh: 1985, dan_toc: '02', cap: 'Xã', commune_code: '02953', loai: 'Công chức', giao_vien: null, trinh_do: 'Tiến sĩ', chu_chot: true, boi_duong_qlkt: null },
    ]);
  });

  it('keeps staff ids only as keyed hashes and drops names and citizen ids', async () => {
    const columns = (await db.all<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'staff_can_bo'`)).map((r) => r.c);
    expect(columns).toContain('ma_can_bo_hash');
    for (const c of ['ma_can_bo', 'ho_ten', 'so_dinh_danh', 'so_dinh_danh_hash']) expect(columns).not.toContain(c);
    // The repeated id shows masked in the value column only; the finding names the key and the row that kept it.
    const dup = await db.one(`SELECT value, code, params, reason FROM ingest.quarantine WHERE file = 'staff/2024/can_bo_huyen_bao_yen.xlsx' AND "row" = 9`);
    expect(dup).toEqual({
      value: 'CB*02',
      code: 'duplicate_key',
      params: '{"key":"ma_can_bo","file":"staff/2024/can_bo_huyen_bao_yen.xlsx","row":6}',
      reason: 'duplicate ma_can_bo: already loaded from staff/2024/can_bo_huyen_bao_yen.xlsx row 6',
    });
  });
});
