// The engine end to end on real files in a temporary sources folder, with tiny connectors
// declared here: a file that cannot be read fails its own source only, every file reconciles,
// and the quarantine is right about rows, lines and personal values.
import { finding } from '@dtts/messages';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { defineConnector } from './contract.ts';
import { ingest, type IngestResult } from './engine.ts';
import { encodeTcvn3 } from './testing/tcvn3-encode.ts';
import { writeCsv, writeXlsx, type Cell } from './testing/fixture-writers.ts';
import * as v from './values/index.ts';

const census = defineConnector({
  id: 'census',
  title: 'test census',
  owner: 'test',
  referenceDate: (y) => `${y}-10-01`,
  tables: [
    {
      name: 'ho',
      description: 'households',
      key: ['ma_ho'],
      requireOneOf: [['ma_xa', 'ten_xa']],
      columns: {
        ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'id' },
        ma_xa: { aliases: ['Mã xã'], type: v.communeCode(), description: 'code' },
        ten_xa: { aliases: ['Tên xã', 'Xã'], type: v.communeName(), description: 'name' },
        thon: { aliases: ['Thôn'], type: v.text(), description: 'village' },
        dien_luoi: { aliases: ['Điện lưới'], type: v.boolean(), description: 'grid' },
      },
    },
    {
      name: 'nhan_khau',
      description: 'persons',
      key: ['ma_ho', 'stt'],
      references: [{ column: 'ma_ho', table: 'ho' }],
      columns: {
        ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'household' },
        stt: { aliases: ['STT'], type: v.integer({ min: 1 }), required: true, description: 'number' },
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'sex' },
        ngay_sinh: { aliases: ['Ngày sinh'], type: v.birthDate(), description: 'birth' },
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'ethnic group' },
      },
    },
  ],
});

const school = defineConnector({
  id: 'school',
  title: 'test school',
  owner: 'test',
  referenceDate: (y) => `${y}-09-05`,
  tables: [{
    name: 'hoc_sinh',
    description: 'students',
    key: ['ma_hoc_sinh'],
    columns: {
      ma_hoc_sinh: { aliases: ['Mã học sinh'], type: v.personal('hash'), required: true, description: 'id' },
      gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'sex' },
      ma_xa: { aliases: ['Mã xã'], type: v.communeCode(), required: true, description: 'code' },
    },
  }],
});

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engine-test-'));
  db = await Db.open();
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const path = (file: string) => join(dir, file);
const run = () => ingest({ db, sourcesDir: dir, connectors: [census, school], hashKey: 'k' });
const counts = (result: IngestResult) =>
  Object.fromEntries(result.files.map((f) => [f.file, [f.rowsRead, f.rowsLoaded, f.rowsQuarantined, f.rowsSkipped]]));
const quarantine = () =>
  db.all<{ file: string; row: number; column: string; value: string | null; action: string; reason: string }>(
    `SELECT file, "row", "column", value, action, reason FROM ingest.quarantine ORDER BY file, "row", "column"`,
  );

/** Every file of a run reconciles, in the result and in the warehouse's own tables. */
async function expectReconciled(result: IngestResult): Promise<void> {
  for (const f of result.files) {
    expect(f.rowsRead, f.file).toBe(f.rowsLoaded + f.rowsQuarantined + f.rowsSkipped);
    const table = `${f.source.replaceAll('-', '_')}_${f.table}`;
    const loaded = await db.one<{ n: number }>(`SELECT count(*) AS n FROM ingest."${table}" WHERE source_file = ?`, [f.file]);
    const rejected = await db.one<{ n: number }>(`SELECT count(DISTINCT "row") AS n FROM ingest.quarantine WHERE file = ? AND action = 'row_rejected'`, [f.file]);
    expect([loaded?.n, rejected?.n], f.file).toEqual([f.rowsLoaded, f.rowsQuarantined]);
  }
  const manifest = await db.all<{ file: string; ok: boolean }>(`SELECT file, rows_read = rows_loaded + rows_quarantined + rows_skipped AS ok FROM ingest.files`);
  expect(manifest.length).toBe(result.files.length);
  for (const m of manifest) expect(m.ok, m.file).toBe(true);
}

const goodHouseholds: Cell[][] = [['Mã hộ', 'Mã xã', 'Thôn'], ['H001', '02989', 'Thôn 1'], ['H002', '2989', 'Thôn 2']];
const goodStudents: Cell[][] = [['Mã học sinh', 'Giới tính', 'Mã xã'], ['2024000001', 'Nam', '02989'], ['2024000002', 'Nữ', '2947']];

