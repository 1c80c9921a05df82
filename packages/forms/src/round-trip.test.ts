// The round trip: forms for 2026 written from a 2025 sources folder (pre-filled lists read back
// through the engine), filled through exceljs as a clerk would, and ingested by the real engine
// into a real DuckDB file. Filled by the rules nothing is quarantined and every file reconciles;
// bad values pasted over the validation land in the quarantine with the row the sheet shows.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { writeXlsx } from '@dtts/ingest-core/testing';
import { connectors } from '@dtts/pipeline/connectors';
import { fillAsClerk, openForm, type FormFile } from './clerk.test-helper.ts';
import { LAYOUT, SHEETS } from './workbook.ts';
import { writeForms, type WrittenForm } from './write.ts';

let dir: string;
let written: WrittenForm[];
const formPath = (table: string) => join(dir, 'forms', written.find((f) => f.table === table)!.file);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forms-round-trip-'));
  const prev = join(dir, 'sources-2025');
  // Last year's files as agencies sent them. Tân Tiến (02950) was merged into Nghĩa Đô (02953) on 1 July 2025.
  await writeXlsx(join(prev, 'school/2025/truong_2025.xlsx'), [{ name: 'truong', rows: [
    ['DANH SÁCH TRƯỜNG NĂM HỌC 2025-2026'],
    ['Mã trường', 'Tên trường', 'Mã xã', 'Loại trường', 'Số phòng học'],
    ['T01', 'Trường Tiểu học Bảo Hà', '02989', 'Tiểu học', 12],
    ['T02', 'Trường THCS Tân Tiến', '02950', 'THCS', 8],
  ] }]);
  await writeXlsx(join(prev, 'census/2025/ho_2025.xlsx'), [{ name: 'ho', rows: [
    ['Mã hộ', 'Mã xã', 'Thôn', 'Họ tên chủ hộ'],
    ['H1', '02989', 'Thôn Bản Bon', 'Nguyễn Văn An'],
    ['H2', '02953', 'Thôn Nà Khương', 'Hoàng Thị Bình'],
    ['H3', '02989', 'Thôn Bản Bon', 'Lý Văn Cường'],
  ] }]);
  await writeXlsx(join(prev, 'poverty/2025/ho_ngheo_2025.xlsx'), [{ name: 'ho_ngheo', rows: [
    ['Mã hộ', 'Họ tên chủ hộ', 'Mã xã', 'Thôn', 'Dân tộc chủ hộ', 'Phân loại'],
    ['P1', 'Đặng Văn Dũng', '02947', 'Tổ dân phố 1', 'Dao', 'Hộ nghèo'],
  ] }]);
  written = (await writeForms({ year: 2026, outDir: join(dir, 'forms'), sourcesDir: prev, connectors })).forms;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function column(form: FormFile, header: string): number {
  const i = form.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
}

function listWithNotes(form: FormFile, header: string): string[] {
  const values = form.listValues(column(form, header));
  const lists = form.workbook.getWorksheet(SHEETS.lists)!;
  const notes = new Map<string, string>();
  lists.eachRow((row) => row.eachCell((cell, col) => {
    if (values.includes(String(cell.value)) && row.getCell(col + 1).value) notes.set(String(cell.value), String(row.getCell(col + 1).value));
  }));
  return values.map((v) => `${v} — ${notes.get(v) ?? ''}`);
}

describe('pre-filled from the previous year', () => {
  it('offers last year\'s villages with their commune, from every source that has villages, and no names', async () => {
    const expected = ['Thôn Nà Khương — Xã Nghĩa Đô', 'Thôn Bản Bon — Xã Bảo Hà', 'Tổ dân phố 1 — Xã Bảo Yên'];
    for (const table of ['ho', 'ho_ngheo']) {
      const form = await openForm(formPath(table));
      expect(listWithNotes(form, 'Thôn').sort()).toEqual(expected.sort());
      const everything: string[] = [];
      form.workbook.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => everything.push(String(c.value)))));
      expect(everything.join('|')).not.toMatch(/Nguyễn Văn An|Hoàng Thị Bình|Lý Văn Cường|Đặng Văn Dũng/);
    }
  });

  it('pre-fills last year\'s schools (identifying columns only, commune as in force in 2026) and offers them to the pupils\' form', async () => {
    const truong = await openForm(formPath('truong'));
    const row = (r: number) => truong.headers.map((_, c) => truong.sheet.getCell(r, c + 1).value ?? null);
    const at = (h: string) => truong.headers.indexOf(h);
    const first = row(LAYOUT.firstDataRow);
    const second = row(LAYOUT.firstDataRow + 1);
    expect([first[at('Mã trường')], first[at('Tên trường')], first[at('Mã xã')], first[at('Xã')], first[at('Loại trường')], first[at('Số phòng học')]])
      .toEqual(['T01', 'Trường Tiểu học Bảo Hà', '02989', 'Xã Bảo Hà', 'Tiểu học', null]);
    expect([second[at('Mã trường')], second[at('Mã xã')], second[at('Xã')], second[at('Loại trường')]])
      .toEqual(['T02', '02953', 'Xã Nghĩa Đô', 'Trung học cơ sở']);
    expect(row(LAYOUT.firstDataRow + 2).every((v) => v === null)).toBe(true);
    expect(written.find((f) => f.table === 'truong')!.prefilled).toBe(2);
    const pupils = await openForm(formPath('hoc_sinh'));
    expect(listWithNotes(pupils, 'Mã trường')).toEqual(['T01 — Trường Tiểu học Bảo Hà', 'T02 — Trường THCS Tân Tiến']);
  });
});

