import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { activities } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(activities, fixtures);

describe('activities values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [activities], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());

  it('reads party organisations: names folded for uniqueness, a blank plan in a file of x marks is "no"', async () => {
    // One tone placement (the vn-text canonical one, hoà) whatever the file used.
    expect(await db.all(`SELECT source_row AS r, ten_to_chuc, ten_to_chuc_khoa, co_ke_hoach, ngay_ban_hanh::VARCHAR AS ngay FROM ingest.activities_to_chuc_dang WHERE year = 2024 ORDER BY source_row`)).toEqual([
      { r: 4, ten_to_chuc: 'Đảng bộ xã Bảo Hà', ten_to_chuc_khoa: 'đảng bộ xã bảo hà', co_ke_hoach: true, ngay: '2024-03-15' },
      { r: 5, ten_to_chuc: 'Chi bộ Trường THPT số 1 Bảo Yên', ten_to_chuc_khoa: 'chi bộ trường thpt số 1 bảo yên', co_ke_hoach: true, ngay: '2024-04-02' },
      { r: 6, ten_to_chuc: 'Đảng bộ xã Xuân Hoà', ten_to_chuc_khoa: 'đảng bộ xã xuân hoà', co_ke_hoach: false, ngay: null },
      { r: 9, ten_to_chuc: 'Đảng bộ Công an huyện', ten_to_chuc_khoa: 'đảng bộ công an huyện', co_ke_hoach: true, ngay: null },
    ]);
  });

  it('reads the 2023 aliases: Tổ chức Đảng, Có kế hoạch (Có/Không)', async () => {
    expect(await db.all(`SELECT source_row AS r, ten_to_chuc, co_ke_hoach FROM ingest.activities_to_chuc_dang WHERE year = 2023 ORDER BY source_row`)).toEqual([
      { r: 2, ten_to_chuc: 'Đảng bộ xã Bảo Hà', co_ke_hoach: true },
      { r: 3, ten_to_chuc: 'Chi bộ Phòng Dân tộc', co_ke_hoach: false },
    ]);
  });

  it('reads activities: kinds from their aliases, levels, communes, counts (blank stays unknown: staging counts it as 1)', async () => {
    expect(await db.all(`SELECT year, source_row AS r, so_thu_tu, ngay::VARCHAR AS ngay, loai, cap, commune_code, so_luong FROM ingest.activities_hoat_dong ORDER BY year, source_row`)).toEqual([
      { year: 2023, r: 2, so_thu_tu: '1', ngay: '2023-05-05', loai: 'Kiểm tra, giám sát', cap: 'Xã', commune_code: '02992', so_luong: null },
      { year: 2023, r: 3, so_thu_tu: '2', ngay: '2023-10-01', loai: 'Điều tra DTTS', cap: 'Huyện', commune_code: null, so_luong: null },
      { year: 2024, r: 2, so_thu_tu: '1', ngay: '2024-01-15', loai: 'Nêu gương', cap: 'Xã', commune_code: '02989', so_luong: 3 },
      { year: 2024, r: 3, so_thu_tu: '2', ngay: '2024-02-20', loai: 'Đối thoại người có uy tín', cap: 'Huyện', commune_code: null, so_luong: null },
      { year: 2024, r: 4, so_thu_tu: '3', ngay: '2024-03-05', loai: 'Kiểm tra, giám sát', cap: 'Huyện', commune_code: null, so_luong: null },
      { year: 2024, r: 9, so_thu_tu: '8', ngay: '2024-11-11', loai: 'Nêu gương', cap: 'Xã', commune_code: '02962', so_luong: null },
      { year: 2025, r: 2, so_thu_tu: '1', ngay: '2025-03-10', loai: 'Nêu gương', cap: 'Huyện', commune_code: '02989', so_luong: 4 },
      { year: 2025, r: 4, so_thu_tu: '3', ngay: '2025-08-20', loai: 'Đối thoại người có uy tín', cap: 'Xã', commune_code: '02947', so_luong: 12 },
      { year: 2025, r: 5, so_thu_tu: '4', ngay: '2025-06-30', loai: 'Kiểm tra, giám sát', cap: 'Huyện', commune_code: null, so_luong: null },
      { year: 2025, r: 6, so_thu_tu: '5', ngay: '2025-09-01', loai: 'Điều tra DTTS', cap: 'Xã', commune_code: '02998', so_luong: null },
    ]);
  });

  it('keeps the free text, and every name in it, out of every ingest table and the quarantine', async () => {
    const planted = ['Đặng Văn Quý', 'Hoàng Thị Nga', 'Hoàng Văn Sơn', 'Lò Văn Pao', 'Vàng Thị Dung', 'Ma Văn Đức', 'Sùng A Tủa', 'Vàng A Chứ', 'Triệu Thị Mây', 'La Văn Hùng', 'Lục Thị Hoa', 'Phùng Văn Tú', 'Giàng Seo Lử', 'Biểu dương', 'Đối thoại với'];
    const columns = await db.all<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'ingest' AND data_type = 'VARCHAR'`,
    );
    expect(columns.map((x) => x.c)).not.toContain('noi_dung');
    for (const { t, c } of columns) {
      for (const name of planted) {
        const hit = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ingest."${t}" WHERE contains("${c}", ?)`, [name]);
        expect(hit?.n, `${name} in ingest.${t}.${c}`).toBe(0);
      }
    }
  });
});