describe('a file that cannot be read', () => {
  const broken: { name: string; write: (p: string) => Promise<void>; message: RegExp }[] = [
    {
      name: 'a truncated workbook',
      write: async (p) => {
        await writeXlsx(p, [{ name: 'NK', rows: [['Mã hộ', 'STT', 'Giới tính', 'Dân tộc'], ['H001', 1, 'Nam', 'Tày']] }]);
        const bytes = await readFile(p);
        await writeFile(p, bytes.subarray(0, bytes.length - 200));
      },
      message: /^census\/2024\/nhan_khau_x\.xlsx: not a readable \.xlsx workbook \(.+\)$/,
    },
    {
      name: 'a binary file named .csv',
      write: (p) => writeFile(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])),
      message: /^census\/2024\/nhan_khau_x\.csv: not a text file \(binary content\)$/,
    },
    { name: 'an empty .csv', write: (p) => writeFile(p, ''), message: /^census\/2024\/nhan_khau_x\.csv: the file is empty$/ },
    { name: 'an empty .xlsx', write: (p) => writeFile(p, ''), message: /^census\/2024\/nhan_khau_x\.xlsx: not a readable \.xlsx workbook/ },
    {
      name: 'an unterminated quote',
      write: (p) => writeFile(p, 'Mã hộ,STT,Giới tính,Dân tộc\r\nH001,1,Nam,"Tày\r\nH001,2,Nữ,Tày\r\n'),
      message: /^census\/2024\/nhan_khau_x\.csv: cannot be read as CSV: Quote Not Closed/,
    },
    {
      name: 'a required column missing',
      write: (p) => writeCsv(p, [['DANH SÁCH NHÂN KHẨU'], ['Mã hộ', 'STT', 'Giới tính', 'Ngày sinh'], ['H001', 1, 'Nam', '1980']]),
      message: /^census\/2024\/nhan_khau_x\.csv: column "dan_toc" \(Dân tộc\) not found; headers seen: Mã hộ, STT, Giới tính, Ngày sinh$/,
    },
  ];
  for (const { name, write, message } of broken) {
    it(`fails its source with a message naming the file (${name}); other sources still ingest`, async () => {
      await writeCsv(path('census/2024/ho_xa_bao_ha.csv'), goodHouseholds);
      await mkdir(path('census/2024'), { recursive: true });
      await write(path(`census/2024/nhan_khau_x.${name.includes('.xlsx') || name.includes('workbook') ? 'xlsx' : 'csv'}`));
      await writeCsv(path('school/2024/hoc_sinh.csv'), goodStudents, { delimiter: ';', bom: true });
      const result = await run();
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]?.source).toBe('census');
      expect(result.failures[0]?.message).toMatch(message);
      expect(counts(result)['school/2024/hoc_sinh.csv']).toEqual([2, 2, 0, 0]);
      expect(await db.one(`SELECT count(*) AS n FROM ingest.school_hoc_sinh`)).toEqual({ n: 2 });
      await expectReconciled(result);
    });
  }
});

