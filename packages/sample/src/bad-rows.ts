import type { Doc, DraftRow, PlantedRow } from './doc.ts';
import type { Cell } from './format/values.ts';

/** One planted defect: which file, and how to make it from that file's rows. */
interface Plant {
  path: string;
  apply: (doc: Doc) => void;
}

function insertClone(doc: Doc, at: number, change: Record<string, Cell>, planted: PlantedRow): void {
  const i = Math.min(at, doc.rows.length - 1);
  const source = doc.rows[i];
  if (!source) return;
  const row: DraftRow = { cells: { ...source.cells, ...change }, planted };
  doc.rows.splice(i + 1, 0, row);
}

function mutate(doc: Doc, at: number, column: string, value: Cell, planted: PlantedRow): void {
  const row = doc.rows[Math.min(at, doc.rows.length - 1)];
  if (!row || row.planted) return;
  row.cells[column] = value;
  row.planted = planted;
}

/** A fresh stt for a person row inserted in an existing household. */
function nextStt(doc: Doc, at: number): Cell {
  const maHo = doc.rows[Math.min(at, doc.rows.length - 1)]?.cells.ma_ho;
  const max = Math.max(0, ...doc.rows.filter((r) => r.cells.ma_ho === maHo).map((r) => Number(r.cells.stt)));
  return doc.style.format === 'xlsx' ? max + 1 : String(max + 1);
}

const mid = (doc: Doc): number => Math.floor(doc.rows.length / 2);
const rejected = (column: string, why: string): PlantedRow => ({ column, action: 'row_rejected', why });
const blanked = (column: string, why: string): PlantedRow => ({ column, action: 'value_blanked', why });

/** The planted bad rows: about fifteen, one of each kind SOURCES.md §3 names, in various files. */
export const PLANTS: Plant[] = [
  { path: 'census/2020/nhan_khau_xa_tan_tien.xlsx', apply: (d) => insertClone(d, mid(d), { stt: nextStt(d, mid(d)), ngay_sinh: new Date(Date.UTC(2020, 11, 15)) }, rejected('ngay_sinh', 'birth date 15/12/2020 after the census reference date 01/10/2020')) },
  { path: 'census/2021/ho_xa_nghia_do.csv', apply: (d) => insertClone(d, mid(d), { ma_ho: 'HGD0295399001', ma_xa: '02999', ten_xa: 'Xã Tân Lập' }, rejected('ma_xa', 'unknown commune 02999 / Xã Tân Lập')) },
  { path: 'census/2021/nhan_khau_xa_nghia_do.csv', apply: (d) => insertClone(d, 3, { stt: nextStt(d, 3), dan_toc: 'Trại' }, rejected('dan_toc', "ambiguous ethnic group 'Trại' (Dao and Sán Dìu)")) },
  { path: 'census/2022/ho_xa_nghia_do.csv', apply: (d) => mutate(d, 2, 'thu_nhap_binh_quan', '-500.000', blanked('thu_nhap_binh_quan', 'negative income -500.000')) },
  { path: 'census/2022/nhan_khau_xa_thuong_ha.csv', apply: (d) => insertClone(d, mid(d), { stt: nextStt(d, mid(d)), ngay_sinh: '31/02/2010' }, rejected('ngay_sinh', 'impossible date 31/02/2010')) },
  { path: 'census/2023/nhan_khau_xa_viet_tien.csv', apply: (d) => insertClone(d, 5, { stt: nextStt(d, 5), ngay_sinh: '15/11/2023' }, rejected('ngay_sinh', 'birth date 15/11/2023 after the census reference date 01/10/2023')) },
  { path: 'census/2023/nhan_khau_xa_kim_son.csv', apply: (d) => insertClone(d, mid(d), { ma_ho: 'HGD0297199999', stt: '1' }, rejected('ma_ho', 'household HGD0297199999 does not exist in ho')) },
  { path: 'census/2024/nhan_khau_xa_vinh_yen.csv', apply: (d) => insertClone(d, mid(d), { stt: nextStt(d, mid(d)), gioi_tinh: 'K' }, rejected('gioi_tinh', "sex 'K' is neither Nam/Nữ nor 1/2")) },
  { path: 'census/2024/ho_thi_tran_pho_rang.csv', apply: (d) => insertClone(d, mid(d), { thu_nhap_binh_quan: '2500000' }, rejected('ma_ho', 'duplicate ma_ho: the same household listed twice')) },
  { path: 'census/2024/ho_thi_tran_pho_rang.csv', apply: (d) => mutate(d, 1, 'dien_luoi', 'abc', blanked('dien_luoi', "boolean 'abc'")) },
  { path: 'census/2025/nhan_khau_xa_nghia_do.csv', apply: (d) => mutate(d, 4, 'biet_doc_viet', 'abc', blanked('biet_doc_viet', "boolean 'abc'")) },
  { path: 'school/2023/truong.csv', apply: (d) => insertClone(d, d.rows.length - 1, { ma_truong: '10089001', ten_truong: 'Trường Mầm non tư thục Hoa Sen', loai_truong: 'MN', so_phong_hoc: '8', so_phong_kien_co: '10' }, rejected('so_phong_kien_co', '10 solid classrooms but only 8 classrooms')) },
  { path: 'school/2024/hoc_sinh.csv', apply: (d) => insertClone(d, mid(d), { ma_hoc_sinh: '1099999901', ma_truong: '10089999' }, rejected('ma_truong', 'school 10089999 does not exist in truong')) },
  { path: 'health-insurance/2021/the_bhyt_2021.csv', apply: (d) => insertClone(d, mid(d), { ma_the: 'GD4109999999998', dan_toc: '99' }, rejected('dan_toc', "unknown ethnic group code '99'")) },
  { path: 'health-insurance/2024/the_bhyt_2024.csv', apply: (d) => insertClone(d, mid(d), { ma_the: 'GD4109999999999', gia_tri_tu: '01/01/2024', gia_tri_den: '31/12/2023' }, rejected('gia_tri_den', 'card ends 31/12/2023 before it starts 01/01/2024')) },
  { path: 'poverty/2023/ho_ngheo_xa_bao_ha.csv', apply: (d) => mutate(d, 0, 'so_chi_so_thieu_hut', '15', blanked('so_chi_so_thieu_hut', 'so_chi_so_thieu_hut 15 outside 0-12')) },
  { path: 'poverty/2024/ho_ngheo_2024.xlsx', apply: (d) => insertClone(d, mid(d), { ma_ho: 'HGD0298999001', phan_loai: 'Khá' }, rejected('phan_loai', "poverty class 'Khá' is neither poor nor near-poor")) },
];

