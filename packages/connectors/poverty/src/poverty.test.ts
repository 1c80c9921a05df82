import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { census } from '@dtts/connector-census';
import { Db } from '@dtts/db';
import { discover, ingest, tableForFile } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { poverty } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

describeConnector(poverty, fixtures);

describe('poverty values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [poverty], hashKey: 'k' });
  });
  afterAll(() => db.close());
  const households = (year: number) =>
    db.all(`SELECT ma_ho, commune_code, thon, dan_toc_chu_ho, so_nhan_khau, phan_loai, so_chi_so_thieu_hut
            FROM ingest.poverty_ho_ngheo WHERE year = ? ORDER BY source_row`, [year]);

  it('reads every spelling of the two classes and blanks out-of-range counts (2024)', async () => {
    expect(await households(2024)).toEqual([
      { ma_ho: 'BH001', commune_code: '02989', thon: 'Thôn Khe Bàn', dan_toc_chu_ho: '02', so_nhan_khau: 5, phan_loai: 'poor', so_chi_so_thieu_hut: 4 },
      { ma_ho: 'BH002', commune_code: '02989', thon: 'Thôn Khe Bàn', dan_toc_chu_ho: '09', so_nhan_khau: 4, phan_loai: 'poor', so_chi_so_thieu_hut: 3 },
      { ma_ho: 'BH003', commune_code: '02989', thon: 'Thôn Cốc Bái', dan_toc_chu_ho: '09', so_nhan_khau: 6, phan_loai: 'near_poor', so_chi_so_thieu_hut: 2 },
      { ma_ho: 'BH004', commune_code: '02947', thon: 'Tổ dân phố 1', dan_toc_chu_ho: '08', so_nhan_khau: 7, phan_loai: 'near_poor', so_chi_so_thieu_hut: 1 },
      { ma_ho: 'BH006', commune_code: '02989', thon: 'Thôn Cốc Bái', dan_toc_chu_ho: '07', so_nhan_khau: 4, phan_loai: 'poor', so_chi_so_thieu_hut: null },
      { ma_ho: 'BH007', commune_code: '02989', thon: 'Thôn Cốc Bái', dan_toc_chu_ho: '01', so_nhan_khau: null, phan_loai: 'near_poor', so_chi_so_thieu_hut: 2 },
    ]);
  });

  it('reads the sheet named HO_NGHEO, not the first sheet, with 2025 communes mapped forward', async () => {
    expect(await households(2025)).toEqual([
      { ma_ho: 'BY001', commune_code: '02947', thon: 'Thôn 1', dan_toc_chu_ho: '02', so_nhan_khau: 5, phan_loai: 'poor', so_chi_so_thieu_hut: 5 },
      { ma_ho: 'BY002', commune_code: '02947', thon: 'Thôn Xuân Thượng', dan_toc_chu_ho: '08', so_nhan_khau: 6, phan_loai: 'near_poor', so_chi_so_thieu_hut: 2 },
      { ma_ho: 'BY003', commune_code: '02962', thon: 'Bản Pác Khuông', dan_toc_chu_ho: '25', so_nhan_khau: 4, phan_loai: 'poor', so_chi_so_thieu_hut: 3 },
      { ma_ho: 'BY004', commune_code: '02989', thon: 'Thôn Tân An', dan_toc_chu_ho: '09', so_nhan_khau: 5, phan_loai: 'near_poor', so_chi_so_thieu_hut: 1 },
    ]);
  });

  it('loads no personal name', async () => {
    const columns = await db.all<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'poverty_ho_ngheo'`);
    expect(columns.map((r) => r.c)).not.toContain('ho_ten_chu_ho');
  });
});

describe('poverty beside the census: file names', () => {
  it('gives ho_ngheo_* files to poverty (longest prefix) and ho_* files to the census, whatever the case or diacritics', () => {
    const both = [census, poverty];
    expect(tableForFile('ho_ngheo_2025.xlsx', both)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('HO NGHÈO xã Bảo Hà.csv', both)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('Hộ nghèo-2024.xlsx', both)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('ho_xa_bao_ha.csv', both)).toEqual({ source: 'census', table: 'ho' });
    // A prefix ends at a non-letter: `hongheo` is neither table, `ho_ngheoxyz` is census `ho`.
    expect(tableForFile('hongheo.csv', both)).toBeUndefined();
    expect(tableForFile('ho_ngheoxyz.csv', both)).toEqual({ source: 'census', table: 'ho' });
  });

  it('ignores a census file dropped in the poverty folder, saying whose it is', async () => {
    const found = await discover(fixtures, [census, poverty]);
    expect(found.files.map((f) => [f.source, f.table, f.file])).toEqual([
      ['poverty', 'ho_ngheo', 'poverty/2024/ho_ngheo_xa_bao_ha.csv'],
      ['poverty', 'ho_ngheo', 'poverty/2025/ho_ngheo_2025.xlsx'],
    ]);
    const warning = found.warnings.find((w) => w.file === 'poverty/2024/ho_xa_bao_ha.csv');
    expect(warning?.message).toContain('census table (ho), not a poverty one');
  });
});