describe('reading and quarantining', () => {
  it('finds the header below title rows in CSV and xlsx, and skips blank, note and signature rows', async () => {
    await writeXlsx(path('census/2024/ho_xa_bao_ha.xlsx'), [{
      name: 'Ho',
      merges: ['A1:D1', 'A9:C9'],
      rows: [
        ['UBND HUYỆN BẢO YÊN'], ['DANH SÁCH HỘ'], [],
        ['MÃ HỘ', 'Mã  xã ', 'Thôn', 'Điện lưới'],
        ['H001', 2989, 'Thôn 1', 'x'],
        ['H002', '02989', 'Thôn 2', null],
        ['H003', 'Xã Bảo Hà', 'Thôn 3', null],
        [],
        ['Người lập biểu'],
        [null, 'Thủ trưởng đơn vị'],
        [null, null, 'Bảo Yên, ngày 05 tháng 10 năm 2024'],
      ],
    }]);
    await writeCsv(path('census/2024/nhan_khau_bao_ha.csv'), [
      ['DANH SÁCH NHÂN KHẨU'], [],
      ['Mã hộ', 'STT', 'Giới tính', 'Ngày sinh', 'Dân tộc'],
      ['H001', 1, 'Nam', '05/09/1980', 'Tày'],
      ['H002', 1, 'Nữ', '1975', 'Dao'],
      ['Người lập biểu'],
    ], { delimiter: ';' });
    const result = await run();
    expect(result.failures).toEqual([]);
    expect(counts(result)).toEqual({
      'census/2024/ho_xa_bao_ha.xlsx': [7, 2, 1, 4],
      'census/2024/nhan_khau_bao_ha.csv': [3, 2, 0, 1],
    });
    expect((await quarantine()).map((q) => [q.file, q.row, q.column, q.value, q.action])).toEqual([
      ['census/2024/ho_xa_bao_ha.xlsx', 7, 'ma_xa', 'Xã Bảo Hà', 'row_rejected'],
    ]);
    expect(await db.all(`SELECT ma_ho, source_row, dien_luoi FROM ingest.census_ho ORDER BY ma_ho`)).toEqual([
      { ma_ho: 'H001', source_row: 5, dien_luoi: true },
      { ma_ho: 'H002', source_row: 6, dien_luoi: false },
    ]);
    await expectReconciled(result);
  });

  it('keeps the right CSV line numbers after a record spanning two lines', async () => {
    await writeCsv(path('census/2024/ho_bao_ha.csv'), [
      ['Mã hộ', 'Mã xã', 'Thôn'],
      ['H001', '02989', 'Thôn Khe Bàn\r\n(cũ: Bản Khe)'],
      ['H002', '99999', 'Thôn 2'],
      ['H001', '02989', 'Thôn 3'],
    ]);
    const result = await run();
    expect((await quarantine()).map((q) => [q.row, q.column, q.value])).toEqual([[4, 'ma_xa', '99999'], [5, 'ma_ho', 'H001']]);
    expect(await db.all(`SELECT source_row, thon FROM ingest.census_ho`)).toEqual([{ source_row: 2, thon: 'Thôn Khe Bàn\r\n(cũ: Bản Khe)' }]);
    await expectReconciled(result);
  });

  it('converts a TCVN3 CSV and records the warning for the file', async () => {
    const rows = [['Mã hộ', 'Tên xã', 'Thôn'], ['H001', 'Xã Tân Tiến', 'Thôn Phìn Hồ'], ['H002', 'Xã Xuân Thượng', 'Bản Nặm Rịa']];
    await writeCsv(path('census/2024/ho_tan_tien.csv'), rows.map((r) => r.map(encodeTcvn3)), { latin1: true });
    const result = await run();
    expect(result.files[0]?.warnings).toEqual(['legacy TCVN3 text converted to Unicode']);
    expect(await db.all(`SELECT code FROM ingest.warnings WHERE file = 'census/2024/ho_tan_tien.csv'`)).toEqual([{ code: 'legacy_encoding' }]);
    expect(await db.all(`SELECT ma_ho, ten_xa, thon FROM ingest.census_ho ORDER BY ma_ho`)).toEqual([
      { ma_ho: 'H001', ten_xa: '02950', thon: 'Thôn Phìn Hồ' },
      { ma_ho: 'H002', ten_xa: '02980', thon: 'Bản Nặm Rịa' },
    ]);
    await expectReconciled(result);
  });

  it('masks a repeated personal key in the quarantine value, and keeps it out of the reason', async () => {
    await writeCsv(path('school/2024/hoc_sinh.csv'), [...goodStudents, ['2024000001', 'Nam', '02989'], ['2024000003', 'K', '02989']]);
    const result = await run();
    expect(counts(result)).toEqual({ 'school/2024/hoc_sinh.csv': [4, 2, 2, 0] });
    const rows = await quarantine();
    expect(rows.map((q) => [q.row, q.column, q.value])).toEqual([[4, 'ma_hoc_sinh', '20******01'], [5, 'gioi_tinh', 'K']]);
    expect(rows[0]?.reason).toBe('duplicate ma_hoc_sinh: already loaded from school/2024/hoc_sinh.csv row 2');
    const coded = await db.all<{ code: string; params: string }>(`SELECT code, params FROM ingest.quarantine ORDER BY "row"`);
    expect(coded.map((r) => ({ code: r.code, params: JSON.parse(r.params) }))).toEqual([
      finding('duplicate_key', { key: 'ma_hoc_sinh', file: 'school/2024/hoc_sinh.csv', row: 2 }),
      finding('not_sex'),
    ]);
    await expectReconciled(result);
  });

  it('lets a row rejected for another reason not claim its key, and rejects references to rejected rows', async () => {
    await writeCsv(path('census/2024/ho.csv'), [['Mã hộ', 'Mã xã'], ['H001', '99999'], ['H001', '02989'], ['H002', 'abc']]);
    await writeCsv(path('census/2024/nhan_khau.csv'), [
      ['Mã hộ', 'STT', 'Giới tính', 'Dân tộc'], ['H001', 1, 'Nam', 'Tày'], ['H002', 1, 'Nữ', 'Dao'], ['H001', 1, 'Nữ', 'Tày'],
    ]);
    const result = await run();
    expect((await quarantine()).map((q) => [q.file, q.row, q.column, q.action])).toEqual([
      ['census/2024/ho.csv', 2, 'ma_xa', 'row_rejected'],
      ['census/2024/ho.csv', 4, 'ma_xa', 'row_rejected'],
      ['census/2024/nhan_khau.csv', 3, 'ma_ho', 'row_rejected'],
      ['census/2024/nhan_khau.csv', 4, 'ma_ho, stt', 'row_rejected'],
    ]);
    expect(await db.all(`SELECT ma_ho, source_row FROM ingest.census_ho`)).toEqual([{ ma_ho: 'H001', source_row: 3 }]);
    await expectReconciled(result);
  });
});

