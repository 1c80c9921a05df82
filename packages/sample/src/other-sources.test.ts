// The five §7 sources of the sample (health, civil-registration, staff, villages, activities):
// every file read back through its real connector reconciles with the truth, the planted bad rows
// land in the quarantine where the truth says, the loaded rows are the model's (the indicators'
// parts recomputed in SQL equal expected.ts's), and every §7 variation sits in a real file.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '@dtts/db';
import type { IngestResult } from '@dtts/ingest-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedIndicators } from './expected.ts';
import type { SampleSummary } from './generate.ts';
import { communes2025, communeModels } from './model/communes.ts';
import { buildPopulation } from './model/population.ts';
import { buildSchools } from './model/schools.ts';
import { communesIn, yearData } from './model/year.ts';
import { ingestOtherSources, OTHER_SOURCES, type QuarantineRow } from './testing/other-sources.ts';
import { readGrid } from './testing/read-back.ts';
import { SMALL_SCALE, smallSample } from './testing/small-sample.ts';

let s: { dir: string; summary: SampleSummary };
let db: Db;
let result: IngestResult;
let quarantine: QuarantineRow[];
beforeAll(async () => {
  s = await smallSample();
  ({ db, result, quarantine } = await ingestOtherSources(s.dir));
}, 300_000);
afterAll(() => db?.close());

const ours = () => s.summary.files.filter((f) => OTHER_SOURCES.includes(f.source));
const truthOf = (f: string) => {
  const t = s.summary.files.find((x) => x.file === f);
  if (!t) throw new Error(`no file ${f}`);
  return t;
};
async function header(f: string): Promise<string[]> {
  return (await readGrid(join(s.dir, f))).rows[truthOf(f).headerRow]!.map((h) => h.normalize('NFC'));
}
/** Distinct values of one column (by header text) over the data rows of a file. */
async function values(f: string, head: string): Promise<Set<string>> {
  const t = truthOf(f);
  const g = await readGrid(join(s.dir, f));
  const col = g.rows[t.headerRow]!.findIndex((h) => h.normalize('NFC') === head);
  if (col < 0) throw new Error(`${f}: no header ${head}`);
  const out = new Set<string>();
  for (let r = t.firstDataRow; r < t.firstDataRow + t.dataRows; r++) out.add(g.rows[r]?.[col]?.normalize('NFC') ?? '');
  return out;
}
const num = (v: unknown): number => Number(v);

