// Files as real machines and hostile hands deliver them, through the whole engine into a real
// DuckDB: legacy encodings (written by iconv-lite) are read right or refused by name, and
// hostile files (a zip bomb, a 100 MB line, a million formatted rows, a link out of the folder,
// names with control characters) fail their own source by name while the other sources load.
// Limits are set low here so each case stays small and fast; the defaults are in read/limits.ts.
// Timeouts are generous: each case takes about 2 s alone, and the machine is shared.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { defineConnector } from './contract.ts';
import { ingest, type IngestOptions } from './engine.ts';
import { writeCsv, writeXlsx } from './testing/fixture-writers.ts';
import { encodeAs, encodeVni, encodeWindows1258 } from './testing/legacy-encode.ts';
import * as v from './values/index.ts';

const census = defineConnector({
  id: 'census', title: 'test census', owner: 'test', referenceDate: (y) => `${y}-10-01`,
  tables: [{
    name: 'nhan_khau', description: 'persons', key: ['ma_ho', 'stt'],
    columns: {
      ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'household' },
      stt: { aliases: ['STT'], type: v.integer({ min: 1 }), required: true, description: 'number' },
      gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'sex' },
      dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'ethnic group' },
      thon: { aliases: ['Thôn'], type: v.text(), description: 'village' },
    },
  }],
});
const school = defineConnector({
  id: 'school', title: 'test school', owner: 'test', referenceDate: (y) => `${y}-09-05`,
  tables: [{
    name: 'truong', description: 'schools', key: ['ma_truong'],
    columns: {
      ma_truong: { aliases: ['Mã trường'], type: v.text(), required: true, description: 'id' },
      ten_truong: { aliases: ['Tên trường'], type: v.text(), required: true, description: 'name' },
    },
  }],
});

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engine-files-'));
  await mkdir(join(dir, 'sources'));
  db = await Db.open();
  // The other source, which a broken census file must not harm.
  await writeCsv(join(dir, 'sources/school/2024/truong.csv'), [['Mã trường', 'Tên trường'], ['T01', 'TH Bảo Hà'], ['T02', 'THCS Phố Ràng']]);
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const src = (file: string) => join(dir, 'sources', file);
const run = (opts: Partial<IngestOptions> = {}) => ingest({ db, sourcesDir: join(dir, 'sources'), connectors: [census, school], hashKey: 'k', ...opts });
const write = async (file: string, bytes: Buffer) => {
  await mkdir(dirname(src(file)), { recursive: true });
  await writeFile(src(file), bytes);
};
/** The census failed with this message, and the school source loaded all the same. */
async function expectCensusFailed(result: Awaited<ReturnType<typeof run>>, message: RegExp) {
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]?.source).toBe('census');
  expect(result.failures[0]?.message).toMatch(message);
  expect(await db.all(`SELECT ma_truong FROM ingest.school_truong ORDER BY 1`)).toEqual([{ ma_truong: 'T01' }, { ma_truong: 'T02' }]);
}

// Six persons, four of them women: the case of issue 13, where Nữ read as Nýị lost every woman.
const PERSONS = [
  ['Mã hộ', 'STT', 'Giới tính', 'Dân tộc', 'Thôn'],
  ['H001', '1', 'Nam', 'Mông', 'Bản Phìn Hồ'],
  ['H001', '2', 'Nữ', 'Mông', 'Bản Phìn Hồ'],
  ['H002', '1', 'Nữ', 'Dao', 'Khuổi Phường'],
  ['H002', '2', 'Nữ', 'Dao', 'Khuổi Phường'],
  ['H003', '1', 'Nam', 'Tày', 'Nặm Rịa'],
  ['H003', '2', 'Nữ', 'Tày', 'Nặm Rịa'],
];
const csvText = (rows: string[][], d = ',') => `${rows.map((r) => r.join(d)).join('\r\n')}\r\n`;

