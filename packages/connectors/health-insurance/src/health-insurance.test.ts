import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { healthInsurance } from './index.ts';

const fixtures = join(import.meta.dirname, '../fixtures');

describeConnector(healthInsurance, fixtures);

describe('health-insurance values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: fixtures, connectors: [healthInsurance], hashKey: 'k' });
  });
  afterAll(() => db.close());
  const cards = (year: number) =>
    db.all<Record<string, unknown>>(
      `SELECT source_row, ngay_sinh, nam_sinh, gioi_tinh, dan_toc, commune_code, gia_tri_tu::VARCHAR AS tu, gia_tri_den::VARCHAR AS den
       FROM ingest.health_insurance_the_bhyt WHERE year = ? ORDER BY source_row`, [year]);

  it('reads the two-level header, Excel date cells, typed dates and a year alone (2024)', async () => {
    expect(await cards(2024)).toEqual([
      { source_row: 6, ngay_sinh: '1980-09-05', nam_sinh: 1980, gioi_tinh: 'Nam', dan_toc: '02', commune_code: '02989', tu: '2024-01-01', den: '2024-12-31' },
      { source_row: 7, ngay_sinh: null, nam_sinh: 1975, gioi_tinh: 'Nữ', dan_toc: '09', commune_code: '02989', tu: '2024-01-01', den: '2024-12-31' },
      { source_row: 8, ngay_sinh: '1980-09-05', nam_sinh: 1980, gioi_tinh: 'Nam', dan_toc: '02', commune_code: '02989', tu: '2024-01-01', den: '2024-12-31' },
      { source_row: 11, ngay_sinh: null, nam_sinh: 1979, gioi_tinh: 'Nam', dan_toc: '01', commune_code: '02947', tu: '2024-01-01', den: '2025-12-31' },
      { source_row: 12, ngay_sinh: '2018-09-05', nam_sinh: 2018, gioi_tinh: 'Nữ', dan_toc: '08', commune_code: '02971', tu: '2024-01-01', den: '2024-12-31' },
    ]);
  });

  it('loads a card listed twice as two rows with one hash (no key: counted once downstream)', async () => {
    const rows = await db.all<{ n: number; distinct_cards: number }>(
      `SELECT count(*) AS n, count(DISTINCT ma_the_hash) AS distinct_cards FROM ingest.health_insurance_the_bhyt WHERE year = 2024`,
    );
    expect(rows).toEqual([{ n: 5, distinct_cards: 4 }]);
    const twice = await db.all<{ source_row: number; h: string }>(
      `SELECT source_row, ma_the_hash AS h FROM ingest.health_insurance_the_bhyt WHERE year = 2024 AND source_row IN (6, 8) ORDER BY source_row`,
    );
    expect(twice[0]?.h).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(twice[1]?.h).toBe(twice[0]?.h);
  });

  it('blanks an invalid citizen id and hashes valid ones', async () => {
    const ids = await db.all<{ source_row: number; h: string | null }>(
      `SELECT source_row, so_dinh_danh_hash AS h FROM ingest.health_insurance_the_bhyt WHERE year = 2024 ORDER BY source_row`,
    );
    expect(ids.map((r) => [r.source_row, r.h === null ? null : 'hash'])).toEqual([[6, 'hash'], [7, null], [8, 'hash'], [11, null], [12, null]]);
  });

  it('masks personal values in the quarantine (first two and last two characters)', async () => {
    const rows = await db.all<{ row: number; column: string; value: string }>(
      `SELECT "row", "column", value FROM ingest.quarantine WHERE file = 'health-insurance/2024/the_bhyt_bao_ha.xlsx' ORDER BY "row"`,
    );
    expect(rows).toEqual([
      { row: 7, column: 'so_dinh_danh', value: '01******40' },
      { row: 9, column: 'ma_the', value: 'DT******45' },
      { row: 10, column: 'gia_tri_den', value: '30/06/2024' },
    ]);
  });

  it('reads the 2025 aliases (Mã thẻ, CCCD, Năm sinh, Hạn từ/Hạn đến) and maps abolished units to Xã Bảo Yên', async () => {
    expect(await cards(2025)).toEqual([
      { source_row: 2, ngay_sinh: null, nam_sinh: 1985, gioi_tinh: 'Nam', dan_toc: '02', commune_code: '02947', tu: '2025-01-01', den: '2025-12-31' },
      { source_row: 3, ngay_sinh: null, nam_sinh: 1987, gioi_tinh: 'Nữ', dan_toc: '02', commune_code: '02947', tu: '2025-01-01', den: '2025-12-31' },
      { source_row: 4, ngay_sinh: null, nam_sinh: 1990, gioi_tinh: 'Nam', dan_toc: '08', commune_code: '02947', tu: '2025-01-01', den: '2025-12-31' },
      { source_row: 5, ngay_sinh: null, nam_sinh: 1995, gioi_tinh: 'Nữ', dan_toc: '25', commune_code: '02989', tu: '2025-07-01', den: '2026-06-30' },
    ]);
  });
});