describe('the five other sources of the sample', () => {
  it('lays out one folder per source and year; activities/2021 is missing and to_chuc_dang ends in 2024', async () => {
    const files: string[] = [];
    for (const e of await readdir(s.dir, { withFileTypes: true, recursive: true })) if (e.isFile()) files.push(relative(s.dir, join(e.parentPath, e.name)));
    for (const source of OTHER_SOURCES) {
      for (let y = 2020; y <= 2025; y++) {
        const present = files.some((f) => f.startsWith(`${source}/${y}/`));
        expect(present, `${source}/${y}`).toBe(!(source === 'activities' && y === 2021));
      }
    }
    expect(files.filter((f) => f.includes('/to_chuc_dang_')).map((f) => f.slice(11, 15)).sort()).toEqual(['2020', '2022', '2023', '2024']);
    expect(s.summary.missingSourceYears).toEqual([{ source: 'activities', year: 2021 }]);
    expect(files.filter((f) => /^health\/2024\/can_tre_(xa|thi_tran)_/.test(f)).length).toBeGreaterThan(10);
    expect(new Set(ours().map((f) => f.format))).toEqual(new Set(['csv', 'xlsx']));
    const codes = async (year: number) => (await db.all<{ c: string }>(`
      SELECT DISTINCT commune_code AS c FROM (
        SELECT year, commune_code FROM ingest.health_sinh_de UNION ALL SELECT year, commune_code FROM ingest.health_can_tre
        UNION ALL SELECT year, commune_code FROM ingest.civil_registration_hon_nhan UNION ALL SELECT year, commune_code FROM ingest.staff_can_bo
        UNION ALL SELECT year, commune_code FROM ingest.villages_thon UNION ALL SELECT year, commune_code FROM ingest.villages_xa
        UNION ALL SELECT year, commune_code FROM ingest.activities_hoat_dong)
      WHERE year = ? AND commune_code IS NOT NULL ORDER BY 1`, [year])).map((r) => r.c);
    expect(await codes(2025)).toEqual(communes2025.map((u) => u.code).sort());
    expect(await codes(2020)).toEqual(communeModels.filter((c) => !c.vanBan).map((c) => c.code).sort());
  });

  it('reads every file back through its connector, and each reconciles with the truth', () => {
    expect(result.failures).toEqual([]);
    expect(result.files.map((f) => f.file).sort()).toEqual(ours().map((f) => f.file).sort());
    for (const f of ours()) {
      const got = result.files.find((r) => r.file === f.file)!;
      expect({ file: f.file, loaded: got.rowsLoaded, quarantined: got.rowsQuarantined }).toEqual({ file: f.file, loaded: f.expectedLoaded, quarantined: f.rowsRejected });
      expect(got.rowsRead, f.file).toBe(got.rowsLoaded + got.rowsQuarantined + got.rowsSkipped);
      expect(got.rowsSkipped, f.file).toBeGreaterThanOrEqual(f.skipped.length);
    }
  });

  it('quarantines exactly the planted bad rows, at their file, row and column, and nothing else', () => {
    const planted = s.summary.badRows.filter((b) => OTHER_SOURCES.some((src) => b.file.startsWith(`${src}/`)));
    const key = (r: { file: string; row: number; column: string; action: string }) => `${r.file}#${r.row}#${r.column}#${r.action}`;
    expect(quarantine.map(key).sort()).toEqual(planted.map(key).sort());
    const whys = planted.map((b) => b.why).join('\n');
    for (const kind of ['outside 2021', 'aged 9', 'implausible weight', 'without day and month', 'before the birth', 'duplicate so_thu_tu', "'Xã' staff row without a commune", 'so_luong 0']) expect(whys, kind).toContain(kind);
    expect(planted.filter((b) => b.action === 'value_blanked').map((b) => b.column).sort()).toEqual(['can_nang', 'so_luong']);
  });

  it('loads the model: the indicators parts recomputed from the loaded rows equal expected.ts, 2020 and 2025', async () => {
    const pop = buildPopulation(28, SMALL_SCALE);
    const schools = buildSchools(28);
    for (const year of [2020, 2025]) {
      const d = yearData(pop, schools, year, 28);
      const expected = new Map(expectedIndicators(d, communesIn(year).map((c) => c.code)).filter((v) => v.group !== 'ALL' || !['antenatal_care_dtts', 'underweight_children_dtts', 'teen_first_births', 'child_marriages'].includes(v.id)).map((v) => [v.id, v.text]));
      const pct = (n: unknown, den: unknown) => `${((100 * num(n)) / num(den)).toFixed(1)} (${num(n)}/${num(den)})`;
      const one = async (sql: string) => (await db.all<{ n: number; d: number }>(sql, [year]))[0]!;
      const rows = (await db.all<Record<string, unknown>>(`SELECT (SELECT count(*) FROM ingest.health_sinh_de WHERE year = $1) AS sinh_de, (SELECT count(*) FROM ingest.health_can_tre WHERE year = $1) AS can_tre,
        (SELECT count(*) FROM ingest.civil_registration_hon_nhan WHERE year = $1) AS hon_nhan, (SELECT count(*) FROM ingest.staff_can_bo WHERE year = $1) AS can_bo,
        (SELECT count(*) FROM ingest.villages_thon WHERE year = $1) AS thon, (SELECT count(*) FROM ingest.activities_hoat_dong WHERE year = $1) AS hoat_dong`, [year]))[0]!;
      expect(Object.values(rows).map(num), String(year)).toEqual([d.sinhDe.length, d.canTre.length, d.honNhan.length, d.canBo.length, d.thon.length, d.hoatDong.length]);
      const anc = await one(`SELECT count(*) FILTER (so_lan_kham_thai >= 4 AND noi_de IN ('facility', 'home_with_staff')) AS n, count(*) AS d FROM ingest.health_sinh_de WHERE year = $1 AND dan_toc_me <> '01'`);
      expect(pct(anc.n, anc.d), `antenatal ${year}`).toBe(expected.get('antenatal_care_dtts'));
      const uw = await one(`SELECT count(*) FILTER (weight_for_age_z < -2) AS n, count(*) AS d FROM ingest.health_can_tre WHERE year = $1 AND dan_toc <> '01' AND age_days <= 1826 AND weight_for_age_z BETWEEN -6 AND 5`);
      expect(pct(uw.n, uw.d), `underweight ${year}`).toBe(expected.get('underweight_children_dtts'));
      const teen = await one(`SELECT count(*) AS n FROM ingest.health_sinh_de WHERE year = $1 AND dan_toc_me <> '01' AND lan_sinh = 1 AND $1 - nam_sinh_me < 18`);
      expect(String(num(teen.n)), `teen ${year}`).toBe(expected.get('teen_first_births'));
      const child = await one(`SELECT count(*) AS n FROM ingest.civil_registration_hon_nhan WHERE year = $1 AND dan_toc_vo <> '01' AND ($1 - nam_sinh_chong < 20 OR $1 - nam_sinh_vo < 18)`);
      expect(String(num(child.n)), `child marriages ${year}`).toBe(expected.get('child_marriages'));
      const officials = await one(`SELECT count(*) FILTER (dan_toc <> '01') AS n, count(*) AS d FROM ingest.staff_can_bo WHERE year = $1 AND cap = 'Xã' AND loai IN ('Cán bộ', 'Công chức')`);
      expect(pct(officials.n, officials.d), `officials ${year}`).toBe(expected.get('dtts_officials_commune'));
      const roads = await one(`SELECT count(*) FILTER (mat_duong IN ('Nhựa', 'Bê tông')) AS n, count(*) AS d FROM ingest.villages_thon WHERE year = $1`);
      expect(pct(roads.n, roads.d), `roads ${year}`).toBe(expected.get('paved_roads_to_village_centres'));
      const examples = await one(`SELECT sum(coalesce(so_luong, 1)) AS n FROM ingest.activities_hoat_dong WHERE year = $1 AND loai = 'Nêu gương'`);
      expect(expected.get('good_examples_per_commune')!.startsWith(`${num(examples.n)} `), `examples ${year}`).toBe(true);
    }
  });

  it('2025: no district staff, no district activity after 30 Jun, no party organisations file', async () => {
    expect(await db.all(`SELECT year, count(*) FILTER (cap = 'Huyện')::INTEGER AS n FROM ingest.staff_can_bo GROUP BY year ORDER BY year`)).toEqual(
      [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, n: year === 2025 ? 0 : 400 })));
    expect((await db.all<{ d: string }>(`SELECT max(ngay)::VARCHAR AS d FROM ingest.activities_hoat_dong WHERE year = 2025 AND cap = 'Huyện'`))[0]!.d <= '2025-06-30').toBe(true);
    for (const kind of ['Nêu gương', 'Đối thoại người có uy tín', 'Kiểm tra, giám sát', 'Điều tra DTTS']) {
      const years = await db.all<{ year: number }>(`SELECT DISTINCT year FROM ingest.activities_hoat_dong WHERE loai = ? ORDER BY year`, [kind]);
      expect(years.map((y) => y.year), kind).toEqual([2020, 2022, 2023, 2024, 2025]);
    }
  });
});

