import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, withDb } from '@dtts/db';
import { FIXTURE_PII, fixtureRows, writeFixtureWarehouse } from '../test/fixture.ts';
import { catalogRows } from '@dtts/indicators';
import { NOT_ABOUT_PERSONS, readPublicData, readPublicDataFrom, reusedCodeNote, scrubText, writePublicData, type PublicData } from './public-data.ts';
import { geoSlug, statusText } from './public-tables.ts';

let dir: string;
let data: PublicData;
const run = { runId: 'test-run', builtAt: '2026-01-31T20:05:00Z', sourcesDir: '/x/sources', manifestPath: '/x/run-manifest.json' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-public-'));
  await writeFixtureWarehouse(join(dir, 'warehouse.duckdb'));
  data = await writePublicData(join(dir, 'warehouse.duckdb'), join(dir, 'public.duckdb'), dir, run);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('public data', () => {
  it('reads the same public numbers through a connection of the warehouse itself as through a read-only attach', async () => {
    const attached = await readPublicData(join(dir, 'warehouse.duckdb'));
    expect(attached.rows.length).toBeGreaterThan(1000);
    const db = await Db.open(join(dir, 'warehouse.duckdb'));
    try {
      const reader = await db.fork();
      try {
        // the pipeline's way: a second connection, the database named by its own catalog
        expect(await readPublicDataFrom(reader, 'warehouse')).toEqual(attached);
      } finally {
        reader.close();
      }
    } finally {
      db.close();
    }
  });

  it('suppresses small cells and blanks their numbers', () => {
    // The public rows are what every page, chart, the printed report and the workbook are made from.
    const unit = new Map(catalogRows.map((c) => [c.indicator_id, c.unit]));
    const aboutPersons = data.rows.filter((r) => !NOT_ABOUT_PERSONS.has(r.indicator_id));
    expect(aboutPersons.length).toBeGreaterThan(1000);
    const shown = aboutPersons.filter((r) => !r.suppressed);
    const rate = (r: (typeof shown)[number]) => unit.get(r.indicator_id) === 'percent';
    expect(shown.filter((r) => r.denominator !== null && r.denominator < 20)).toEqual([]);
    expect(shown.filter((r) => rate(r) && r.numerator !== null && r.numerator >= 1 && r.numerator <= 4)).toEqual([]);
    // 18 of 20 insured tells that 2 are not: the complement is a count too.
    expect(shown.filter((r) => rate(r) && r.numerator !== null && r.denominator !== null && r.denominator - r.numerator >= 1 && r.denominator - r.numerator <= 4)).toEqual([]);
    expect(data.rows.some((r) => r.suppression_reason === 'small_complement')).toBe(true);
    // A hidden cell keeps none of its numbers (nor its baseline, its change or a target computed from it).
    expect(data.rows.filter((r) => r.suppressed && (r.value !== null || r.numerator !== null || r.denominator !== null))).toEqual([]);
    expect(data.rows.filter((r) => r.suppressed).length).toBeGreaterThan(10);
    expect(data.rows.some((r) => r.suppression_reason === 'secondary')).toBe(true);
    // Classrooms are counted, not persons: never suppressed (small counts there are public facts).
    expect(data.rows.filter((r) => r.indicator_id === 'solid_classrooms' && r.suppressed)).toEqual([]);
  });

  it('hides a count of persons from 1 to 4 (teen first births: no denominator, the rule is on the count)', () => {
    const raw = new Map(fixtureRows().map((r) => [`${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}`, r]));
    const teen = data.rows.filter((r) => r.indicator_id === 'teen_first_births');
    expect(teen.length).toBeGreaterThan(100);
    const key = (r: (typeof teen)[number]) => `${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}`;
    const small = teen.filter((r) => { const n = raw.get(key(r))!.numerator; return n >= 1 && n <= 4; });
    expect(small.length).toBeGreaterThan(5);
    for (const r of small) expect(r, key(r)).toMatchObject({ suppressed: true, suppression_reason: 'small_count', value: null });
    // Zero is data, shown; a shown count has no denominator.
    const zero = teen.filter((r) => raw.get(key(r))!.numerator === 0 && !r.suppressed);
    expect(zero.length).toBeGreaterThan(0);
    for (const r of teen.filter((r) => !r.suppressed)) expect(r.denominator).toBeNull();
  });

  it('puts counts, yes/no and the district level on the scorecard as such', async () => {
    const sc = await withDb(join(dir, 'public.duckdb'), (db) => db.all<Record<string, string>>(`select * from scorecard order by sort_order`));
    const by = new Map(sc.map((s) => [s.indicator_id, s]));
    // Every indicator with values, the context one (no target) too; none with no value.
    expect(sc.map((s) => s.indicator_id).sort()).toEqual([...new Set(data.rows.map((r) => r.indicator_id))].sort());
    expect(by.get('near_poor_household_rate')?.status_label ?? 'Không đặt mục tiêu').toBe('Không đặt mục tiêu');
    // A yearly survey held in 2020 and 2025 (the fixture skips 2021 only): Có, judged every year.
    expect(by.get('annual_dtts_survey')).toMatchObject({ baseline_text: 'Có', latest_text: 'Có', latest_year: '2025', target_text: 'hằng năm', status_label: 'Đạt', latest_note: '' });
    // Teen first births: a whole number, no %, against 70% of the year before ("< 12,6").
    const teen = by.get('teen_first_births')!;
    expect(teen.headline).toBe('DTTS');
    expect(teen.latest_text).toMatch(/^\d{1,3}(\.\d{3})*$/);
    const [area2024, area2025] = [2024, 2025].map((y) => data.rows.find((r) => r.indicator_id === 'teen_first_births' && r.year === y && r.geo_level === 'area' && r.ethnic_group === 'DTTS')!);
    expect(teen.latest_text).toBe(String(area2025!.value));
    expect(teen.target_text).toBe(`< ${(0.7 * area2024!.value!).toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: Number.isInteger(0.7 * area2024!.value!) ? 0 : 1 })}`);
    expect(by.get('good_examples_per_commune')!.target_text).toBe('≥ 5/xã/năm');
    // The district level ended on 01/07/2025: its latest is 2024, with the catalog's note, not a blank 2025.
    expect(by.get('dtts_officials_district')).toMatchObject({ latest_year: '2024', latest_note: 'Cấp huyện không còn từ 01/07/2025: số liệu đến năm 2024' });
    const district = by.get('dtts_officials_district')!;
    expect(district.latest_text).toMatch(/^\d+,\d%$/);
    expect(district.latest_label).toBe(`${district.latest_text} (2024)`);
    expect(district.source_note).toMatch(/^Cấp huyện không còn từ 01\/07\/2025: số liệu đến năm 2024\. Nguồn: .*\(31\/12\/2024\)$/);
    expect(by.get('annual_dtts_survey')!.latest_label).toBe('Có');
    // Village rates with 3–12 villages a commune are public: shown with their 2025-frame values.
    expect(data.rows.filter((r) => r.indicator_id === 'paved_roads_to_village_centres' && r.suppressed)).toEqual([]);
    expect(data.rows.filter((r) => r.indicator_id === 'paved_roads_to_village_centres' && r.denominator! < 5).length).toBeGreaterThan(0);
  });

  it('states on the data-quality page how much of the commune-level DTTS headline is shown', async () => {
    const eligible = data.rows.filter((r) => r.geo_level !== 'area' && r.ethnic_group === 'DTTS' && r.sex === 'ALL' && !NOT_ABOUT_PERSONS.has(r.indicator_id)
      && (r.suppression_reason === null || r.suppression_reason === 'secondary' || r.suppression_reason === 'baseline'));
    expect(data.headline).toEqual({ eligible: eligible.length, shown: eligible.filter((r) => !r.suppressed).length });
    expect(data.headline.eligible).toBeGreaterThan(50);
    const [row] = await withDb(join(dir, 'public.duckdb'), (db) => db.all<{ shown: string; eligible: string; share: string }>(`select * from dq_headline`));
    const pct = (100 * data.headline.shown) / data.headline.eligible;
    expect(row).toEqual({ shown: String(data.headline.shown), eligible: String(data.headline.eligible), share: `${pct.toFixed(1).replace('.', ',')}%` });
  });

  it('keeps the plan headline (area, DTTS) visible', () => {
    const head = data.rows.filter((r) => r.geo_level === 'area' && r.ethnic_group === 'DTTS' && r.sex === 'ALL');
    expect(head.length).toBeGreaterThan(20);
    expect(head.filter((r) => r.suppressed)).toEqual([]);
  });

  it('never blanks a baseline without blanking what is computed from it', () => {
    const hidden2020 = new Set(data.rows.filter((r) => r.year === 2020 && r.suppressed).map((r) => [r.indicator_id, r.geo_level, r.geo_code, r.ethnic_group, r.sex].join('|')));
    for (const r of data.rows) {
      if (r.year === 2020 || !hidden2020.has([r.indicator_id, r.geo_level, r.geo_code, r.ethnic_group, r.sex].join('|'))) continue;
      expect(r.baseline_value).toBeNull();
      expect(r.change_vs_baseline).toBeNull();
      if (r.indicator_id === 'income_per_capita') expect(r.target).toBeNull();
    }
  });

  it('gives every commune and ethnic-group row a status, as the overview does', async () => {
    await withDb(join(dir, 'public.duckdb'), async (db) => {
      const rows = await db.all<{ page: string; page_key: string; row_label: string; status_label: string; target_text: string }>(
        `select page, page_key, row_label, status_label, target_text from matrix where page in ('commune', 'ethnic')`);
      const allowed = new Set(['Đạt', 'Đúng tiến độ', 'Chậm tiến độ', 'Không đạt', 'Không áp dụng', 'Chưa có số liệu', 'Chưa đánh giá', 'Ẩn', 'Không đặt mục tiêu']);
      expect(rows.length).toBeGreaterThan(100);
      for (const r of rows) expect(allowed, `${r.page} ${r.page_key} ${r.row_label}: ${r.status_label}`).toContain(r.status_label);
      // Every commune page (both frames) and every group page lists the plan targets with statuses.
      const pages = new Set(rows.map((r) => `${r.page}|${r.page_key}`));
      expect([...pages].filter((p) => p.startsWith('commune|2025-')).length).toBe(6);
      expect([...pages].filter((p) => p.startsWith('commune|2020-')).length).toBe(17);
      expect(rows.some((r) => r.page === 'commune' && /^(Đạt|Đúng tiến độ|Chậm tiến độ)$/.test(r.status_label))).toBe(true);
      expect(rows.some((r) => r.page === 'ethnic' && /^(Đạt|Đúng tiến độ|Chậm tiến độ)$/.test(r.status_label))).toBe(true);
    });
    // A commune with schools but no boarding school (PTDTNT) of its own: "Không áp dụng", not "Chưa có số liệu".
    const boarding = new Set(data.rows.filter((r) => r.indicator_id === 'boarding_school_standard').map((r) => geoSlug(r.geo_level, r.geo_code)));
    await withDb(join(dir, 'public.duckdb'), async (db) => {
      const rows = await db.all<{ page_key: string; status_label: string }>(`select m.page_key, m.status_label
        from matrix m join indicators i on i.name_vi = m.row_label
        where m.page = 'commune' and i.indicator_id = 'boarding_school_standard'`);
      expect(rows.filter((r) => !boarding.has(r.page_key)).length).toBeGreaterThan(0);
      for (const r of rows) expect(r.status_label === 'Không áp dụng', r.page_key).toBe(!boarding.has(r.page_key));
    });
    // The near-poor rate is context: the plan sets no target for it, so it has no status either.
    const nearPoor = catalogRows.find((c) => c.indicator_id === 'near_poor_household_rate')!;
    const row = data.rows.find((r) => r.status === 'no_data')!;
    expect(statusText(row, nearPoor)).toBe('Không đặt mục tiêu');
    expect(statusText(undefined, catalogRows[0])).toBe('Chưa có số liệu');
  });

  it('ships the catalog in Vietnamese: sources, definitions and units of every target, counts and yes/no included', async () => {
    await withDb(join(dir, 'public.duckdb'), async (db) => {
      const pending = await db.all<Record<string, string>>(`select name_vi, clause, source_label, numerator_text, denominator_text, unit_label, method_note
        from indicators`);
      expect(pending.length).toBe(catalogRows.length);
      const units = await db.all<{ indicator_id: string; unit_label: string; denominator_text: string }>(
        `select indicator_id, unit_label, denominator_text from indicators where indicator_id in ('teen_first_births', 'annual_dtts_survey') order by indicator_id`);
      expect(units.map((u) => u.unit_label)).toEqual(['có/không', 'số lượng']);
      for (const u of units) expect(u.denominator_text, u.indicator_id).toMatch(/^Không có mẫu số/);
      for (const r of pending) {
        expect(JSON.stringify(r)).not.toMatch(/none yet|expected|register|survey|\bcount\b|yes_no|\bthe\b/i);
        expect(r.source_label?.length).toBeGreaterThan(5);
      }
      const notes = await db.all<{ method_note: string }>(`select method_note from indicators where method_note <> ''`);
      for (const n of notes) expect(n.method_note).not.toMatch(/\bunder\b|break in method/);
    });
  });

  it('ships quarantine reasons and counts, never the values', async () => {
    const file = await readFile(join(dir, 'public.duckdb'));
    for (const pii of FIXTURE_PII) expect(file.includes(Buffer.from(pii))).toBe(false);
    const q = await withDb(join(dir, 'public.duckdb'), (db) => db.all<{ source: string; reason: string; rows: number }>(`select source, reason, rows from dq_quarantine order by source, reason`));
    // Worded from the codes in the site's Vietnamese; the two duplicates, found at different rows, count as one reason.
    expect(q.map((r) => r.reason).sort()).toEqual([
      'Mã dân tộc không có trong danh mục (01–55)', 'Mã dân tộc không có trong danh mục (01–55)',
      'Ngày sinh sau ngày tham chiếu 01/10/2025', 'Trùng ma_ho, stt: đã nạp từ một dòng khác',
    ]);
    expect(q.find((r) => r.reason.startsWith('Trùng'))?.rows).toBe(2);
    const w = await withDb(join(dir, 'public.duckdb'), (db) => db.all<{ code: string; message: string }>(`select code, message from dq_warnings order by code`));
    // A code the catalogue does not know shows as itself, never the English message (which may quote a cell).
    expect(w).toEqual([
      { code: 'legacy_encoding', message: 'Văn bản mã TCVN3 đã được chuyển sang Unicode' },
      { code: 'unknown_value', message: 'unknown_value' },
    ]);
    const checks = await withDb(join(dir, 'public.duckdb'), (db) => db.all<{ ma: string; mo_ta: string }>(`select ma, mo_ta from dq_checks order by ma`));
    expect(checks).toEqual([
      { ma: 'households_without_persons', mo_ta: 'Mỗi hộ có ít nhất một nhân khẩu (nếu không: không có chủ hộ, dân tộc, quy mô 0)' },
      { ma: 'unique__stg_census__ho__year_ma_ho', mo_ta: 'staging.stg_census__ho: (year, ma_ho) không trùng lặp' },
    ]);
    expect(scrubText('value "001203004567" for Nguyễn Văn Thử')).toBe('value «…» for Nguyễn Văn Thử');
  });

  it('states the build in Vietnamese time and the reorganisation notes', async () => {
    await withDb(join(dir, 'public.duckdb'), async (db) => {
      expect(await db.all(`select run_id, built_at from run_info`)).toEqual([{ run_id: 'test-run', built_at: '01/02/2026 03:05' }]);
      const baoHa = await db.one<{ note: string }>(`select note from reorganisation where new_code = '02989'`);
      expect(baoHa!.note).toMatch(/Tân Thượng/);
      expect(baoHa!.note).toMatch(/Tân An/);
      const reused = await db.all(`select new_code from reorganisation where note like 'Mã % dùng lại%' order by 1`);
      expect(reused.map((r) => r.new_code)).toEqual(['02947', '02953', '02962', '02968', '02989', '02998']);
      // No note says a commune "was X, is X".
      for (const { note } of await db.all<{ note: string }>(`select note from reorganisation`)) {
        const m = /trước 01\/07\/2025 là (.+?), từ 01\/07\/2025 là (.+?)\./.exec(note);
        if (m) expect(m[1]).not.toBe(m[2]);
      }
    });
  });

  it('says a re-used code with an unchanged name grew, and names a changed name on both sides', () => {
    expect(reusedCodeNote('02953', 'Xã Nghĩa Đô', 'Xã Nghĩa Đô', ['Xã Tân Tiến', 'Xã Nghĩa Đô', 'Xã Vĩnh Yên']))
      .toBe('Mã 02953 dùng lại: Xã Nghĩa Đô từ 01/07/2025 gồm cả Tân Tiến, Vĩnh Yên, rộng hơn Xã Nghĩa Đô trước 01/07/2025.');
    // Xuân Hoà and Xuân Hòa are one name in two tone placements.
    expect(reusedCodeNote('02962', 'Xã Xuân Hoà', 'Xã Xuân Hòa', ['Xã Xuân Hoà', 'Xã Tân Dương']))
      .toBe('Mã 02962 dùng lại: Xã Xuân Hòa từ 01/07/2025 gồm cả Tân Dương, rộng hơn Xã Xuân Hoà trước 01/07/2025.');
    expect(reusedCodeNote('02947', 'Thị trấn Phố Ràng', 'Xã Bảo Yên', ['Thị trấn Phố Ràng', 'Xã Xuân Thượng']))
      .toBe('Mã 02947 dùng lại: trước 01/07/2025 là Thị trấn Phố Ràng, từ 01/07/2025 là Xã Bảo Yên.');
  });
});
