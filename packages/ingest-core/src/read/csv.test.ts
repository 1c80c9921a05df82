// The CSV reader on real bytes: delimiter and BOM per file, titles above the header, records
// spanning lines, legacy TCVN3 text, and files that cannot be read at all.
import { finding } from '@dtts/messages';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector, type TableSpec } from '../contract.ts';
import { SourceFileError } from '../errors.ts';
import { encodeTcvn3 } from '../testing/tcvn3-encode.ts';
import { writeCsv } from '../testing/fixture-writers.ts';
import * as v from '../values/index.ts';
import { detectDelimiter, readCsv } from './csv.ts';
import { readTableFile } from './index.ts';

const table: TableSpec = defineConnector({
  id: 'census',
  title: 'test',
  owner: 'test',
  referenceDate: (y) => `${y}-10-01`,
  tables: [{
    name: 'ho',
    description: 'households',
    requireOneOf: [['ma_xa', 'ten_xa']],
    columns: {
      ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'id' },
      ma_xa: { aliases: ['Mã xã'], type: v.communeCode(), description: 'code' },
      ten_xa: { aliases: ['Tên xã', 'Xã'], type: v.communeName(), description: 'name' },
      thon: { aliases: ['Thôn'], type: v.text(), description: 'village' },
    },
  }],
}).tables[0]!;

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'csv-test-')); });
afterAll(() => rm(dir, { recursive: true, force: true }));
const read = (name: string) => readTableFile(join(dir, name), `census/2024/${name}`, 'csv', table);
const cells = (rows: { rowNo: number; cells: (string | null)[] }[]) => rows.map((r) => [r.rowNo, ...r.cells]);

describe('detectDelimiter', () => {
  it('takes the delimiter seen more often outside quotes', () => {
    expect(detectDelimiter('Mã hộ;Mã xã;Thôn\nH001;02989;"Thôn 1, Bản 2"\n')).toBe(';');
    expect(detectDelimiter('Mã hộ,Mã xã,Thôn\nH001,02989,"Thôn 1; Bản 2"\n')).toBe(',');
    // vi-VN Excel does not quote a comma in a `;` file: the title and footer commas are outnumbered.
    expect(detectDelimiter('KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO\nMã hộ;Mã xã;Thôn;Chủ hộ\nH001;02989;Thôn 1;A\nBảo Hà, ngày 1 tháng 11\n')).toBe(';');
  });
});

describe('readCsv', () => {
  it('reads `;` with a BOM and `,` without, to the same rows', async () => {
    const rows = [['Mã hộ', 'Mã xã', 'Thôn'], ['H001', '2989', 'Thôn Khe Bàn, Bản 2'], ['H002', '02989', 'Thôn "Mới"']];
    await writeCsv(join(dir, 'semi.csv'), rows, { delimiter: ';', bom: true });
    await writeCsv(join(dir, 'comma.csv'), rows, { delimiter: ',', eol: '\n' });
    const semi = await readCsv(join(dir, 'semi.csv'), 'semi.csv');
    const comma = await readCsv(join(dir, 'comma.csv'), 'comma.csv');
    expect(semi.notes).toEqual(['delimiter ";"', 'encoding utf-8-bom']);
    expect(comma.notes).toEqual(['delimiter ","', 'encoding utf-8']);
    expect(semi.sheets[0]!.rows).toEqual(comma.sheets[0]!.rows);
    expect(semi.sheets[0]!.rows[0]!.cells[0]).toBe('Mã hộ');
    expect(semi.sheets[0]!.rows[2]!.cells[2]).toBe('Thôn "Mới"');
  });

  it('finds the header below title lines and keeps CSV line numbers', async () => {
    await writeCsv(join(dir, 'titles.csv'), [
      ['UBND HUYỆN BẢO YÊN'], ['DANH SÁCH HỘ GIA ĐÌNH'], [],
      ['MÃ HỘ', 'Ma xa', 'Thôn'], ['H001', '2989', 'Thôn 1'], [], ['Người lập biểu'],
    ], { delimiter: ';' });
    const got = await read('titles.csv');
    expect(got.present).toEqual(['ma_ho', 'ma_xa', 'thon']);
    expect(cells(got.rows)).toEqual([[5, 'H001', '2989', null, 'Thôn 1'], [6, null, null, null, null], [7, 'Người lập biểu', null, null, null]]);
  });

  for (const eol of ['\r\n', '\n'] as const) {
    it(`numbers the lines after a record spanning lines correctly (${JSON.stringify(eol)} files, line break ${JSON.stringify(eol)} in the cell)`, async () => {
      await writeCsv(join(dir, 'spanning.csv'), [
        ['Mã hộ', 'Mã xã', 'Thôn'],
        ['H001', '02989', `Thôn 1${eol}(Bản Mới)`],
        ['H002', '02989', `Thôn 2${eol}tổ 3${eol}xóm 4`],
        ['H003', '02989', 'Thôn 3'],
        [],
        ['H004', '02989', 'Thôn 4'],
      ], { eol });
      const got = await read('spanning.csv');
      expect(got.rows.map((r) => [r.rowNo, r.cells[0]])).toEqual([[2, 'H001'], [4, 'H002'], [7, 'H003'], [8, null], [9, 'H004']]);
    });
  }

  it('converts a TCVN3 file (Latin-1 bytes) to Unicode and says so', async () => {
    const rows = [['Mã hộ', 'Tên xã', 'Thôn'], ['H001', 'Xã Tân Tiến', 'Thôn Phìn Hồ'], ['H002', 'Xã Xuân Thượng', 'Bản Nặm Rịa']];
    await writeCsv(join(dir, 'tcvn3.csv'), rows.map((r) => r.map(encodeTcvn3)), { latin1: true });
    const got = await read('tcvn3.csv');
    expect(got.warnings).toEqual([finding('legacy_encoding', { encoding: 'TCVN3' })]);
    expect(got.notes).toContain('encoding tcvn3');
    expect(cells(got.rows)).toEqual([[2, 'H001', null, 'Xã Tân Tiến', 'Thôn Phìn Hồ'], [3, 'H002', null, 'Xã Xuân Thượng', 'Bản Nặm Rịa']]);
  });

  const unreadable: [string, Buffer | string, RegExp][] = [
    ['empty.csv', Buffer.alloc(0), /^census\/2024\/empty\.csv: the file is empty$/],
    ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]), /^census\/2024\/binary\.csv: not a text file \(binary content\)$/],
    ['quote.csv', 'Mã hộ,Mã xã,Thôn\r\nH001,02989,"Thôn 1\r\nH002,02989,Thôn 2\r\n', /^census\/2024\/quote\.csv: cannot be read as CSV: Quote Not Closed/],
    ['nohead.csv', 'Mã hộ;Thôn\r\nH001;Thôn 1\r\n', /^census\/2024\/nohead\.csv: column "ma_xa" \(Mã xã\) or "ten_xa" \(Tên xã\) not found; headers seen: Mã hộ, Thôn$/],
  ];
  for (const [name, bytes, message] of unreadable) {
    it(`fails ${name} with a message naming the file and what is wrong`, async () => {
      await writeFile(join(dir, name), bytes);
      const error = await read(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceFileError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
