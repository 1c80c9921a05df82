import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { readGrid } from './testing/read-back.ts';
import { smallSample } from './testing/small-sample.ts';
import type { SampleSummary } from './generate.ts';
import type { Truth } from './truth.ts';
import { generateSample } from './generate.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

let s: { dir: string; summary: SampleSummary };
beforeAll(async () => {
  s = await smallSample();
}, 60_000);

describe('planted bad rows', () => {
  it('plants one of each kind the contract names', () => {
    const whys = s.summary.badRows.map((b) => b.why).join('\n');
    for (const kind of ['unknown commune', 'ambiguous ethnic', 'impossible date', 'after the census reference date', "sex 'K'", 'duplicate ma_ho', 'does not exist in ho', 'before it starts', "'Khá'", 'solid classrooms', 'does not exist in truong', 'negative income', "boolean 'abc'", 'outside 0-12',
      'outside 2021', 'aged 9', 'implausible weight', 'without day and month', 'before the birth', 'duplicate so_thu_tu', 'without a commune', 'so_luong 0']) {
      expect(whys, kind).toContain(kind);
    }
    expect(s.summary.badRows.filter((b) => b.action === 'value_blanked').length).toBeGreaterThanOrEqual(3);
  });

  it('puts every bad row in the written file at the recorded row, in the recorded column', async () => {
    for (const bad of s.summary.badRows) {
      const file = s.summary.files.find((f) => f.file === bad.file)!;
      const grid = await readGrid(join(s.dir, bad.file));
      const header = grid.rows[file.headerRow]!;
      const col = header.indexOf(bad.header);
      expect(col, `${bad.file} header ${bad.header}`).toBeGreaterThanOrEqual(0);
      expect(grid.rows[bad.row]?.[col], `${bad.file}:${bad.row}`).toBe(bad.value);
      expect(bad.row).toBeGreaterThanOrEqual(file.firstDataRow);
      expect(bad.row).toBeLessThan(file.firstDataRow + file.dataRows);
    }
  });

  it('records the skipped footer rows where they are, and the data rows in between', async () => {
    const withFooter = s.summary.files.filter((f) => f.skipped.length > 0);
    expect(withFooter.some((f) => f.format === 'csv')).toBe(true);
    expect(withFooter.some((f) => f.format === 'xlsx')).toBe(true);
    for (const f of withFooter.slice(0, 30)) {
      const grid = await readGrid(join(s.dir, f.file));
      for (const sk of f.skipped) {
        const cells = grid.rows[sk.row];
        expect(cells, `${f.file}:${sk.row}`).toBeDefined();
        const filled = cells!.filter((c) => c.trim() !== '');
        expect(filled.length, `${f.file}:${sk.row}`).toBe(sk.kind === 'blank' ? 0 : 1);
      }
      const lastData = grid.rows[f.firstDataRow + f.dataRows - 1]!;
      // A data row: most of its cells filled (a commune survey row has four columns, two of them x marks that may be blank).
      expect(lastData.filter((c) => c !== '').length, f.file).toBeGreaterThanOrEqual(Math.min(4, lastData.length - 2));
    }
  });

  it('writes the truth file with bad rows, skipped rows and expected totals', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtts-truth-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const truthFile = join(dir, 'truth.json');
    await generateSample({ dir: join(dir, 'sources'), years: [2024], scale: 0.01, truthFile });
    const truth = JSON.parse(await readFile(truthFile, 'utf8')) as Truth;
    expect(truth.badRows.length).toBeGreaterThan(3);
    expect(truth.badRows.every((b) => b.file.startsWith('census/2024/') || b.file.includes('/2024/'))).toBe(true);
    const dup = truth.files.find((f) => f.file === 'census/2024/ho_thi_tran_pho_rang.csv')!;
    expect(dup.expectedLoaded).toBe(dup.dataRows - 1);
    expect(truth.files.every((f) => f.expectedLoaded === f.dataRows - f.rowsRejected)).toBe(true);
    expect(truth.missingSourceYears).toEqual([]);
  }, 60_000);
});
