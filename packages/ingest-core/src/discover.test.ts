// Which files of a sources folder belong to which table (SOURCES.md §1), on a real folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector, type ColumnSpec } from './contract.ts';
import { discover, tableForFile } from './discover.ts';
import * as v from './values/index.ts';

const id: ColumnSpec = { aliases: ['Mã'], type: v.text(), required: true, description: 'id' };
const connector = (cid: string, ...tables: string[]) =>
  defineConnector({ id: cid, title: cid, owner: 'test', referenceDate: (y) => `${y}-10-01`, tables: tables.map((name) => ({ name, description: name, columns: { ma: id } })) });
const census = connector('census', 'ho', 'nhan_khau');
const school = connector('school', 'truong', 'hoc_sinh');
const poverty = connector('poverty', 'ho_ngheo');
const all = [census, school, poverty];

describe('tableForFile', () => {
  it('takes the longest prefix, ending at a non-letter, case- and diacritics-insensitively', () => {
    expect(tableForFile('ho_ngheo_2025.xlsx', all)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('ho_xa_bao_ha.csv', all)).toEqual({ source: 'census', table: 'ho' });
    expect(tableForFile('Hộ nghèo - Xã Bảo Hà.xlsx', all)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('HỘ GIA ĐÌNH.CSV', all)).toEqual({ source: 'census', table: 'ho' });
    expect(tableForFile('Nhân khẩu-2024.csv', all)).toEqual({ source: 'census', table: 'nhan_khau' });
    expect(tableForFile('hoc_sinh_th.xlsx', all)).toEqual({ source: 'school', table: 'hoc_sinh' });
    expect(tableForFile('ho.csv', all)).toEqual({ source: 'census', table: 'ho' });
    expect(tableForFile('hoa_don.csv', all)).toBeUndefined();
    expect(tableForFile('truongxyz.csv', all)).toBeUndefined();
  });
  it('splits camel-case names, so a prefix still ends at a word', () => {
    expect(tableForFile('HoNgheo2025.xlsx', all)).toEqual({ source: 'poverty', table: 'ho_ngheo' });
    expect(tableForFile('HoGiaDinh.csv', all)).toEqual({ source: 'census', table: 'ho' });
    expect(tableForFile('NhanKhau_2024.csv', all)).toEqual({ source: 'census', table: 'nhan_khau' });
    expect(tableForFile('TruongTH.csv', all)).toEqual({ source: 'school', table: 'truong' });
    expect(tableForFile('hocsinh.csv', all)).toBeUndefined();
  });
});

describe('discover', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'discover-test-'));
    const files = [
      'census/2024/ho_xa_bao_ha.xlsx', 'census/2024/Nhân Khẩu Bảo Hà.csv', 'census/2024/ho_ngheo_2024.csv',
      'census/2024/README.txt', 'census/2024/bao_cao.docx', 'census/2024/~$ho_xa_bao_ha.xlsx', 'census/2024/.ho_an.csv',
      'census/2024/danh_sach.csv', 'census/2024/hoc_sinh.csv', 'census/2024/ho_xa_bao_ha.xls',
      'census/2025/ho.csv', 'census/2025_cu/ho.csv', 'census/ban cu/ho.csv', 'census/ghi_chu.txt', 'census/2023',
      'poverty/2024/HO_NGHEO_XA_BAO_HA.CSV', 'poverty/2024/ho_xa_bao_ha.csv',
    ];
    for (const f of files) {
      await mkdir(join(dir, f, '..'), { recursive: true });
      await writeFile(join(dir, f), 'x');
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives each file to its table and ignores the rest with a warning naming them', async () => {
    const found = await discover(dir, all);
    expect(found.files.map((f) => [f.file, f.source, f.table, f.year, f.format])).toEqual([
      ['census/2024/Nhân Khẩu Bảo Hà.csv', 'census', 'nhan_khau', 2024, 'csv'],
      ['census/2024/ho_xa_bao_ha.xlsx', 'census', 'ho', 2024, 'xlsx'],
      ['census/2025/ho.csv', 'census', 'ho', 2025, 'csv'],
      ['poverty/2024/HO_NGHEO_XA_BAO_HA.CSV', 'poverty', 'ho_ngheo', 2024, 'csv'],
    ]);
    const warnings = Object.fromEntries(found.warnings.map((w) => [w.file, w.message]));
    expect(Object.keys(warnings).sort()).toEqual([
      'census/2023', 'census/2024/.ho_an.csv', 'census/2024/README.txt', 'census/2024/bao_cao.docx',
      'census/2024/danh_sach.csv', 'census/2024/ho_ngheo_2024.csv', 'census/2024/ho_xa_bao_ha.xls',
      'census/2024/hoc_sinh.csv', 'census/2024/~$ho_xa_bao_ha.xlsx', 'census/2025_cu', 'census/ban cu',
      'census/ghi_chu.txt', 'poverty/2024/ho_xa_bao_ha.csv',
    ]);
    expect(warnings['census/2024/~$ho_xa_bao_ha.xlsx']).toBe('ignored: an Excel lock file (census/2024/~$ho_xa_bao_ha.xlsx)');
    expect(warnings['census/2024/.ho_an.csv']).toContain('a hidden file');
    expect(warnings['census/2024/bao_cao.docx']).toContain('neither .csv nor .xlsx');
    expect(warnings['census/2024/ho_xa_bao_ha.xls']).toContain('neither .csv nor .xlsx');
    expect(warnings['census/2024/danh_sach.csv']).toContain('no table prefix of census');
    expect(warnings['census/2024/ho_ngheo_2024.csv']).toContain('a poverty table (ho_ngheo), not a census one');
    expect(warnings['census/2024/hoc_sinh.csv']).toContain('a school table (hoc_sinh), not a census one');
    expect(warnings['poverty/2024/ho_xa_bao_ha.csv']).toContain('a census table (ho), not a poverty one');
    expect(warnings['census/2025_cu']).toBe('ignored: not a year folder (census/2025_cu)');
    expect(warnings['census/2023']).toContain('not a year folder');
    expect(found.years).toEqual(new Map([['census', [2024, 2025]], ['school', []], ['poverty', [2024]]]));
  });

  it('keeps only the years asked for', async () => {
    const found = await discover(dir, all, [2025]);
    expect(found.files.map((f) => f.file)).toEqual(['census/2025/ho.csv']);
    expect(found.years.get('census')).toEqual([2025]);
  });
});
