// The workbook reader on real .xlsx files written by exceljs: titles and merged cells, a
// two-level header, cell types, the sheet to read, and workbooks that cannot be read.
import { finding } from '@dtts/messages';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector, type TableSpec } from '../contract.ts';
import { SourceFileError } from '../errors.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { encodeTcvn3 } from '../testing/tcvn3-encode.ts';
import { type Cell, writeXlsx } from '../testing/fixture-writers.ts';
import * as v from '../values/index.ts';
import { readTableFile, streamTableFile, type TableRow } from './index.ts';
import { openXlsx } from './xlsx.ts';
import { readXlsxWhole } from './xlsx-whole.ts';

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

/** Every sheet's rows as the streaming reader gives them, beside what the whole-workbook reader gave. */
async function bothReaders(path: string) {
  const workbook = await openXlsx(path, 'test.xlsx');
  const streamed = [];
  for (const sheet of workbook.sheets) {
    const rows = [];
    for await (const batch of workbook.rows(sheet, 1, 1000)) rows.push(...batch);
    streamed.push({ sheetName: sheet.sheetName, rows });
  }
  const whole = await readXlsxWhole(path, 'test.xlsx');
  return { streamed: { sheets: streamed, notes: workbook.notes }, whole: { sheets: whole.sheets, notes: whole.notes } };
}

/** Re-zips a workbook with its parts in the given order (the rest after), as other programs store them. */
async function rezip(from: string, to: string, first: string[], streamFiles: boolean) {
  const zip = await JSZip.loadAsync(await readFile(from));
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) out.file(name, await zip.file(name)!.async('nodebuffer'));
  await writeFile(to, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles }));
}

const HEADER = ['Số thẻ BHYT', 'Mã xã', 'Giá trị từ', 'Giá trị đến', 'Ghi chú'];
const card = (i: number) => `DT${String(i).padStart(13, '0')}`;

