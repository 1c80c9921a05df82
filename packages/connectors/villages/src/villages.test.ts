import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { villages } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(villages, fixtures);

describe('villages values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [villages], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());
  const thon = (year: number) =>
    db.all(`SELECT regexp_extract(source_file, '[^/]+$') AS f, source_row AS r, commune_code, ten_thon, ten_thon_khoa, xa_cu, mat_duong, doi_van_nghe, doi_hoat_dong_thuong_xuyen, thon_van_hoa, tiep_can_thong_tin
            FROM ingest.villages_thon WHERE year = ? ORDER BY source_file, source_row`, [year]);
  const xa = (year: number) =>
    db.all(`SELECT source_row AS r, commune_code, doi_van_nghe_xa, tiep_can_thong_tin FROM ingest.villages_xa WHERE year = ? ORDER BY source_row`, [year]);

  it('reads 2024 villages: prefixes stripped, road surfaces, x marks; a troupe\'s activity only where there is a troupe', async () => {
    expect(await thon(2024)).toEqual([
      { f: 'thon_pho_rang.csv', r: 2, commune_code: '02947', ten_thon: '1', ten_thon_khoa: '1', xa_cu: null, mat_duong: 'Nhựa', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: true, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_pho_rang.csv', r: 4, commune_code: '02947', ten_thon: '2', ten_thon_khoa: '2', xa_cu: null, mat_duong: 'Bê tông', doi_van_nghe: false, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: false, tiep_can_thong_tin: null },
      { f: 'thon_pho_rang.csv', r: 5, commune_code: '02947', ten_thon: '3', ten_thon_khoa: '3', xa_cu: null, mat_duong: 'Bê tông', doi_van_nghe: null, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha.xlsx', r: 4, commune_code: '02989', ten_thon: 'Khe Bàn', ten_thon_khoa: 'khe bàn', xa_cu: null, mat_duong: 'Nhựa', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: true, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha.xlsx', r: 5, commune_code: '02989', ten_thon: 'Cốc Bái', ten_thon_khoa: 'cốc bái', xa_cu: null, mat_duong: 'Bê tông', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: false, thon_van_hoa: false, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha.xlsx', r: 6, commune_code: '02989', ten_thon: 'Làng Chung', ten_thon_khoa: 'làng chung', xa_cu: null, mat_duong: 'Cấp phối', doi_van_nghe: false, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: true, tiep_can_thong_tin: false },
      { f: 'thon_xa_bao_ha.xlsx', r: 8, commune_code: '02971', ten_thon: 'Khe Bàn', ten_thon_khoa: 'khe bàn', xa_cu: null, mat_duong: 'Nhựa', doi_van_nghe: false, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: true, tiep_can_thong_tin: true },
    ]);
  });

  it('reads 2025: in Bảo Hà one name in two former communes, a former commune outside it or unknown blanked; the other headers (Bản, Tổ dân phố, Thôn, Thuộc xã cũ)', async () => {
    expect(await thon(2025)).toEqual([
      { f: 'thon_xa_bao_ha_2025.xlsx', r: 2, commune_code: '02989', ten_thon: 'Khe Bàn', ten_thon_khoa: 'khe bàn', xa_cu: '02989', mat_duong: 'Nhựa', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: true, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha_2025.xlsx', r: 3, commune_code: '02989', ten_thon: 'Khe Bàn', ten_thon_khoa: 'khe bàn', xa_cu: '02971', mat_duong: 'Bê tông', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: false, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha_2025.xlsx', r: 5, commune_code: '02989', ten_thon: 'Tân Thành', ten_thon_khoa: 'tân thành', xa_cu: '03079', mat_duong: 'Cấp phối', doi_van_nghe: false, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: true, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_ha_2025.xlsx', r: 6, commune_code: '02989', ten_thon: 'Nậm Phang', ten_thon_khoa: 'nậm phang', xa_cu: null, mat_duong: 'Nhựa', doi_van_nghe: true, doi_hoat_dong_thuong_xuyen: true, thon_van_hoa: true, tiep_can_thong_tin: false },
      { f: 'thon_xa_bao_ha_2025.xlsx', r: 7, commune_code: '02989', ten_thon: 'Làng Cũ', ten_thon_khoa: 'làng cũ', xa_cu: null, mat_duong: 'Nhựa', doi_van_nghe: false, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: false, tiep_can_thong_tin: true },
      { f: 'thon_xa_bao_yen.csv', r: 2, commune_code: '02947', ten_thon: '1', ten_thon_khoa: '1', xa_cu: '02947', mat_duong: 'Nhựa', doi_van_nghe: null, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: null, tiep_can_thong_tin: null },
      { f: 'thon_xa_nghia_do.csv', r: 2, commune_code: '02953', ten_thon: 'Nà Khương', ten_thon_khoa: 'nà khương', xa_cu: null, mat_duong: 'Bê tông', doi_van_nghe: null, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: null, tiep_can_thong_tin: null },
      { f: 'thon_xa_xuan_hoa.csv', r: 2, commune_code: '02962', ten_thon: 'Khuổi Phường', ten_thon_khoa: 'khuổi phường', xa_cu: '02965', mat_duong: 'Đất', doi_van_nghe: null, doi_hoat_dong_thuong_xuyen: null, thon_van_hoa: false, tiep_can_thong_tin: null },
    ]);
  });

  it('reads communes: a blank required flag in a file of x marks is false and keeps the row', async () => {
    expect(await xa(2024)).toEqual([
      { r: 3, commune_code: '02989', doi_van_nghe_xa: true, tiep_can_thong_tin: true },
      { r: 4, commune_code: '02947', doi_van_nghe_xa: false, tiep_can_thong_tin: true },
      { r: 5, commune_code: '02962', doi_van_nghe_xa: true, tiep_can_thong_tin: false },
      { r: 8, commune_code: '02971', doi_van_nghe_xa: false, tiep_can_thong_tin: false },
    ]);
    expect(await xa(2025)).toEqual([
      { r: 2, commune_code: '02947', doi_van_nghe_xa: true, tiep_can_thong_tin: true },
      { r: 3, commune_code: '02989', doi_van_nghe_xa: false, tiep_can_thong_tin: true },
      { r: 4, commune_code: '02953', doi_van_nghe_xa: true, tiep_can_thong_tin: null },
    ]);
  });

  it('shows a repeated village in the quarantine by its commune, folded name and former commune', async () => {
    const dup = await db.one(`SELECT value, code, params, reason FROM ingest.quarantine WHERE file = 'villages/2025/thon_xa_bao_ha_2025.xlsx' AND "row" = 4`);
    expect(dup).toEqual({
      value: '02989 / khe bàn / Xã Kim Sơn', // derived parts as loaded, source columns as written
      code: 'duplicate_key',
      params: '{"key":"commune_code, ten_thon_khoa, xa_cu","file":"villages/2025/thon_xa_bao_ha_2025.xlsx","row":3}',
      reason: 'duplicate commune_code, ten_thon_khoa, xa_cu: already loaded from villages/2025/thon_xa_bao_ha_2025.xlsx row 3',
    });
  });
});