describe('signature blocks and rejected rows', () => {
  it('skips a signature row even when its texts sit under several required columns', async () => {
    await writeCsv(path('census/2024/ho_a.csv'), [
      ['Mã hộ', 'Mã xã', 'Thôn'],
      ['H001', '02989', 'Thôn 1'],
      ['Người lập biểu', 'Thủ trưởng đơn vị', null],
      ['(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)', null],
      ['Bảo Yên, ngày 05 tháng 10 năm 2024', 'TM. UBND XÃ', null],
      ['H002', 'Thủ trưởng', 'Thôn 2'],
    ]);
    const result = await run();
    // The last row has a household id: it is data with a bad commune, not a signature.
    expect(counts(result)).toEqual({ 'census/2024/ho_a.csv': [5, 1, 1, 3] });
    expect((await quarantine()).map((q) => [q.row, q.column])).toEqual([[6, 'ma_xa']]);
  });

  it('does not report blanked values of a row it rejects', async () => {
    await writeCsv(path('census/2024/ho_a.csv'), [
      ['Mã hộ', 'Mã xã', 'Điện lưới'],
      ['H001', '02989', 'abc'],
      ['H002', '99999', 'abc'],
    ]);
    await run();
    expect((await quarantine()).map((q) => [q.row, q.column, q.action])).toEqual([
      [2, 'dien_luoi', 'value_blanked'],
      [3, 'ma_xa', 'row_rejected'],
    ]);
  });
});

describe("DuckDB's threads", () => {
  // The loaded rows record the setting in force while they were loaded (a derived column).
  const probe = defineConnector({
    id: 'probe', title: 'test', owner: 'test', referenceDate: (y) => `${y}-01-01`,
    tables: [{
      name: 'dong', description: 'rows',
      columns: {
        ma: { aliases: ['Mã'], type: v.text(), required: true, description: 'id' },
        ten: { aliases: ['Tên'], type: v.text(), required: true, description: 'name' },
      },
      derived: { threads: { sql: "current_setting('threads')::INTEGER", sqlType: 'INTEGER' } },
    }],
  });

  it('are shared out among the units read at once, and given back afterwards', async () => {
    await rm(path('probe'), { recursive: true, force: true });
    for (const year of [2023, 2024]) {
      await mkdir(path(`probe/${year}`), { recursive: true });
      await writeCsv(path(`probe/${year}/dong.csv`), [['Mã', 'Tên'], ['a', 'x'], ['b', 'y']]);
    }
    const threads = async () => (await db.one<{ n: number }>(`SELECT current_setting('threads')::INTEGER AS n`))?.n;
    const load = async (set: number) => {
      await db.run(`SET threads = ${set}`);
      await db.run('DROP TABLE IF EXISTS ingest.probe_dong');
      await ingest({ db, sourcesDir: dir, connectors: [probe], hashKey: 'k' });
      expect(await threads()).toBe(set);
      return (await db.all<{ year: number; threads: number }>(`SELECT DISTINCT year, threads FROM ingest.probe_dong ORDER BY year`)).map((r) => [r.year, r.threads]);
    };
    // two units (2023, 2024) at once: 6 threads → 3 each, 2 → 1, never 0; the setting is back afterwards
    expect(await load(6)).toEqual([[2023, 3], [2024, 3]]);
    expect(await load(2)).toEqual([[2023, 1], [2024, 1]]);
    expect(await load(1)).toEqual([[2023, 1], [2024, 1]]);
    // one unit (a re-run that reads one changed source-year) has them all
    await rm(path('probe/2023'), { recursive: true });
    expect(await load(6)).toEqual([[2024, 6]]);
    // none (a folder without files): nothing shared out, the setting unchanged
    await rm(path('probe/2024'), { recursive: true });
    expect(await load(6)).toEqual([]);
  });
});