describe('legacy encodings, per file', { timeout: 60_000 }, () => {
  const cases: [string, Buffer, string][] = [
    ['Windows-1258 (Excel "CSV" on Vietnamese Windows, combining tone marks)', encodeWindows1258(csvText(PERSONS)), 'windows-1258'],
    ['VNI-Windows', encodeVni(csvText(PERSONS, ';')), 'vni-windows'],
    ['TCVN3', encodeAs(csvText(PERSONS), 'tcvn'), 'tcvn3'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`reads ${name}: every woman is loaded as Nữ, nothing quarantined`, async () => {
      await write('census/2024/nhan_khau.csv', bytes);
      const result = await run();
      expect(result.failures).toEqual([]);
      const file = result.files.find((f) => f.source === 'census')!;
      expect(file.notes).toContain(`encoding ${encoding}`);
      expect(file.warnings[0]).toMatch(/^legacy .* text converted to Unicode$/);
      expect({ read: file.rowsRead, loaded: file.rowsLoaded, quarantined: file.rowsQuarantined }).toEqual({ read: 6, loaded: 6, quarantined: 0 });
      expect(await db.all(`SELECT gioi_tinh, count(*)::INTEGER AS n FROM ingest.census_nhan_khau GROUP BY 1 ORDER BY 1`)).toEqual([
        { gioi_tinh: 'Nam', n: 2 }, { gioi_tinh: 'Nữ', n: 4 },
      ]);
      expect(await db.all(`SELECT DISTINCT thon FROM ingest.census_nhan_khau ORDER BY 1`)).toEqual([
        { thon: 'Bản Phìn Hồ' }, { thon: 'Khuổi Phường' }, { thon: 'Nặm Rịa' },
      ]);
    });
  }

  it('refuses a Latin-1 file whose letters became "?", saying so and how to re-save it', async () => {
    await write('census/2024/nhan_khau.csv', encodeAs(csvText(PERSONS), 'latin1'));
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.csv: its Vietnamese letters were replaced by "\?".*"CSV UTF-8/s);
  });

  it('refuses bytes no candidate reads as Vietnamese, listing the encodings tried', async () => {
    // Text in a Cyrillic code page (headers in ASCII): no candidate reads its words as Vietnamese.
    await write('census/2024/nhan_khau.csv', encodeAs(csvText([['Ma ho', 'STT', 'Gioi tinh', 'Dan toc', 'Thon'], ['H001', '1', 'Женщина', 'Русский', 'Москва']]), 'windows1251'));
    await expectCensusFailed(await run(), /text encoding is not recognised.*tried UTF-8.*Windows-1258.*TCVN3.*VNI-Windows.*Windows-1252.*CSV UTF-8/s);
  });
});

describe('streaming', { timeout: 60_000 }, () => {
  it('DuckDB\'s read_csv and the streaming JavaScript reader give the same rows on the same lines', async () => {
    // Titles, empty lines, cells spanning lines (CRLF and LF), a bad row after them: the scan's anchors must place every row.
    const rows = [
      ['DANH SÁCH NHÂN KHẨU'], [], PERSONS[0]!, PERSONS[1]!, [], [],
      ['H001', '2', 'Nữ', 'Mông', 'Bản Phìn Hồ\r\n(cũ: Bản Phìn)'], ['H002', '1', 'Nữ', 'Dao', 'Khuổi\nPhường\nMới'],
      [], ['H002', '2', 'Nữ', 'Người sao Hỏa', 'Thôn 9'], ['H003', '1', 'X', 'Tày', 'Nặm Rịa'], ['H003', '2', 'Nữ', 'Tày', 'Nặm Rịa'],
    ];
    await writeCsv(src('census/2024/nhan_khau.csv'), rows);
    const seen = [];
    for (const fastCsv of [true, false]) {
      db.close();
      db = await Db.open();
      const result = await run({ fastCsv });
      expect(result.failures).toEqual([]);
      const file = result.files.find((f) => f.source === 'census')!;
      expect(file.notes.includes('read by DuckDB')).toBe(fastCsv);
      seen.push({
        counts: [file.rowsRead, file.rowsLoaded, file.rowsQuarantined, file.rowsSkipped],
        loaded: await db.all(`SELECT source_row, ma_ho, stt, thon FROM ingest.census_nhan_khau ORDER BY source_row`),
        quarantine: await db.all(`SELECT "row", "column" FROM ingest.quarantine WHERE source = 'census' ORDER BY 1`),
      });
    }
    expect(seen[0]).toEqual(seen[1]);
    // Hand-counted lines: title 1, empty 2, header 3, data 4, empty 5-6, 7 (spans 7-8), 9 (spans 9-11),
    // empty 12, 13 (unknown group), 14 (sex X), 15: read 9 = loaded 4 + quarantined 2 + skipped 3.
    expect(seen[0]!.loaded.map((r) => (r as { source_row: number }).source_row)).toEqual([4, 7, 9, 15]);
    expect(seen[0]!.quarantine).toEqual([{ row: 13, column: 'dan_toc' }, { row: 14, column: 'gioi_tinh' }]);
    expect(seen[0]!.counts).toEqual([9, 4, 2, 3]);
  });
});