describe('variations of SOURCES.md §7 on real files', () => {
  it('column aliases', async () => {
    expect(await header('health/2021/sinh_de_2021.csv')).toEqual(expect.arrayContaining(['Số sổ', 'Họ tên sản phụ', 'CCCD mẹ', 'Năm sinh sản phụ', 'Dân tộc', 'Xã', 'Ngày sinh con', 'Con thứ']));
    expect(await header('health/2022/can_tre_2022.csv')).toEqual(expect.arrayContaining(['Mã định danh trẻ', 'Họ và tên', 'Cân nặng']));
    expect(await header('civil-registration/2021/hon_nhan_2021.csv')).toEqual(expect.arrayContaining(['Mã cặp', 'Ngày ghi nhận', 'Năm sinh chồng', 'Năm sinh vợ', 'Đăng ký', 'Kết hôn cận huyết']));
    expect(await header('staff/2021/can_bo_2021.csv')).toEqual(expect.arrayContaining(['Số hiệu cán bộ', 'CCCD', 'Năm sinh', 'Cấp quản lý', 'Phân loại', 'Trình độ', 'Chủ chốt', 'Đã bồi dưỡng QLKT']));
    expect(await header('villages/2021/thon_2021.csv')).toEqual(expect.arrayContaining(['Thôn/bản', 'Mặt đường', 'Có đội văn nghệ', 'Thôn văn hóa', 'Tiếp cận thông tin']));
    expect(await header('villages/2022/xa_2022.csv')).toEqual(expect.arrayContaining(['Có đội văn nghệ', 'Tiếp cận thông tin']));
    expect(await header('activities/2024/to_chuc_dang_2024.csv')).toEqual(expect.arrayContaining(['Tổ chức Đảng', 'Có kế hoạch']));
    expect(await header('activities/2022/hoat_dong_2022.csv')).toEqual(expect.arrayContaining(['Số thứ tự', 'Thời gian', 'Loại', 'Số người/hộ được nêu gương']));
    expect(await header('staff/2023/can_bo_2023.csv')).toEqual(expect.arrayContaining(['Ma can bo', 'Trinh do chuyen mon']));
    // The second alias of each column with several, in the 2025 (and 2023) files.
    expect(await header('health/2025/sinh_de_2025.csv')).toEqual(expect.arrayContaining(['Mã phiếu', 'Năm sinh mẹ', 'Dân tộc mẹ']));
    expect(await header('civil-registration/2025/hon_nhan_2025.csv')).toEqual(expect.arrayContaining(['Số TT', 'Ngày']));
    expect(await header('villages/2025/thon_2025.csv')).toEqual(expect.arrayContaining(['Bản', 'Thuộc xã cũ', 'Mặt đường']));
    expect(await header('villages/2023/thon_2023.csv')).toContain('Thôn');
    expect(await header('villages/2024/thon_2024.xlsx')).toEqual(expect.arrayContaining(['Tên thôn', 'Mặt đường đến trung tâm thôn', 'Đội văn hóa, văn nghệ (CLB) truyền thống', 'Đạt tiêu chuẩn văn hóa', 'Đọc báo, xem truyền hình, nghe phát thanh của tỉnh']));
  });

  it('value abbreviations: noi_de, loai, cap, trinh_do, mat_duong, activity types', async () => {
    const noiDe = new Set([...(await values('health/2021/sinh_de_2021.csv', 'Nơi đẻ')), ...(await values('health/2024/sinh_de_2024.xlsx', 'NƠI ĐẺ'))]);
    for (const v of ['CSYT', 'Bệnh viện', 'Trạm y tế', 'Tại nhà có CBYT', 'Tại nhà']) expect(noiDe, v).toContain(v);
    expect(noiDe).not.toContain('Cơ sở y tế');
    expect(await values('staff/2021/can_bo_2021.csv', 'Phân loại')).toEqual(new Set(['CB', 'CC', 'VC']));
    expect(await values('staff/2021/can_bo_2021.csv', 'Cấp quản lý')).toEqual(new Set(['Huyện', 'Xã/thị trấn']));
    const trinhDo = await values('staff/2021/can_bo_2021.csv', 'Trình độ');
    for (const v of ['ĐH', 'ThS', 'CĐ', 'TC']) expect(trinhDo, v).toContain(v);
    const road = new Set([...(await values('villages/2021/thon_2021.csv', 'Mặt đường')), ...(await values('villages/2025/thon_2025.csv', 'Mặt đường'))]);
    for (const v of ['Rải nhựa', 'Asphalt', 'BTXM', 'Bê tông xi măng']) expect(road, v).toContain(v);
    const kinds = new Set([...(await values('activities/2022/hoat_dong_2022.csv', 'Loại')), ...(await values('activities/2024/hoat_dong_2024.csv', 'Loại hoạt động'))]);
    for (const v of ['Nêu gương', 'Gặp mặt người có uy tín', 'Điều tra dân tộc thiểu số']) expect(kinds, v).toContain(v);
    expect([...kinds].some((k) => k === 'Kiểm tra' || k === 'Giám sát')).toBe(true);
  });

  it('kilograms with a decimal comma and a point, as text and as number cells', async () => {
    expect([...(await values('health/2020/can_tre_2020.csv', 'Cân nặng (kg)'))].every((v) => /^\d+,\d$/.test(v))).toBe(true);
    expect([...(await values('health/2022/can_tre_2022.csv', 'Cân nặng'))].every((v) => /^\d+\.\d$/.test(v))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, 'health/2021/can_tre_2021.xlsx'));
    expect(typeof wb.worksheets[0]!.getCell('H2').value).toBe('number');
    expect([...(await values('health/2023/can_tre_2023.xlsx', 'Cân  nặng (kg) '))].every((v) => /^\d+,\d$/.test(v))).toBe(true);
  });

  it('dates as dd/mm/yyyy text and as real xlsx dates; ngay_sinh_me or nam_sinh_me', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, 'health/2020/sinh_de_2020.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['Ngày sinh mẹ', 'Ngày đẻ']));
    expect(ws.getCell('D5').value).toBeInstanceOf(Date);
    expect([...(await values('health/2024/sinh_de_2024.xlsx', 'NGÀY ĐẺ'))].every((v) => /^\d{2}\/\d{2}\/2024$/.test(v))).toBe(true);
    expect([...(await values('health/2021/sinh_de_2021.csv', 'Năm sinh sản phụ'))].every((v) => /^\d{4}$/.test(v))).toBe(true);
    expect(await header('health/2021/sinh_de_2021.csv')).not.toContain('Ngày sinh mẹ');
  });

  it('village names with Thôn/Bản/TDP prefixes, case and NFD variations, read as the same villages every year', async () => {
    const names = await values('villages/2021/thon_2021.csv', 'Thôn/bản');
    expect([...names].some((n) => n.startsWith('Bản '))).toBe(true);
    expect([...names].some((n) => n.startsWith('TDP '))).toBe(true);
    expect([...names].some((n) => n.startsWith('THÔN '))).toBe(true);
    expect([...names].some((n) => n.startsWith('thôn '))).toBe(true);
    expect([...names].some((n) => !/^(Thôn|Bản|TDP|Tổ dân phố) /iu.test(n))).toBe(true);
    const nfd = (await readFile(join(s.dir, 'villages/2022/thon_2022.csv'))).toString('utf8');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const villagesOf = async (year: number) => (await db.all<{ k: string }>(`SELECT commune_code || '|' || ten_thon_khoa AS k FROM ingest.villages_thon WHERE year = ? ORDER BY 1`, [year])).map((r) => r.k);
    const v2020 = await villagesOf(2020);
    for (const y of [2021, 2022, 2023, 2024]) expect(await villagesOf(y), String(y)).toEqual(v2020);
  });

  it('2025 villages name their former commune: two villages of one merged commune share a name', async () => {
    const xaCu = await values('villages/2025/thon_2025.csv', 'Thuộc xã cũ');
    expect([...xaCu].some((v) => /^\d{5}$/.test(v)) && [...xaCu].some((v) => v.startsWith('Xã '))).toBe(true);
    const shared = await db.all(`SELECT commune_code, ten_thon_khoa, count(DISTINCT xa_cu)::INTEGER AS n FROM ingest.villages_thon WHERE year = 2025 GROUP BY ALL HAVING count(*) > 1`);
    expect(shared.length).toBeGreaterThan(0);
  });

  it('x-mark booleans with signature lines below: blanks read as false, the signature lines skipped', async () => {
    for (const f of ['villages/2021/xa_2021.xlsx', 'staff/2020/can_bo_2020.xlsx', 'activities/2020/to_chuc_dang_2020.xlsx']) {
      const t = truthOf(f);
      expect(t.skipped.map((k) => k.kind), f).toEqual(['note', 'signature', 'signature']);
      const g = await readGrid(join(s.dir, f));
      expect(g.rows[t.skipped.at(-1)!.row]!.join(''), f).toBe('(Ký, ghi rõ họ tên)');
    }
    expect(await values('villages/2021/xa_2021.xlsx', 'Đội văn nghệ xã')).toEqual(new Set(['x', '']));
    const xa = await db.all<{ t: number; f: number }>(`SELECT count(*) FILTER (doi_van_nghe_xa)::INTEGER AS t, count(*) FILTER (NOT doi_van_nghe_xa)::INTEGER AS f FROM ingest.villages_xa WHERE year = 2021`);
    expect(xa[0]!.t).toBeGreaterThan(0);
    expect(xa[0]!.f).toBeGreaterThan(0);
  });
});
