import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGrid, type Grid } from './testing/read-back.ts';
import { smallSample } from './testing/small-sample.ts';
import type { SampleSummary } from './generate.ts';

// Each test checks one row of VARIATIONS.md in the written files.
let s: { dir: string; summary: SampleSummary };
beforeAll(async () => {
  s = await smallSample();
}, 60_000);

const grid = (f: string, sheet?: string): Promise<Grid> => readGrid(join(s.dir, f), sheet);
const truthOf = (f: string) => {
  const t = s.summary.files.find((x) => x.file === f);
  if (!t) throw new Error(`no file ${f}`);
  return t;
};
/** The values of one column (by header text) over the data rows of a file. */
async function column(f: string, header: string): Promise<string[]> {
  const t = truthOf(f);
  const g = await grid(f);
  const col = g.rows[t.headerRow]!.findIndex((h) => h.normalize('NFC') === header);
  if (col < 0) throw new Error(`${f}: no header ${header} in ${g.rows[t.headerRow]!.join('|')}`);
  const out: string[] = [];
  for (let r = t.firstDataRow; r < t.firstDataRow + t.dataRows; r++) out.push(g.rows[r]![col]!.normalize('NFC'));
  return out;
}
/** Distinct non-empty-or-empty values over several boolean columns (one column may be all true at small scale). */
async function values(f: string, headers: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const h of headers) for (const v of await column(f, h)) out.add(v);
  return out;
}
const raw = async (f: string): Promise<Buffer> => readFile(join(s.dir, f));