describe('hostile and broken files', { timeout: 60_000 }, () => {
  it('refuses a CSV line longer than the limit, by file and line, with bounded memory', async () => {
    const long = Buffer.alloc(3 << 20, 'x'); // 3 MiB here; the same check stops a 100 MB line at the default 1 MiB
    await write('census/2024/nhan_khau.csv', Buffer.concat([Buffer.from(csvText(PERSONS.slice(0, 2))), long, Buffer.from('\r\n')]));
    await expectCensusFailed(await run({ limits: { maxRecordBytes: 256 << 10 } }), /^census\/2024\/nhan_khau\.csv: line 3 is longer than 0\.3 MiB/);
  });

  it('refuses the same long line in a legacy-encoded file', async () => {
    const long = Buffer.alloc(1 << 20, 'x');
    await write('census/2024/nhan_khau.csv', Buffer.concat([encodeWindows1258(csvText(PERSONS)), long]));
    await expectCensusFailed(await run({ limits: { maxRecordBytes: 256 << 10 } }), /line 8 is longer than 0\.3 MiB/);
  });

  it('refuses a workbook whose sheet unzips beyond the limit (zip bomb), before inflating it', async () => {
    await writeXlsx(src('census/2024/nhan_khau.xlsx'), [{ name: 'Sheet1', rows: PERSONS }]);
    const zip = await readFile(src('census/2024/nhan_khau.xlsx'));
    // Declare 3.9 GB for the sheet, as a bomb's entry does; the bytes stay small.
    await writeFile(src('census/2024/nhan_khau.xlsx'), setDeclaredSize(zip, 'xl/worksheets/sheet1.xml', 0xf0000000));
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.xlsx: its part xl\/worksheets\/sheet1\.xml unzips to 3,840 MiB \(limit 512 MiB per part\): a zip bomb/);
  });

  it('stops a part that inflates beyond what it declares', async () => {
    await writeXlsx(src('census/2024/nhan_khau.xlsx'), [{ name: 'Sheet1', rows: PERSONS }]);
    const zip = await readFile(src('census/2024/nhan_khau.xlsx'));
    await writeFile(src('census/2024/nhan_khau.xlsx'), setDeclaredSize(zip, 'xl/worksheets/sheet1.xml', 100));
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.xlsx: its part xl\/worksheets\/sheet1\.xml is damaged/);
  });

  it('refuses a real highly compressed workbook beyond the part limit', async () => {
    await writeXlsx(src('census/2024/nhan_khau.xlsx'), [{ name: 'Sheet1', rows: [...PERSONS, ...Array.from({ length: 3000 }, (_, i) => ['H9', String(i + 1), 'Nam', 'Dao', 'Bản Phìn Hồ'])] }]);
    await expectCensusFailed(await run({ limits: { maxXlsxPartBytes: 64 << 10 } }), /its part xl\/worksheets\/sheet1\.xml unzips to 0\.\d MiB \(limit 0\.1 MiB per part\)/);
  });

  it('refuses a workbook with many formatted empty rows below the table, by name', async () => {
    await writeXlsx(src('census/2024/nhan_khau.xlsx'), [{ name: 'Sheet1', rows: PERSONS }]);
    const zip = await JSZip.loadAsync(await readFile(src('census/2024/nhan_khau.xlsx')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Formatted empty rows, as a sheet whose whole column was given a border leaves them.
    const empty = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 8}" s="0" customFormat="1"/>`).join('');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${empty}</sheetData>`));
    await writeFile(src('census/2024/nhan_khau.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await expectCensusFailed(await run({ limits: { maxSheetRows: 10_000 } }), /its sheet xl\/worksheets\/sheet1\.xml has more than 10,000 rows \(formatted empty rows count too\)/);
  });

  it('refuses a link to a file outside the sources folder, and reads a link inside it', async () => {
    await writeFile(join(dir, 'outside.csv'), csvText(PERSONS));
    await mkdir(src('census/2024'), { recursive: true });
    await symlink(join(dir, 'outside.csv'), src('census/2024/nhan_khau.csv'));
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.csv: it is a link to a file outside the sources folder/);

    await rm(src('census/2024/nhan_khau.csv'));
    await writeFile(src('census/2024/real.txt'), csvText(PERSONS));
    await symlink(src('census/2024/real.txt'), src('census/2024/nhan_khau.csv'));
    db.close();
    db = await Db.open();
    const ok = await run();
    expect(ok.failures).toEqual([]);
    expect(ok.files.find((f) => f.source === 'census')?.rowsLoaded).toBe(6);
  });

  it('refuses a year folder that links outside the sources folder', async () => {
    await writeCsv(join(dir, 'elsewhere/nhan_khau.csv'), PERSONS);
    await mkdir(src('census'), { recursive: true });
    await symlink(join(dir, 'elsewhere'), src('census/2024'));
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.csv: it is a link to a file outside the sources folder/);
  });

  it('refuses file names with control characters (printed escaped) or ".."', async () => {
    await writeCsv(src('census/2024/nhan_khau_\u001b[2J.csv'), PERSONS);
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau_\\u001b\[2J\.csv: its name contains control or text-direction characters/);
    await rm(src('census/2024'), { recursive: true });
    await writeCsv(src('census/2024/nhan_khau..csv'), PERSONS);
    db.close();
    db = await Db.open();
    await expectCensusFailed(await run(), /^census\/2024\/nhan_khau\.\.csv: its name contains "\.\."/);
  });
});

/** Rewrites the uncompressed size a zip declares for one entry (local header and central directory). */
function setDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 46; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50) { // local file header: name at 30, size at 22
      const len = out.readUInt16LE(at + 26);
      if (out.toString('latin1', at + 30, at + 30 + len) === name) out.writeUInt32LE(size, at + 22);
    } else if (sig === 0x02014b50) { // central directory: name at 46, size at 24
      const len = out.readUInt16LE(at + 28);
      if (out.toString('latin1', at + 46, at + 46 + len) === name) out.writeUInt32LE(size, at + 24);
    }
  }
  return out;
}