describe('streaming a workbook', () => {
  it('resolves merges far down the sheet, across batch boundaries, and hands rows on in batches of 4096', async () => {
    // Header on row 1, data on rows 2–6001: row i has card i, commune 2989 (even i) or 2947 (odd i).
    const rows: Cell[][] = [HEADER, ...Array.from({ length: 6000 }, (_, k) => [card(k + 2), k % 2 === 0 ? 2989 : 2947, '01/01/2024', '31/12/2024', `r${k + 2}`])];
    await writeXlsx(join(dir, 'far.xlsx'), [{
      name: 'DS',
      // B5000:B5003 down (commune of row 5000 belongs to rows 5000–5003); C6000:E6000 across;
      // E6001:E6003 down past the last data row; B4096:B4098 across the first batch's end.
      merges: ['B5000:B5003', 'C6000:E6000', 'E6001:E6003', 'B4096:B4098'],
      rows,
    }]);
    const sizes: number[] = [];
    const got: TableRow[] = [];
    const read = await streamTableFile(join(dir, 'far.xlsx'), 'far.xlsx', 'xlsx', table, async (batch) => {
      sizes.push(batch.length);
      got.push(...batch);
    });
    // Rows 2–6003: the merge E6001:E6003 makes rows 6002 and 6003, as the whole-workbook reader did.
    expect(read.rows).toBe(6002);
    expect(sizes).toEqual([4096, 6002 - 4096]);
    const at = (rowNo: number) => got.find((r) => r.rowNo === rowNo)!.cells;
    expect(at(4999)).toEqual([card(4999), '2947', '01/01/2024', '31/12/2024', 'r4999']);
    // Row 5000 is even: 2989 (k = 4998). Rows 5001–5003 take it from the merge.
    for (const rowNo of [5000, 5001, 5002, 5003]) expect(at(rowNo).slice(0, 2)).toEqual([card(rowNo), '2989']);
    expect(at(5004)[1]).toBe('2989');
    expect(at(5005)[1]).toBe('2947');
    // Row 4096 is even (2989); 4097 and 4098 (the second batch) repeat it.
    expect([at(4096)[1], at(4097)[1], at(4098)[1], at(4099)[1]]).toEqual(['2989', '2989', '2989', '2947']);
    expect(at(6000)).toEqual([card(6000), '2989', '01/01/2024', null, null]);
    expect(at(6002)).toEqual([null, null, null, null, 'r6001']);
    expect(at(6003)).toEqual([null, null, null, null, 'r6001']);
    const both = await bothReaders(join(dir, 'far.xlsx'));
    expect(both.streamed).toEqual(both.whole);
  });

  it('reads the same rows, dates included, whatever order the zip stores its parts in', async () => {
    await writeXlsx(join(dir, 'order.xlsx'), [
      { name: 'Ghi chu', rows: [['Số liệu do BHXH huyện cung cấp']] },
      {
        name: 'THE BHYT',
        merges: ['B3:B4'],
        rows: [HEADER, [card(1), 2989, day(2024, 1, 1), day(2024, 12, 31), 'Hộ nghèo'], [card(2), 2947, day(2024, 2, 29), { formula: 'DATE(2024,12,31)', result: day(2024, 12, 31) } as never, true], [card(3), null, { formula: '1/0', result: { error: '#DIV/0!' } } as never, 45657, null]],
      },
    ]);
    const expected = [
      [2, card(1), '2989', '2024-01-01', '2024-12-31', 'Hộ nghèo'],
      [3, card(2), '2947', '2024-02-29', '2024-12-31', 'TRUE'],
      [4, card(3), '2947', null, '45657', null],
    ];
    const orders: Record<string, string[]> = {
      // LibreOffice-like: shared strings before the sheets, styles and workbook after them.
      'strings-first': ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/workbook.xml'],
      // Excel-like: workbook first, shared strings and styles after the sheets.
      'strings-last': ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'],
    };
    for (const [label, first] of Object.entries(orders)) {
      for (const streamFiles of [false, true]) {
        const name = `order-${label}-${streamFiles}.xlsx`;
        await rezip(join(dir, 'order.xlsx'), join(dir, name), first, streamFiles);
        const got = await read(name);
        expect(cells(got.rows), name).toEqual(expected);
        expect(got.warnings, name).toEqual([finding('sheet_ignored', { sheet: 'Ghi chu', readSheet: 'THE BHYT' })]);
        const both = await bothReaders(join(dir, name));
        expect(both.streamed.sheets.map((s) => s.sheetName), name).toEqual(['Ghi chu', 'THE BHYT']);
        expect(both.streamed, name).toEqual(both.whole);
      }
    }
  });

  it('finds TCVN3 text in the first rows and converts every row streamed after them, merged cells too', async () => {
    const header = ['Số thẻ BHYT', 'Mã xã', 'Giá trị từ', 'Giá trị đến', 'Ghi chú'].map(encodeTcvn3);
    const notes = ['Hộ nghèo', 'Dân tộc Mông', 'Người cao tuổi'];
    const rows: Cell[][] = [
      [encodeTcvn3('DANH SÁCH THẺ BHYT XÃ BẢO YÊN')],
      header,
      ...Array.from({ length: 300 }, (_, k) => [card(k + 3), '2989', '01/01/2024', '31/12/2024', encodeTcvn3(notes[k % 3]!)]),
    ];
    await writeXlsx(join(dir, 'tcvn3.xlsx'), [{ name: 'DS', merges: ['E280:E282'], rows }]);
    const got = await read('tcvn3.xlsx');
    expect(got.present).toEqual(['ma_the', 'ma_xa', 'gia_tri_tu', 'gia_tri_den', 'ghi_chu']);
    expect(got.warnings).toEqual([finding('legacy_encoding', { encoding: 'TCVN3' })]);
    expect(got.notes).toEqual(['legacy TCVN3 text converted to Unicode']);
    expect(got.rows).toHaveLength(300);
    // Row r holds note (r - 3) % 3; rows past the 200-row head are converted as they stream.
    const note = (rowNo: number) => got.rows.find((r) => r.rowNo === rowNo)!.cells[4];
    expect([note(3), note(4), note(5), note(250), note(302)]).toEqual(['Hộ nghèo', 'Dân tộc Mông', 'Người cao tuổi', 'Dân tộc Mông', 'Người cao tuổi']);
    // E280 ((280 - 3) % 3 = 1: 'Dân tộc Mông') is merged down over rows 281 and 282.
    expect([note(279), note(280), note(281), note(282), note(283)]).toEqual(['Hộ nghèo', 'Dân tộc Mông', 'Dân tộc Mông', 'Dân tộc Mông', 'Dân tộc Mông']);
    const both = await bothReaders(join(dir, 'tcvn3.xlsx'));
    expect(both.streamed).toEqual(both.whole);
  });

  it('reads the named sheet when it comes second, warns of a sheet whose only text sits below its first 200 rows, not of a form sheet', async () => {
    const notesOnly: Cell[][] = [...Array.from({ length: 260 }, () => [] as Cell[]), ['Số liệu cũ, không dùng']];
    const data: Cell[][] = [HEADER, ...Array.from({ length: 5000 }, (_, k) => [card(k + 2), '02989', '01/01/2024', '31/12/2024', null])];
    await writeXlsx(join(dir, 'second.xlsx'), [
      { name: 'Tong hop', rows: [HEADER, [card(99), '02947', '01/01/2024', '31/12/2024', null]] },
      { name: 'the_bhyt', rows: data },
      { name: 'Cu', rows: notesOnly },
      { name: 'Hướng dẫn', rows: [['Nhập mỗi thẻ một dòng']] },
      { name: 'Trong', rows: [] },
    ]);
    const got = await read('second.xlsx');
    expect(got.rows).toHaveLength(5000);
    expect(got.rows[0]!.cells[0]).toBe(card(2));
    expect(got.rows[4999]).toEqual({ rowNo: 5001, cells: [card(5001), '02989', '01/01/2024', '31/12/2024', null] });
    expect(got.warnings).toEqual([
      finding('sheet_ignored', { sheet: 'Tong hop', readSheet: 'the_bhyt' }),
      finding('sheet_ignored', { sheet: 'Cu', readSheet: 'the_bhyt' }),
    ]);
  });

  it('keeps every Vietnamese letter whole where the sheet XML is split into chunks (inline and shared strings)', async () => {
    const notes = ['Không', 'Hộ nghèo', 'Người cao tuổi', 'Dân tộc Mông', 'Trẻ em dưới 6 tuổi'];
    const noteOf = (rowNo: number) => `${notes[rowNo % notes.length]} ${rowNo}`;
    for (const useSharedStrings of [false, true]) {
      // Written as the sample's writer and Excel write them: 3000 rows is about 300 kB of sheet XML.
      const name = `letters-${useSharedStrings}.xlsx`;
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, name), useStyles: true, useSharedStrings });
      const ws = wb.addWorksheet('DS');
      ws.addRow(HEADER).commit();
      for (let rowNo = 2; rowNo <= 3001; rowNo++) ws.addRow([card(rowNo), 'Xã Bảo Yên', '01/01/2024', '31/12/2024', noteOf(rowNo)]).commit();
      ws.commit();
      await wb.commit();
      const got = await read(name);
      expect(got.rows, name).toHaveLength(3000);
      const wrong = got.rows.filter((r) => r.cells[1] !== 'Xã Bảo Yên' || r.cells[4] !== noteOf(r.rowNo));
      expect(wrong, name).toEqual([]);
    }
  });
});