describe('filled and returned', () => {
  it('ingests every form filled by the rules with nothing quarantined, and every file reconciles', async () => {
    const returned = join(dir, 'returned-good');
    const filledRows = new Map<string, number>();
    for (const f of written) {
      const form = await openForm(join(dir, 'forms', f.file));
      filledRows.set(f.file, fillAsClerk(form, 3, 2026).length);
      await mkdir(dirname(join(returned, f.file)), { recursive: true });
      await form.workbook.xlsx.writeFile(join(returned, f.file));
    }
    const db = await Db.open(join(dir, 'good.duckdb'));
    try {
      const result = await ingest({ db, sourcesDir: returned, connectors, years: [2026], hashKey: 'round-trip-test-key' });
      expect(result.failures).toEqual([]);
      expect(await db.all('SELECT * FROM ingest.quarantine')).toEqual([]);
      expect(result.files.map((r) => r.file).sort()).toEqual(written.map((f) => f.file).sort());
      for (const r of result.files) {
        expect({ file: r.file, read: r.rowsRead, loaded: r.rowsLoaded, quarantined: r.rowsQuarantined, skipped: r.rowsSkipped })
          .toEqual({ file: r.file, read: filledRows.get(r.file), loaded: filledRows.get(r.file), quarantined: 0, skipped: 0 });
        // The instructions and lists sheets are the form's own: no "sheet ignored" warning for them.
        expect(r.warnings, r.file).toEqual([]);
      }
      // Two pre-filled schools and three new ones; the merged commune is carried as the 2026 unit.
      expect(filledRows.get('school/2026/truong_bieu_mau_2026.xlsx')).toBe(5);
      expect(await db.all(`SELECT ma_truong, commune_code FROM ingest.school_truong WHERE ma_truong LIKE 'T%' ORDER BY 1`))
        .toEqual([{ ma_truong: 'T01', commune_code: '02989' }, { ma_truong: 'T02', commune_code: '02953' }]);
    } finally {
      db.close();
    }
  });

  it('reads bad values pasted over the validation under the usual rules: each bad row quarantined with the row the sheet shows', async () => {
    const returned = join(dir, 'returned-bad');
    const ho = await openForm(formPath('ho'));
    fillAsClerk(ho, 5, 2026);
    const people = await openForm(formPath('nhan_khau'));
    const rows = fillAsClerk(people, 5, 2026);
    expect(rows).toEqual([8, 9, 10, 11, 12]);
    people.sheet.getCell(9, column(people, 'Giới tính')).value = 'K';
    people.sheet.getCell(10, column(people, 'Biết đọc biết viết')).value = 'Có lẽ';
    people.sheet.getCell(11, column(people, 'STT')).value = 0;
    people.sheet.getCell(12, column(people, 'Dân tộc')).value = 'Tây Âu';
    for (const [form, table] of [[ho, 'ho'], [people, 'nhan_khau']] as const) {
      const file = written.find((f) => f.table === table)!.file;
      await mkdir(dirname(join(returned, file)), { recursive: true });
      await form.workbook.xlsx.writeFile(join(returned, file));
    }
    const db = await Db.open(join(dir, 'bad.duckdb'));
    try {
      const result = await ingest({ db, sourcesDir: returned, connectors, years: [2026], hashKey: 'round-trip-test-key' });
      expect(result.failures).toEqual([]);
      const q = await db.all<{ file: string; row: number; column: string; action: string }>(
        `SELECT file, "row", "column", action FROM ingest.quarantine ORDER BY "row"`,
      );
      const file = 'census/2026/nhan_khau_bieu_mau_2026.xlsx';
      expect(q).toEqual([
        { file, row: 9, column: 'gioi_tinh', action: 'row_rejected' },
        { file, row: 10, column: 'biet_doc_viet', action: 'value_blanked' },
        { file, row: 11, column: 'stt', action: 'row_rejected' },
        { file, row: 12, column: 'dan_toc', action: 'row_rejected' },
      ]);
      const report = result.files.find((r) => r.file === file)!;
      expect([report.rowsRead, report.rowsLoaded, report.rowsQuarantined, report.rowsSkipped]).toEqual([5, 2, 3, 0]);
      expect(await db.all(`SELECT source_row, biet_doc_viet FROM ingest.census_nhan_khau ORDER BY 1`))
        .toEqual([{ source_row: 8, biet_doc_viet: true }, { source_row: 10, biet_doc_viet: null }]);
    } finally {
      db.close();
    }
  });
});