/** Index of the first row whose column holds one of the values (the plant's anchor). */
function firstWhere(doc: Doc, column: string, values: readonly string[]): number {
  const i = doc.rows.findIndex((r) => values.includes(String(r.cells[column] ?? '')));
  if (i < 0) throw new Error(`sample: no ${column} in ${values.join('/')} in ${doc.path}`);
  return i;
}

/** Planted rows of the five §7 sources, one of each kind of defect their rules name. */
export const OTHER_PLANTS: Plant[] = [
  { path: 'health/2021/sinh_de_2021.csv', apply: (d) => insertClone(d, mid(d), { so_phieu: 'SP202199001', ngay_de: '28/12/2020' }, rejected('ngay_de', 'delivery dated 28/12/2020, outside 2021')) },
  { path: 'health/2023/sinh_de_2023.csv', apply: (d) => insertClone(d, 4, { so_phieu: 'SP202399001', ngay_sinh_me: '3/4/2014' }, rejected('ngay_sinh_me', 'mother born 2014: aged 9 at the delivery')) },
  { path: 'health/2021/can_tre_2021.xlsx', apply: (d) => mutate(d, mid(d), 'can_nang', 0.5, blanked('can_nang', 'implausible weight 0.5 kg: weight-for-age z below -6')) },
  { path: 'health/2022/can_tre_2022.csv', apply: (d) => insertClone(d, mid(d), { ma_tre: 'TE99000001', ngay_sinh: '2021' }, rejected('ngay_sinh', 'birth date 2021 without day and month')) },
  { path: 'health/2023/can_tre_2023.xlsx', apply: (d) => insertClone(d, 2, { ma_tre: 'TE99000002', ngay_sinh: '30/06/2023' }, rejected('ngay_can', 'weighed in June 2023 before the birth on 30/06/2023')) },
  { path: 'civil-registration/2022/hon_nhan_2022.csv', apply: (d) => insertClone(d, mid(d), {}, rejected('so_thu_tu', 'duplicate so_thu_tu: the same couple listed twice (the later row)')) },
  { path: 'staff/2022/can_bo_2022.csv', apply: (d) => insertClone(d, firstWhere(d, 'cap', ['Xã']), { ma_can_bo: 'CB9999900', ma_xa: null }, rejected('ma_xa', "a 'Xã' staff row without a commune")) },
  { path: 'activities/2023/hoat_dong_2023.csv', apply: (d) => mutate(d, firstWhere(d, 'loai', ['Nêu gương']), 'so_luong', '0', blanked('so_luong', 'so_luong 0 below 1 (counts as 1)')) },
];

/** Applies the plants whose file is among the docs (a year not generated simply has none). */
export function plantBadRows(docs: Doc[]): void {
  for (const plant of [...PLANTS, ...OTHER_PLANTS]) {
    const doc = docs.find((d) => d.path === plant.path);
    if (doc) plant.apply(doc);
  }
}