describe('variations of SOURCES.md §2', () => {
  it('UTF-8 with and without BOM; delimiters ; and ,', async () => {
    const p0 = await raw('census/2024/ho_xa_nghia_do.csv');
    const p1 = await raw('census/2024/ho_thi_tran_pho_rang.csv');
    expect([...p0.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(p1[0]).not.toBe(0xef);
    expect(p0.toString('utf8').split('\r\n')[3]).toContain('Mã hộ;Mã xã;Tên xã');
    expect(p1.toString('utf8').split('\n')[0]).toBe('ma_ho,ma_xa,thon,ho_ten_chu_ho,thu_nhap_binh_quan,dien_luoi,nuoc_hop_ve_sinh,vung_nguy_co,da_bo_tri');
  });

  it('title rows above the header in CSV and (merged) in xlsx', async () => {
    const csv = await grid('census/2024/ho_xa_nghia_do.csv');
    expect(csv.rows[1]![0]).toBe('UBND HUYỆN BẢO YÊN');
    expect(csv.rows[2]![0]).toMatch(/^DANH SÁCH HỘ GIA ĐÌNH NĂM 2024/);
    expect(csv.rows[3]!.every((c) => c === '')).toBe(true);
    expect(truthOf('census/2024/ho_xa_nghia_do.csv').headerRow).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, 'census/2024/ho_xa_tan_tien.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('UBND HUYỆN BẢO YÊN');
    expect(ws.getCell('C1').isMerged).toBe(true);
  });

  it('a merged two-level header with alias texts in the lower row', async () => {
    const f = 'health-insurance/2023/the_bhyt_2023_hoc_sinh.xlsx';
    const t = truthOf(f);
    expect(t.headerRow).toBe(5);
    const g = await grid(f);
    expect(g.rows[4]).toContain('Giá trị thẻ');
    expect(g.rows[5]).toEqual(expect.arrayContaining(['Mã thẻ', 'Giá trị từ', 'Giá trị đến']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, f));
    expect(wb.worksheets[0]!.getCell('I4').isMerged).toBe(true);
  });

  it('blank, note and signature rows below the data', async () => {
    const f = 'census/2024/ho_xa_nghia_do.csv';
    const g = await grid(f);
    const texts = truthOf(f).skipped.map((sk) => g.rows[sk.row]!.join('').trim());
    expect(texts).toEqual(['', `Ghi chú: tổng số ${truthOf(f).dataRows} dòng`, 'Bảo Yên, ngày 05 tháng 10 năm 2024', 'Người lập biểu', 'Thủ trưởng đơn vị', '']);
    expect(g.rows.length - 1).toBe(truthOf(f).skipped.at(-1)!.row);
  });

  it('header spellings and aliases', async () => {
    const header = async (f: string): Promise<string[]> => (await grid(f)).rows[truthOf(f).headerRow]!;
    expect(await header('census/2024/ho_xa_nghia_do.csv')).toContain('Mã xã');
    expect(await header('school/2022/truong.xlsx')).toContain('MÃ XÃ');
    expect(await header('census/2024/ho_thi_tran_pho_rang.csv')).toContain('ma_xa');
    expect(await header('census/2024/ho_xa_vinh_yen.csv')).toContain('Ma xa');
    expect(await header('census/2024/ho_xa_tan_tien.xlsx')).toContain('Mã  xã ');
    expect(await header('census/2024/ho_xa_tan_duong.xlsx')).toEqual(expect.arrayContaining(['Mã ĐVHC', 'Thu nhập BQ/người/tháng', 'Đã di dời']));
    expect(await header('health-insurance/2024/the_bhyt_2024.csv')).toEqual(expect.arrayContaining(['Số thẻ BHYT', 'CCCD', 'Hạn từ', 'Hạn đến', 'Năm sinh']));
    expect(await header('school/2024/truong.xlsx')).toEqual(expect.arrayContaining(['Loại hình', 'Chuẩn QG', 'Phòng học kiên cố', 'Xã']));
  });

  it('NFD text, and both tone placements of Xuân Hoà', async () => {
    const text = (await raw('census/2024/ho_xa_bao_ha.csv')).toString('utf8');
    expect(text).not.toBe(text.normalize('NFC'));
    expect(text).toContain('Xã Bảo Hà'.normalize('NFD'));
    expect(await column('census/2024/ho_xa_xuan_hoa.csv', 'TÊN XÃ')).toContain('Xã Xuân Hòa');
    expect(await column('census/2025/ho_xa_xuan_hoa.csv', 'TÊN XÃ')).toContain('Xã Xuân Hoà');
  });

  it('a legacy TCVN3 workbook', async () => {
    const g = await grid('census/2022/ho_xa_tan_duong.xlsx', 'HO');
    expect(g.rows[1]).toEqual(expect.arrayContaining(['M· §VHC', 'Th«n/b¶n']));
    expect(g.rows.slice(2).some((r) => r?.some((c) => c.startsWith('Th«n ')))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, 'census/2022/ho_xa_tan_duong.xlsx'));
    expect(wb.getWorksheet('HO')!.getCell('A2').font?.name).toBe('.VnTime');
  });

  it('codes that lost their leading zero, and communes by name only', async () => {
    expect(new Set(await column('census/2024/ho_xa_vinh_yen.csv', 'Ma xa'))).toEqual(new Set(['2956']));
    expect(new Set(await column('census/2024/ho_xa_tan_tien.xlsx', 'Mã  xã '))).toEqual(new Set(['2950']));
    const g = await grid('census/2024/ho_xa_bao_ha.csv');
    expect(g.rows[truthOf('census/2024/ho_xa_bao_ha.csv').headerRow]!.map((h) => h.normalize('NFC'))).not.toContain('MÃ XÃ');
    expect(new Set(await column('census/2024/ho_xa_bao_ha.csv', 'TÊN XÃ'))).toEqual(new Set(['Xã Bảo Hà', 'Bảo Hà', 'xã Bảo Hà', 'Bao Ha']));
    const pupils = new Set(await column('school/2021/hoc_sinh_pho_thong.csv', 'Xã thường trú'));
    for (const name of ['TT Phố Ràng', 'Thị trấn Phố Ràng', 'Bao Ha']) expect(pupils).toContain(name);
  });

  it('Vietnamese numbers, dates, booleans, sexes', async () => {
    expect((await column('census/2024/ho_xa_nghia_do.csv', 'Thu nhập bình quân')).some((v) => /^\d{1,3}(\.\d{3})+$/.test(v))).toBe(true);
    expect((await column('census/2024/ho_xa_vinh_yen.csv', 'Thu nhap binh quan')).some((v) => /^\d{1,3}( \d{3})+$/.test(v))).toBe(true);
    expect((await column('census/2024/ho_thi_tran_pho_rang.csv', 'thu_nhap_binh_quan')).every((v) => /^\d*$/.test(v))).toBe(true);
    expect((await column('census/2024/nhan_khau_xa_nghia_do.csv', 'Ngày sinh')).every((v) => /^\d{2}\/\d{2}\/\d{4}$/.test(v))).toBe(true);
    expect((await column('census/2024/nhan_khau_xa_vinh_yen.csv', 'Ngay sinh')).some((v) => /^\d\/\d\/\d{4}$/.test(v))).toBe(true);
    expect((await column('census/2024/nhan_khau_thi_tran_pho_rang.csv', 'ngay_sinh')).every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.dir, 'census/2024/nhan_khau_xa_tan_tien.xlsx'));
    expect(wb.worksheets[0]!.getCell('F5').value).toBeInstanceOf(Date);
    expect((await column('census/2024/nhan_khau_xa_bao_ha.csv', 'NĂM SINH')).every((v) => /^\d{4}$/.test(v))).toBe(true);
    expect(await values('census/2024/ho_xa_nghia_do.csv', ['Điện lưới', 'Cư trú phân tán/vùng nguy cơ'])).toEqual(new Set(['Có', 'Không']));
    expect(await values('census/2024/ho_xa_tan_tien.xlsx', ['Điện  lưới ', 'Đã  bố trí ổn định '])).toEqual(new Set(['x', '']));
    expect(await values('census/2024/ho_thi_tran_pho_rang.csv', ['dien_luoi', 'vung_nguy_co'])).toEqual(new Set(['1', '0', 'abc']));
    expect(await values('census/2024/ho_xa_vinh_yen.csv', ['Dien luoi', 'Da bo tri on dinh'])).toEqual(new Set(['TRUE', 'FALSE']));
    expect(new Set(await column('census/2024/nhan_khau_xa_nghia_do.csv', 'Giới tính'))).toEqual(new Set(['Nam', 'Nữ']));
    expect(new Set(await column('census/2024/nhan_khau_thi_tran_pho_rang.csv', 'gioi_tinh'))).toEqual(new Set(['1', '2']));
  });

  it('ethnic groups as 08, 8 and names with their variants', async () => {
    expect(await column('census/2024/nhan_khau_xa_xuan_thuong.csv', 'dan_toc')).toContain('08');
    expect(await column('census/2024/nhan_khau_xa_luong_son.csv', 'Dan toc')).toContain('8');
    const names = new Set<string>();
    for (const f of s.summary.files.filter((x) => x.table === 'nhan_khau' && x.format === 'csv')) {
      const g = await grid(f.file);
      const col = g.rows[f.headerRow]!.findIndex((h) => ['Dân tộc', 'DÂN TỘC'].includes(h.normalize('NFC')));
      if (col >= 0) for (let r = f.firstDataRow; r < f.firstDataRow + f.dataRows; r++) names.add(g.rows[r]![col]!.normalize('NFC'));
    }
    for (const n of ['Mông', "H'Mông", 'HMông', 'Hmông', 'Mèo', 'Phù Lá', 'Xá Phó', 'Tày', 'Dao', 'Kinh']) expect(names, n).toContain(n);
  });

  it('a head who is not stt 1 and a household with no head marked', async () => {
    const f = 'census/2024/nhan_khau_xa_nghia_do.csv';
    const [hos, stts, rels] = await Promise.all([column(f, 'Mã hộ'), column(f, 'STT'), column(f, 'Quan hệ với chủ hộ')]);
    const rows = hos.map((h, i) => ({ h, stt: stts[i], rel: rels[i] }));
    expect(rows.find((r) => r.h === 'HGD0295300003' && r.rel === 'Chủ hộ')?.stt).toBe('2');
    expect(rows.filter((r) => r.h === 'HGD0295300002').every((r) => r.rel === '')).toBe(true);
  });

  it('abolished codes, workbooks with two sheets, ignored files', async () => {
    expect(await column('census/2025/ho_xa_bao_yen.csv', 'ma_xa')).toContain('02980');
    expect(await column('census/2020/ho_xa_phuc_khanh.csv', 'ma_xa')).toContain('02995');
    expect((await grid('census/2024/ho_xa_tan_duong.xlsx')).sheets).toEqual(['Huong dan', 'HO']);
    expect((await grid('school/2020/truong_2020.xlsx')).sheets).toEqual(['Tổng hợp', 'Truong']);
    for (const f of ['README.txt', '~$ho_xa_tan_tien.xlsx', 'bao_cao_tong_hop.docx']) await access(join(s.dir, 'census/2023', f));
    expect(s.summary.ignoredFiles).toHaveLength(3);
  });
});
