// After the plan period, end to end: the fixtures' 2025 folders delivered again as 2026, and a plan
// file for 2026–2030 with one target (health insurance above 99%). The run computes 2026, judges that
// target by the new plan and every other by its 2025 target, and the Excel scorecard shows both.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { PLAN_COLUMNS } from '@dtts/indicators';
import { runPipeline } from './run.ts';

const repo = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'dtts-after-plan-'));
const sources = join(work, 'sources');
const plans = join(work, 'plans');
const out = join(work, 'out');
const quiet = { info: () => {}, progress: () => {} };

const wb = new ExcelJS.Workbook();
let values: { indicator_id: string; year: number; plan_id: string; target: number | null; target_year: number; status: string }[];

beforeAll(async () => {
  for (const connector of readdirSync(join(repo, 'packages/connectors'))) {
    const fixtures = join(repo, 'packages/connectors', connector, 'fixtures');
    if (!existsSync(join(fixtures, 'expected.json'))) continue;
    for (const entry of readdirSync(fixtures, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      cpSync(join(fixtures, entry.name), join(sources, entry.name), { recursive: true });
      if (existsSync(join(fixtures, entry.name, '2025'))) cpSync(join(fixtures, entry.name, '2025'), join(sources, entry.name, '2026'), { recursive: true });
    }
  }
  mkdirSync(plans);
  writeFileSync(join(plans, 'ke-hoach-2026-2030.csv'), `${PLAN_COLUMNS.join(',')}\n`
    + 'KH-2026-2030,Kế hoạch giai đoạn 2026–2030,2025,2030,health_insurance_coverage,more_than,99,"Tỷ lệ đồng bào DTTS tham gia bảo hiểm y tế đạt trên 99%."\n');
  await runPipeline({ sourcesDir: sources, usesSample: false, outDir: out, skipReports: true, hashKey: 'after-plan-key-0123456', plansDir: plans }, quiet);
  await wb.xlsx.readFile(join(out, 'exports/bao-cao.xlsx'));
  const db = await Db.open(join(out, 'warehouse.duckdb'));
  try {
    values = await db.all(`select indicator_id, year, plan_id, target, target_year, status from marts.indicator_values
      where geo_level = 'area' and ethnic_group = 'ALL' and sex = 'ALL' order by indicator_id, year`);
  } finally {
    db.close();
  }
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a run with 2026 data and a 2026–2030 plan file', () => {
  it('computes 2026 and judges it by the plan in force', () => {
    const of = (id: string, year: number) => values.find((v) => v.indicator_id === id && v.year === year);
    expect(of('health_insurance_coverage', 2026)).toMatchObject({ plan_id: 'KH-2026-2030', target: 99, target_year: 2030 });
    expect(of('health_insurance_coverage', 2025)).toMatchObject({ plan_id: 'KH-2021-2025', target: 98, target_year: 2025 });
    expect(of('grid_electricity_households', 2026)).toMatchObject({ plan_id: 'KH-2021-2025', target: 98, target_year: 2025 });
    // After the target year the line lies beyond the target: met, or not (not_achieved, shown "Không đạt").
    for (const v of values.filter((x) => x.year === 2026 && x.plan_id === 'KH-2021-2025' && x.target !== null)) {
      expect(['achieved', 'not_achieved'], `${v.indicator_id}`).toContain(v.status);
    }
  });

  it('finds the new target on the Excel scorecard, with the plan-period note', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows: ExcelJS.CellValue[][] = [];
    for (let n = 1; n <= ws.rowCount; n++) rows.push((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1));
    expect(String(rows[2]![0])).toMatch(/^Kỳ kế hoạch 2021–2025 .* đã kết thúc năm 2025\. Số liệu năm 2026 được đánh giá theo Kế hoạch giai đoạn 2026–2030 \(năm gốc 2025, mục tiêu năm 2030\)/);
    const header = rows.find((r) => r[0] === 'Chỉ tiêu')!;
    expect(header).toContain('2026');
    const col = (name: string) => header.indexOf(name);
    const hi = rows.find((r) => r[0] === 'Tỷ lệ người tham gia bảo hiểm y tế')!;
    expect(hi[col('Mục tiêu')]).toBe(99);
    expect(hi[col('Năm mục tiêu')]).toBe(2030);
    const grid = rows.find((r) => r[0] === 'Tỷ lệ hộ sử dụng điện lưới quốc gia và các nguồn điện khác phù hợp')!;
    expect(grid[col('Năm mục tiêu')]).toBe(2025);
    expect(['Đạt', 'Không đạt', 'Ẩn']).toContain(grid[col('Trạng thái (năm gần nhất)')]);
  });
});
