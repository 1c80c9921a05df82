import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { civilRegistration } from './index.ts';

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(civilRegistration, join(import.meta.dirname, '../fixtures'));

describe('civil-registration values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: join(import.meta.dirname, '../fixtures'), connectors: [civilRegistration], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());

  it('loads each couple with both births, both ethnic groups, x-mark and Có/Không/1/0/TRUE booleans', async () => {
    const rows = await db.all(`SELECT so_thu_tu, commune_code, ngay, ngay_sinh_chong, nam_sinh_chong, ngay_sinh_vo, nam_sinh_vo,
        dan_toc_chong, dan_toc_vo, da_dang_ky, can_huyet FROM ingest.civil_registration_hon_nhan ORDER BY year, source_file, source_row`);
    expect(rows).toEqual([
      { so_thu_tu: 'PR-1', commune_code: '02947', ngay: '2024-02-05', ngay_sinh_chong: null, nam_sinh_chong: 1995, ngay_sinh_vo: null, nam_sinh_vo: 1997, dan_toc_chong: '01', dan_toc_vo: '01', da_dang_ky: true, can_huyet: false },
      // A wife aged exactly 10 (2024 − 2014) is possible, if unlawful; 9 is not (row 7 of the workbook).
      { so_thu_tu: 'PR-2', commune_code: '02947', ngay: '2024-09-09', ngay_sinh_chong: null, nam_sinh_chong: 2007, ngay_sinh_vo: null, nam_sinh_vo: 2014, dan_toc_chong: '07', dan_toc_vo: '02', da_dang_ky: false, can_huyet: false },
      { so_thu_tu: 'PR-5', commune_code: '02947', ngay: '2024-10-15', ngay_sinh_chong: null, nam_sinh_chong: 1990, ngay_sinh_vo: null, nam_sinh_vo: 1991, dan_toc_chong: '02', dan_toc_vo: '02', da_dang_ky: true, can_huyet: null },
      { so_thu_tu: '1', commune_code: '02989', ngay: '2024-03-08', ngay_sinh_chong: '1998-05-01', nam_sinh_chong: 1998, ngay_sinh_vo: '2000-12-12', nam_sinh_vo: 2000, dan_toc_chong: '02', dan_toc_vo: '09', da_dang_ky: true, can_huyet: false },
      { so_thu_tu: '2', commune_code: '02989', ngay: '2024-04-20', ngay_sinh_chong: null, nam_sinh_chong: 2006, ngay_sinh_vo: null, nam_sinh_vo: 2008, dan_toc_chong: '08', dan_toc_vo: '08', da_dang_ky: false, can_huyet: true },
      { so_thu_tu: 'C25-1', commune_code: '02998', ngay: '2025-03-03', ngay_sinh_chong: null, nam_sinh_chong: 1996, ngay_sinh_vo: '1999-05-20', nam_sinh_vo: 1999, dan_toc_chong: '09', dan_toc_vo: '09', da_dang_ky: true, can_huyet: false },
      { so_thu_tu: 'C25-2', commune_code: '02968', ngay: '2025-11-30', ngay_sinh_chong: null, nam_sinh_chong: 2004, ngay_sinh_vo: null, nam_sinh_vo: 2009, dan_toc_chong: '02', dan_toc_vo: '07', da_dang_ky: false, can_huyet: false },
    ]);
  });

  it('keeps no spouse name', async () => {
    const cols = (await db.all<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'civil_registration_hon_nhan'`)).map((r) => r.c);
    expect(cols.filter((c) => c.startsWith('ho_ten'))).toEqual([]);
  });
});
