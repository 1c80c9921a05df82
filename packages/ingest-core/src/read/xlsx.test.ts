// The workbook reader on real .xlsx files written by exceljs: titles and merged cells, a
// two-level header, cell types, the sheet to read, and workbooks that cannot be read.
import { finding } from '@dtts/messages';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector, type TableSpec } from '../contract.ts';
import { SourceFileError } from '../errors.ts';
import { writeXlsx } from '../testing/fixture-writers.ts';
import * as v from '../values/index.ts';
import { readTableFile } from './index.ts';

const table: TableSpec = defineConnector({
  id: 'health-insurance',
  title: 'test',
  owner: 'test',
  referenceDate: (y) => `${y}-12-31`,
  tables: [{
    name: 'the_bhyt',
    description: 'cards',
    columns: {
      ma_the: { aliases: ['Số thẻ BHYT', 'Mã thẻ'], type: v.personal('hash'), required: true, description: 'card' },
      ma_xa: { aliases: ['Mã xã'], type: v.communeCode(), required: true, description: 'code' },
      gia_tri_tu: { aliases: ['Giá trị từ', 'Hạn từ'], type: v.date(), required: true, description: 'from' },
      gia_tri_den: { aliases: ['Giá trị đến', 'Hạn đến'], type: v.date(), required: true, description: 'to' },
      ghi_chu: { aliases: ['Ghi chú'], type: v.text(), description: 'note' },
    },
  }],
}).tables[0]!;

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'xlsx-test-')); });
afterAll(() => rm(dir, { recursive: true, force: true }));
const read = (name: string) => readTableFile(join(dir, name), `health-insurance/2024/${name}`, 'xlsx', table);
const cells = (rows: { rowNo: number; cells: (string | null)[] }[]) => rows.map((r) => [r.rowNo, ...r.cells]);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readXlsx through readTableFile', () => {
  it('reads a two-level merged header below merged titles; a merged footer keeps its text in one column only', async () => {
    await writeXlsx(join(dir, 'two-level.xlsx'), [{
      name: 'DS',
      merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'A8:B8', 'C9:E9', 'B6:B7'],
      rows: [
        ['DANH SÁCH THẺ BHYT'],
        [],
        ['Số thẻ BHYT', 'Mã xã', 'Giá trị thẻ', null, 'Ghi chú'],
        [null, null, 'Giá trị từ', 'Giá trị đến', null],
        ['DT2101234567890', 2989, day(2024, 1, 1), day(2024, 12, 31), 'TRUE'],
        ['DT2101234567891', 2947, '01/01/2024', '31/12/2024', true],
        ['DT2101234567892', null, { formula: 'DATE(2024,1,1)', result: day(2024, 1, 1) } as never, 45657, null],
        ['Người lập biểu'],
        [null, null, 'Bảo Yên, ngày 15 tháng 01 năm 2025'],
      ],
    }]);
    const got = await read('two-level.xlsx');
    expect(got.present).toEqual(['ma_the', 'ma_xa', 'gia_tri_tu', 'gia_tri_den', 'ghi_chu']);
    expect(got.warnings).toEqual([]);
    expect(cells(got.rows)).toEqual([
      [5, 'DT2101234567890', '2989', '2024-01-01', '2024-12-31', 'TRUE'],
      [6, 'DT2101234567891', '2947', '01/01/2024', '31/12/2024', 'TRUE'],
      // B6:B7 is merged down the column: the commune belongs to both rows.
      [7, 'DT2101234567892', '2947', '2024-01-01', '45657', null],
      [8, 'Người lập biểu', null, null, null, null],
      [9, null, null, 'Bảo Yên, ngày 15 tháng 01 năm 2025', null, null],
    ]);
  });

  it('reads the sheet named after the table even when another sheet comes first with the same header', async () => {
    const sheet = (code: string) => [['Mã thẻ', 'Mã xã', 'Hạn từ', 'Hạn đến'], [code, '02989', '01/01/2024', '31/12/2024']];
    await writeXlsx(join(dir, 'named.xlsx'), [
      { name: 'Tong hop', rows: sheet('OLD000000000001') },
      { name: 'THE BHYT', rows: sheet('DT2101234567890') },
      { name: 'Trong', rows: [] },
    ]);
    const got = await read('named.xlsx');
    expect(got.rows.map((r) => r.cells[0])).toEqual(['DT2101234567890']);
    expect(got.warnings).toEqual([finding('sheet_ignored', { sheet: 'Tong hop', readSheet: 'THE BHYT' })]);
  });

  it('falls back to the first sheet that has the header, warning about the others', async () => {
    await writeXlsx(join(dir, 'fallback.xlsx'), [
      { name: 'Ghi chu', rows: [['Số liệu do BHXH huyện cung cấp']] },
      { name: 'Sheet2', rows: [['Mã thẻ', 'Mã xã', 'Hạn từ', 'Hạn đến'], ['DT2101234567890', '02989', '01/01/2024', '31/12/2024']] },
    ]);
    const got = await read('fallback.xlsx');
    expect(got.rows).toHaveLength(1);
    expect(got.warnings).toEqual([finding('sheet_ignored', { sheet: 'Ghi chu', readSheet: 'Sheet2' })]);
  });

  it('fails a workbook without the required header, naming the missing column and the headers seen', async () => {
    await writeXlsx(join(dir, 'missing.xlsx'), [{ name: 'DS', rows: [['TIÊU ĐỀ'], ['Mã thẻ', 'Mã xã', 'Hạn từ', 'Ghi chú'], ['DT2101234567890', '02989', '01/01/2024', null]] }]);
    await expect(read('missing.xlsx')).rejects.toThrow(
      'health-insurance/2024/missing.xlsx: column "gia_tri_den" (Giá trị đến) not found; headers seen: Mã thẻ, Mã xã, Hạn từ, Ghi chú',
    );
  });

  it('fails a truncated workbook, an empty file and a text file named .xlsx, naming the file', async () => {
    await writeXlsx(join(dir, 'whole.xlsx'), [{ name: 'DS', rows: [['Mã thẻ', 'Mã xã', 'Hạn từ', 'Hạn đến']] }]);
    const bytes = await readFile(join(dir, 'whole.xlsx'));
    await writeFile(join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await writeFile(join(dir, 'empty.xlsx'), Buffer.alloc(0));
    await writeFile(join(dir, 'text.xlsx'), 'Mã thẻ,Mã xã\nDT2101234567890,02989\n');
    for (const name of ['truncated.xlsx', 'empty.xlsx', 'text.xlsx']) {
      const error = await read(name).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(SourceFileError);
      expect((error as Error).message).toMatch(new RegExp(`^health-insurance/2024/${name.replace('.', '\\.')}: not a readable \\.xlsx workbook \\(.+\\)$`));
    }
  });
});
