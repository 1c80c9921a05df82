// The Excel appendix written from the fixture warehouse, read back with exceljs: sheets, numbers
// recomputed from the warehouse's own numerators and denominators, hidden cells, print setup.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell, withDb } from '@dtts/db';
import { writeFixtureWarehouse } from '../test/fixture.ts';
import { writeExcelAppendix } from './excel-appendix.ts';
import { writePublicData, type PublicData } from './public-data.ts';

let dir: string;
let data: PublicData;
const wb = new ExcelJS.Workbook();
const run = { runId: 'test-run', builtAt: '2026-01-31T20:05:00Z', sourcesDir: '/x/sources', manifestPath: '/x/run-manifest.json' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-xlsx-'));
  await writeFixtureWarehouse(join(dir, 'warehouse.duckdb'));
  data = await writePublicData(join(dir, 'warehouse.duckdb'), join(dir, 'public.duckdb'), dir, run);
  await writeExcelAppendix(join(dir, 'bao-cao.xlsx'), data, run);
  await wb.xlsx.readFile(join(dir, 'bao-cao.xlsx'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Rows of a sheet as arrays of cell values, index = row number − 1 (empty rows included). */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let n = 1; n <= ws.rowCount; n++) out.push((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1));
  return out;
}

describe('exports/bao-cao.xlsx', () => {
  it('has a scorecard sheet and one sheet per indicator with values', () => {
    const indicators = new Set(data.rows.map((r) => r.indicator_id));
    expect(wb.worksheets.map((w) => w.name)[0]).toBe('Tổng hợp');
    expect(wb.worksheets.length).toBe(1 + indicators.size);
    expect(wb.getWorksheet('1. Thu nhập bình quân đầu người')).toBeDefined();
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
  });

  it('shows the DTTS headline at the area level as recomputed from the warehouse', async () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows = rowsOf(ws);
    const header = rows.find((r) => r[0] === 'Chỉ tiêu')!;
    expect(header.slice(3, 9)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(header.slice(9)).toEqual(['Mục tiêu', 'Năm mục tiêu', 'Trạng thái (năm gần nhất)', 'Nguồn']);
    const hi = rows.find((r) => r[0] === 'Tỷ lệ người tham gia bảo hiểm y tế')!;
    expect(hi[2]).toBe('DTTS');
    const expected = await withDb(join(dir, 'warehouse.duckdb'), (db) => db.all<{ year: number; v: number }>(
      `select year, 100.0 * numerator / denominator as v from marts.indicator_values
       where indicator_id = 'health_insurance_coverage' and geo_level = 'area' and ethnic_group = 'DTTS' and sex = 'ALL' order by year`));
    expect(expected.length).toBe(6);
    for (const [i, e] of expected.entries()) expect(hi[3 + i]).toBeCloseTo(e.v, 9);
    expect(hi[9]).toBe(98); // "trên 98%"
    expect(hi[10]).toBe(2025);
    expect(['Đạt', 'Đúng tiến độ', 'Chậm tiến độ', 'Không đạt']).toContain(hi[11]);
    // The source's name as its connector declares it (ref.sources), with its reference date.
    expect(String(hi[12]).startsWith(`Nguồn: ${data.sources.label('health-insurance')} (31/12/2025)`)).toBe(true);
    // Income: VND, whole numbers in the Vietnamese-tagged format; its target is 2 × the 2020 value.
    const income = rows.find((r) => r[0] === 'Thu nhập bình quân đầu người')!;
    expect(income[9]).toBeCloseTo(2 * (income[3] as number), 6);
    const cell = ws.getRow(rows.indexOf(income) + 1).getCell(4);
    expect(cell.numFmt).toBe('[$-42A]#,##0');
    expect(ws.getRow(rows.indexOf(hi) + 1).getCell(4).numFmt).toBe('[$-42A]#,##0.0"%"');
  });

  it('has the indicators of the other sources: counts as whole numbers, yes/no as Có/Không, the district level to 2024', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows = rowsOf(ws);
    const rowOf = (id: string) => rows.find((r) => r[0] === data.catalog.find((c) => c.indicator_id === id)!.name_vi)!;
    const teen = rowOf('teen_first_births');
    const area = (y: number) => data.rows.find((r) => r.indicator_id === 'teen_first_births' && r.year === y && r.geo_level === 'area' && r.ethnic_group === 'DTTS')!;
    expect(teen[2]).toBe('DTTS');
    expect(teen[8]).toBe(area(2025).value);
    expect(ws.getRow(rows.indexOf(teen) + 1).getCell(9).numFmt).toBe('[$-42A]#,##0');
    expect(String(teen[9])).toMatch(/^< \d/);
    // The fixture holds no survey in 2021 only.
    expect(rowOf('annual_dtts_survey').slice(3, 9)).toEqual(['Có', 'Không', 'Có', 'Có', 'Có', 'Có']);
    expect(rowOf('annual_dtts_survey')[11]).toBe('Đạt');
    const district = rowOf('dtts_officials_district');
    expect(typeof district[7]).toBe('number');
    expect(district[8]).toBe('Cấp huyện không còn từ 01/07/2025: số liệu đến năm 2024');
    expect(wb.worksheets.some((w) => w.name.includes('phụ nữ DTTS dưới 18'))).toBe(true);
  });

  it('shows suppressed cells as "Ẩn" with the reason, never their number', () => {
    const hidden = data.rows.find((r) => r.suppressed && r.geo_level === 'commune_2025' && r.sex === 'ALL'
      && r.ethnic_group === (data.rows.some((x) => x.indicator_id === r.indicator_id && x.ethnic_group === 'DTTS') ? 'DTTS' : 'ALL'))!;
    expect(hidden).toBeDefined();
    const cat = data.catalog.find((c) => c.indicator_id === hidden.indicator_id)!;
    const ws = wb.worksheets.find((w) => w.name.startsWith(`${cat.sort_order}. `))!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(2).value !== hidden.geo_code || found) return;
      const cell = row.getCell(3 + hidden.year - 2020);
      expect(cell.value).toBe('Ẩn');
      expect(String(cell.note)).toMatch(/^Ẩn/);
      found = true;
    });
    expect(found).toBe(true);
    // No sheet holds a number where the public rows hold none: every numeric cell of a commune row is a shown value.
    const shown = new Set(data.rows.filter((r) => !r.suppressed && r.value !== null).map((r) => r.value));
    for (const w of wb.worksheets.slice(1)) {
      w.eachRow((row, n) => {
        if (n <= 5) return;
        row.eachCell((c, col) => {
          if (col >= 3 && typeof c.value === 'number') expect(shown.has(c.value), `${w.name}!${c.address}`).toBe(true);
        });
      });
    }
  });

  it('is set up for leaders: frozen headers, A4 landscape on one page wide, status colours', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
    const sc = wb.getWorksheet('Tổng hợp')!;
    const header = rowsOf(sc).findIndex((r) => r[0] === 'Chỉ tiêu') + 1;
    expect(sc.views[0]).toMatchObject({ ySplit: header });
    expect(sc.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    const cf = (sc as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]!.ref).toBe(`L${header + 1}:L${sc.rowCount}`);
    expect(cf[0]!.rules.map((r) => r.formulae[0])).toEqual(['"Đạt"', '"Đúng tiến độ"', '"Chậm tiến độ"', '"Không đạt"', '"Ẩn"']);
  });

  it('neutralises text a spreadsheet would run as a formula (the shared rule of @dtts/db)', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('-1+2')).toBe(`'-1+2`);
    expect(neutraliseCell('Xã Bảo Hà')).toBe('Xã Bảo Hà');
  });
});
