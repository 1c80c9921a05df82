import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { describeConnector } from '@dtts/ingest-core/testing';
import { health } from './index.ts';

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(health, join(import.meta.dirname, '../fixtures'));

describe('health values', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
    await ingest({ db, sourcesDir: join(import.meta.dirname, '../fixtures'), connectors: [health], hashKey: 'k' });
  }, 120_000);
  afterAll(() => db.close());

  it('reads every spelling of the place of delivery, both birth forms of the mother and every date form', async () => {
    const rows = await db.all(`SELECT so_phieu, noi_de, nam_sinh_me, ngay_sinh_me, ngay_de, lan_sinh, so_lan_kham_thai, dan_toc_me, commune_code
      FROM ingest.health_sinh_de ORDER BY year, source_file, source_row`);
    expect(rows).toEqual([
      { so_phieu: 'SS-01', noi_de: 'facility', nam_sinh_me: 1996, ngay_sinh_me: null, ngay_de: '2024-03-03', lan_sinh: 2, so_lan_kham_thai: null, dan_toc_me: '01', commune_code: '02947' },
      // A mother aged exactly 10 (2024 − 2014) is possible; 9 is not (SS-03, quarantined).
      { so_phieu: 'SS-02', noi_de: 'home_with_staff', nam_sinh_me: 2014, ngay_sinh_me: null, ngay_de: '2024-04-04', lan_sinh: 1, so_lan_kham_thai: null, dan_toc_me: '06', commune_code: '02947' },
      { so_phieu: 'SS-04', noi_de: 'other', nam_sinh_me: 1990, ngay_sinh_me: null, ngay_de: '2024-06-06', lan_sinh: 3, so_lan_kham_thai: null, dan_toc_me: '09', commune_code: '02989' },
      { so_phieu: 'SP001', noi_de: 'facility', nam_sinh_me: 1998, ngay_sinh_me: '1998-03-12', ngay_de: '2024-02-10', lan_sinh: 1, so_lan_kham_thai: 4, dan_toc_me: '02', commune_code: '02989' },
      { so_phieu: 'SP002', noi_de: 'facility', nam_sinh_me: 2006, ngay_sinh_me: null, ngay_de: '2024-05-15', lan_sinh: 1, so_lan_kham_thai: 2, dan_toc_me: '09', commune_code: '02989' },
      { so_phieu: 'SP003', noi_de: 'home_with_staff', nam_sinh_me: 2008, ngay_sinh_me: '2008-07-05', ngay_de: '2024-08-01', lan_sinh: 2, so_lan_kham_thai: 0, dan_toc_me: '08', commune_code: '02989' },
      { so_phieu: 'SP004', noi_de: 'home_without_staff', nam_sinh_me: 1995, ngay_sinh_me: null, ngay_de: '2024-09-20', lan_sinh: 3, so_lan_kham_thai: null, dan_toc_me: '08', commune_code: '02989' },
      { so_phieu: 'MP-1', noi_de: 'facility', nam_sinh_me: 1999, ngay_sinh_me: null, ngay_de: '2025-01-10', lan_sinh: 1, so_lan_kham_thai: 6, dan_toc_me: '02', commune_code: '02989' },
      { so_phieu: 'MP-2', noi_de: 'home_with_staff', nam_sinh_me: 2001, ngay_sinh_me: null, ngay_de: '2025-08-15', lan_sinh: 2, so_lan_kham_thai: 3, dan_toc_me: '01', commune_code: '02947' },
      { so_phieu: 'MP-3', noi_de: 'home_without_staff', nam_sinh_me: 1988, ngay_sinh_me: null, ngay_de: '2025-09-20', lan_sinh: 3, so_lan_kham_thai: 2, dan_toc_me: '02', commune_code: '02947' },
      { so_phieu: 'MP-4', noi_de: 'facility', nam_sinh_me: 2000, ngay_sinh_me: null, ngay_de: '2025-12-01', lan_sinh: 1, so_lan_kham_thai: 20, dan_toc_me: '08', commune_code: '02953' },
    ]);
  });

  it('hashes the mother\'s citizen id and keeps no name', async () => {
    const cols = (await db.all<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'health_sinh_de'`)).map((r) => r.c);
    expect(cols).toContain('so_dinh_danh_me_hash');
    expect(cols.filter((c) => c.includes('ho_ten') || c === 'so_dinh_danh_me')).toEqual([]);
    const ids = await db.all<{ h: string | null }>(`SELECT so_dinh_danh_me_hash AS h FROM ingest.health_sinh_de WHERE so_phieu IN ('SP001', 'SP004') ORDER BY so_phieu`);
    expect(ids[0]?.h).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(ids[1]?.h, 'a malformed id is blanked').toBeNull();
  });

  const child = (row: number, file = 'health/2024/can_tre_xa_bao_ha.xlsx') =>
    db.one<{ can_nang: number | null; age_days: number; weight_for_age_z: number | null }>(
      `SELECT can_nang, age_days, weight_for_age_z FROM ingest.health_can_tre WHERE source_file = ? AND source_row = ?`, [file, row]);

  it('reads kilograms with a decimal comma or point, as text or a number cell, with or without "kg"', async () => {
    expect((await child(5))?.can_nang).toBe(9.646); // '9,646': a decimal comma, not thousands
    expect((await child(6))?.can_nang).toBe(8); // a number cell
    expect((await child(7))?.can_nang).toBe(11.2); // '11,2'
    expect((await child(8))?.can_nang).toBe(5.5); // '5.5'
    expect((await child(2, 'health/2024/can_tre_tt_pho_rang.csv'))?.can_nang).toBe(12.5); // '12.5'
    expect((await child(3, 'health/2024/can_tre_tt_pho_rang.csv'))?.can_nang).toBe(10.25); // '10,25'
  });

  // Weight-for-age z by hand, z = ((y / M)^L − 1) / (L·S), with the LMS row of the child's sex and
  // age in days from packages/reference/data/who_weight_for_age_lms.csv.
  it('gives z = 0 to a child at the median weight', async () => {
    // Boy, born 16/06/2023, weighed 15/06/2024: 365 days (2024 is a leap year). Row 1,365: M = 9.646.
    // y = M, so (y/M)^L = 1 and z = 0 whatever L and S are.
    expect(await child(5)).toEqual({ can_nang: 9.646, age_days: 365, weight_for_age_z: 0 });
  });

  it('computes a girl\'s and a boy\'s z as the LMS formula does by hand', async () => {
    // Girl, 365 days, 8.0 kg. Row 2,365: L = −0.2022, M = 8.9462, S = 0.12267.
    // y/M = 0.894234; (y/M)^L = exp(−0.2022 × ln 0.894234) = exp(−0.2022 × −0.111787) = 1.022861;
    // L·S = −0.024804; z = 0.022861 / −0.024804 = −0.92166.
    const girl = await child(6);
    expect(girl?.age_days).toBe(365);
    expect(girl?.weight_for_age_z).toBeCloseTo(-0.92166, 4);
    // Boy, born 10/03/2022, weighed 15/06/2024: 828 days. Row 1,828: L = −0.0299, M = 12.7791, S = 0.11616.
    // y/M = 11.2 / 12.7791 = 0.876431; (y/M)^L = 1.003952; L·S = −0.0034732; z = 0.003952 / −0.0034732 = −1.1377.
    const boy = await child(7);
    expect(boy?.age_days).toBe(828);
    expect(boy?.weight_for_age_z).toBeCloseTo(-1.13772, 4);
  });

  it('beyond −3 SD measures in the SD of the −2…−3 band, as WHO does for weight', async () => {
    // Girl, 365 days, 5.5 kg: the plain formula gives −4.1674. WHO: SDk = M·(1 + L·S·k)^(1/L):
    // SD3neg = 6.273080, SD2neg = 7.041211; z* = −3 + (5.5 − 6.273080) / (7.041211 − 6.273080) = −4.00644.
    expect((await child(8))?.weight_for_age_z).toBeCloseTo(-4.00644, 4);
  });

  it('blanks an implausible weight (z below −6 or above 5), keeps the row and names the z in the quarantine', async () => {
    // Boy, 365 days, 25 kg: SD3pos = 13.341468, SD2pos = 11.983347; z* = 3 + (25 − 13.341468) / 1.358121 = 11.58.
    expect(await child(9)).toEqual({ can_nang: null, age_days: 365, weight_for_age_z: null });
    // Boy, 365 days, 3 kg: SD3neg = 6.925979, SD2neg = 7.740676; z* = −3 + (3 − 6.925979) / 0.814697 = −7.82.
    expect(await child(10)).toEqual({ can_nang: null, age_days: 365, weight_for_age_z: null });
    const reasons = await db.all<{ row: number; value: string; code: string; params: string; reason: string }>(
      `SELECT "row", value, code, params, reason FROM ingest.quarantine WHERE action = 'value_blanked' AND "column" = 'can_nang' ORDER BY "row"`);
    expect(reasons.map((r) => [r.row, r.value, r.code, r.params])).toEqual([
      [9, '25', 'weight_for_age_implausible', '{"z":11.58}'],
      [10, '3 kg', 'weight_for_age_implausible', '{"z":-7.82}'],
    ]);
    expect(reasons[0]?.reason).toContain('z = 11.58');
    expect(reasons[1]?.reason).toContain('z = -7.82');
  });

  it('loads a child older than 1826 days without a z (out of the standard\'s scope)', async () => {
    expect(await child(11)).toEqual({ can_nang: 17, age_days: 1992, weight_for_age_z: null });
  });
});
