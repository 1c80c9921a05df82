import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { census } from './index.ts';

describeConnector(census, join(import.meta.dirname, '../fixtures'));

describe('census values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: join(import.meta.dirname, '../fixtures'), connectors: [census], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());
  const household = (ma_ho: string, year: number) =>
    db.one(`SELECT * EXCLUDE (source_file, source_row, year, thon) FROM ingest.census_ho WHERE ma_ho = ? AND year = ?`, [ma_ho, year]);

  it('reads Vietnamese numbers, x marks and codes without their leading zero', async () => {
    expect(await household('H001', 2024)).toEqual({ ma_ho: 'H001', commune_code: '02989', thu_nhap_binh_quan: 1500000, dien_luoi: true, nuoc_hop_ve_sinh: true, vung_nguy_co: false, da_bo_tri: false });
    expect((await household('H003', 2024))?.thu_nhap_binh_quan).toBe(1200000);
    expect((await household('H005', 2024))?.thu_nhap_binh_quan).toBeNull();
  });
  it('resolves commune names (NFD, no diacritics, either tone placement) and maps an abolished code forward', async () => {
    for (const id of ['X002', 'X003', 'X005']) expect((await household(id, 2025))?.commune_code).toBe('02962');
    expect((await household('X004', 2025))?.commune_code).toBe('02947');
    expect((await household('X001', 2025))?.thu_nhap_binh_quan).toBe(1500000);
  });
  it('converts TCVN3 text and keeps an absent boolean column unknown', async () => {
    const rows = await db.all(`SELECT ma_ho, dan_toc, quan_he_chu_ho, biet_doc_viet, dao_tao_nghe, nam_sinh FROM ingest.census_nhan_khau WHERE year = 2025 ORDER BY ma_ho, stt`);
    expect(rows).toEqual([
      { ma_ho: 'X001', dan_toc: '02', quan_he_chu_ho: 'Chủ hộ', biet_doc_viet: null, dao_tao_nghe: true, nam_sinh: 1985 },
      { ma_ho: 'X001', dan_toc: '02', quan_he_chu_ho: 'Vợ', biet_doc_viet: null, dao_tao_nghe: false, nam_sinh: 1987 },
      { ma_ho: 'X002', dan_toc: '07', quan_he_chu_ho: 'Chủ hộ', biet_doc_viet: null, dao_tao_nghe: true, nam_sinh: 1990 },
      { ma_ho: 'X003', dan_toc: '01', quan_he_chu_ho: 'Chủ hộ', biet_doc_viet: null, dao_tao_nghe: false, nam_sinh: 1979 },
      { ma_ho: 'X005', dan_toc: '25', quan_he_chu_ho: 'Chủ hộ', biet_doc_viet: null, dao_tao_nghe: true, nam_sinh: 1995 },
    ]);
  });
  it('reads every date form, sex codes and ethnic names, and hashes citizen ids', async () => {
    const rows = await db.all<Record<string, unknown>>(`SELECT stt, gioi_tinh, ngay_sinh, nam_sinh, dan_toc, so_dinh_danh_hash FROM ingest.census_nhan_khau WHERE year = 2024 ORDER BY ma_ho, stt`);
    expect(rows.map((r) => [r.stt, r.gioi_tinh, r.ngay_sinh, r.nam_sinh, r.dan_toc])).toEqual([
      [1, 'Nam', '1980-09-05', 1980, '02'],
      [2, 'Nữ', '1982-09-05', 1982, '02'],
      [3, 'Nam', '2018-09-05', 2018, '02'],
      [1, 'Nữ', null, 1975, '09'],
      [2, 'Nam', '2000-01-01', 2000, '09'],
      [1, 'Nam', '1990-10-10', 1990, '08'],
      [2, 'Nữ', '1992-10-10', 1992, '08'],
    ]);
    expect(rows[0]?.so_dinh_danh_hash).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(rows[2]?.so_dinh_danh_hash).toBeNull();
    expect(rows[4]?.so_dinh_danh_hash, 'a malformed id is blanked').toBeNull();
  });
});

describe('census quarantine values', () => {
  it('shows a repeated household member key as its parts', async () => {
    const db = await Db.open();
    try {
      await ingest({ db, sourcesDir: join(import.meta.dirname, '../fixtures'), connectors: [census], hashKey: 'k' });
      const row = await db.one(`SELECT value FROM ingest.quarantine WHERE "column" = 'ma_ho, stt'`);
      expect(row).toEqual({ value: 'H001 / 2' });
    } finally {
      db.close();
    }
  }, 60_000); // a whole ingest inside the test: seconds on a busy machine
});
