import type { HoNgheoRecord, HoRecord, HocSinhRecord, Level, NhanKhauRecord, TheBhytRecord, TruongRecord } from '../model/records.ts';
import type { FileStyle } from './style.ts';
import { OTHER_TABLES } from './tables-other.ts';
import type { Cell, Formatter } from './values.ts';

export type TableName = 'ho' | 'nhan_khau' | 'hoc_sinh' | 'truong' | 'the_bhyt' | 'ho_ngheo' | keyof typeof OTHER_TABLES;

export interface Column<R> {
  key: string;
  vi: string;
  /** Header texts of `alias`-style files; a list gives one per `aliasSet` of the style. */
  alias?: string | readonly string[];
  /** Only in files of these years (xa_cu: from 2025). */
  when?: (year: number) => boolean;
  get: (r: R, f: Formatter, rowKey: number) => Cell;
}

const LEVEL_NAME: Record<Level, string> = { MN: 'Mầm non', TH: 'Tiểu học', THCS: 'THCS', THPT: 'THPT' };

function communeColumns<R extends { communeCode: string }>(vi: [string, string], alias: [string, string]): Column<R>[] {
  return [
    // A commune office may still write the code of a unit abolished before the reference date.
    { key: 'ma_xa', vi: vi[0], alias: alias[0], get: (r, f) => f.communeCode((f.style.legacyCodes && (r as { legacyCode?: string | null }).legacyCode) || r.communeCode) },
    { key: 'ten_xa', vi: vi[1], alias: alias[1], get: (r, f, k) => f.communeName(r.communeCode, k) },
  ];
}

function birthColumns<R extends { birth: { y: number; m: number; d: number } }>(): Column<R>[] {
  return [
    { key: 'ngay_sinh', vi: 'Ngày sinh', get: (r, f) => f.birth(r.birth) },
    { key: 'nam_sinh', vi: 'Năm sinh', get: (r, f) => f.birth(r.birth) },
  ];
}

export const TABLES = {
  ho: [
    { key: 'ma_ho', vi: 'Mã hộ', alias: 'Ma ho gia dinh', get: (r) => r.maHo },
    ...communeColumns<HoRecord>(['Mã xã', 'Tên xã'], ['Mã ĐVHC', 'Xã']),
    { key: 'thon', vi: 'Thôn', alias: 'Thôn/bản', get: (r) => r.thon },
    { key: 'ho_ten_chu_ho', vi: 'Họ tên chủ hộ', alias: 'Chủ hộ', get: (r) => r.headName },
    { key: 'thu_nhap_binh_quan', vi: 'Thu nhập bình quân', alias: 'Thu nhập BQ/người/tháng', get: (r, f) => f.money(r.income) },
    { key: 'dien_luoi', vi: 'Điện lưới', alias: 'Sử dụng điện lưới quốc gia', get: (r, f) => f.bool(r.grid) },
    { key: 'nuoc_hop_ve_sinh', vi: 'Nước hợp vệ sinh', alias: 'Nước sinh hoạt hợp vệ sinh', get: (r, f) => f.bool(r.water) },
    { key: 'vung_nguy_co', vi: 'Cư trú phân tán/vùng nguy cơ', get: (r, f) => f.bool(r.atRisk) },
    { key: 'da_bo_tri', vi: 'Đã bố trí ổn định', alias: 'Đã di dời', get: (r, f) => f.bool(r.resettled) },
  ] as Column<HoRecord>[],
  nhan_khau: [
    { key: 'ma_ho', vi: 'Mã hộ', get: (r) => r.maHo },
    { key: 'stt', vi: 'STT', alias: 'Số thứ tự', get: (r, f) => f.int(r.stt) },
    { key: 'ho_ten', vi: 'Họ và tên', alias: 'Họ tên', get: (r) => r.name },
    { key: 'so_dinh_danh', vi: 'Số định danh', alias: 'Số CCCD', get: (r) => r.cccd },
    { key: 'gioi_tinh', vi: 'Giới tính', get: (r, f) => f.sex(r.sex) },
    ...birthColumns<NhanKhauRecord>(),
    { key: 'dan_toc', vi: 'Dân tộc', alias: 'Mã dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    { key: 'quan_he_chu_ho', vi: 'Quan hệ với chủ hộ', alias: 'Quan hệ', get: (r) => r.relation },
    { key: 'biet_doc_viet', vi: 'Biết đọc biết viết', alias: 'Biết chữ', get: (r, f) => f.bool(r.literate) },
    { key: 'dao_tao_nghe', vi: 'Đã qua đào tạo', alias: 'Đào tạo nghề', get: (r, f) => f.bool(r.trained) },
  ] as Column<NhanKhauRecord>[],
  hoc_sinh: [
    { key: 'ma_hoc_sinh', vi: 'Mã học sinh', alias: 'Mã định danh học sinh', get: (r) => r.id },
    { key: 'ho_ten', vi: 'Họ và tên', get: (r) => r.name },
    ...birthColumns<HocSinhRecord>(),
    { key: 'gioi_tinh', vi: 'Giới tính', get: (r, f) => f.sex(r.sex) },
    { key: 'dan_toc', vi: 'Dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    ...communeColumns<HocSinhRecord>(['Mã xã thường trú', 'Xã thường trú'], ['Mã xã thường trú', 'Xã thường trú']),
    { key: 'ma_truong', vi: 'Mã trường', get: (r) => r.maTruong },
    { key: 'cap_hoc', vi: 'Cấp học', get: (r, f) => (f.style.headers === 'snake' ? r.level : LEVEL_NAME[r.level]) },
    { key: 'lop', vi: 'Lớp', alias: 'Khối', get: (r) => r.grade },
    { key: 'noi_tru', vi: 'Nội trú/Bán trú', alias: 'Hình thức', get: (r) => r.boarding },
  ] as Column<HocSinhRecord>[],
  truong: [
    { key: 'ma_truong', vi: 'Mã trường', get: (r) => r.maTruong },
    { key: 'ten_truong', vi: 'Tên trường', get: (r) => r.tenTruong },
    ...communeColumns<TruongRecord>(['Mã xã', 'Xã'], ['Mã xã', 'Xã']),
    { key: 'loai_truong', vi: 'Loại trường', alias: 'Loại hình', get: (r) => r.type },
    { key: 'dat_chuan_quoc_gia', vi: 'Đạt chuẩn quốc gia', alias: 'Chuẩn QG', get: (r, f) => f.bool(r.standard) },
    { key: 'so_phong_hoc', vi: 'Số phòng học', get: (r, f) => f.int(r.rooms) },
    { key: 'so_phong_kien_co', vi: 'Số phòng kiên cố', alias: 'Phòng học kiên cố', get: (r, f) => f.int(r.solidRooms) },
    { key: 'co_hoc_sinh_ban_tru', vi: 'Có học sinh bán trú', get: (r, f) => f.bool(r.semiBoarding) },
  ] as Column<TruongRecord>[],
  the_bhyt: [
    { key: 'ma_the', vi: 'Mã thẻ', alias: 'Số thẻ BHYT', get: (r) => r.maThe },
    { key: 'ho_ten', vi: 'Họ và tên', get: (r) => r.name },
    { key: 'so_dinh_danh', vi: 'Số định danh', alias: 'CCCD', get: (r) => r.cccd },
    ...birthColumns<TheBhytRecord>(),
    { key: 'gioi_tinh', vi: 'Giới tính', get: (r, f) => f.sex(r.sex) },
    { key: 'dan_toc', vi: 'Dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    ...communeColumns<TheBhytRecord>(['Mã xã', 'Xã'], ['Mã xã', 'Xã']),
    { key: 'gia_tri_tu', vi: 'Giá trị từ', alias: 'Hạn từ', get: (r, f) => f.date(r.from) },
    { key: 'gia_tri_den', vi: 'Giá trị đến', alias: 'Hạn đến', get: (r, f) => f.date(r.to) },
  ] as Column<TheBhytRecord>[],
  ho_ngheo: [
    { key: 'ma_ho', vi: 'Mã hộ', get: (r) => r.maHo },
    { key: 'ho_ten_chu_ho', vi: 'Họ tên chủ hộ', get: (r) => r.headName },
    ...communeColumns<HoNgheoRecord>(['Mã xã', 'Xã'], ['Mã xã', 'Xã']),
    { key: 'thon', vi: 'Thôn', alias: 'Bản', get: (r) => r.thon },
    { key: 'dan_toc_chu_ho', vi: 'Dân tộc chủ hộ', alias: 'Dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    { key: 'so_nhan_khau', vi: 'Số nhân khẩu', get: (r, f) => f.int(r.size) },
    {
      key: 'phan_loai', vi: 'Phân loại', alias: 'Kết quả rà soát',
      get: (r, f) => (f.style.headers === 'vi' || f.style.headers === 'messy' ? (r.poverty === 'poor' ? 'Hộ nghèo' : 'Hộ cận nghèo') : r.poverty === 'poor' ? 'Nghèo' : 'Cận nghèo'),
    },
    { key: 'so_chi_so_thieu_hut', vi: 'Số chỉ số thiếu hụt', get: (r, f) => f.int(r.deprivations) },
  ] as Column<HoNgheoRecord>[],
  ...OTHER_TABLES,
} satisfies Record<TableName, Column<never>[]>;

export type RecordOf<T extends TableName> = (typeof TABLES)[T] extends Column<infer R>[] ? R : never;

/** The columns a file of this style carries: commune by code or name, birth date or year. */
export function columnsFor<T extends TableName>(table: T, style: FileStyle, year: number): Column<RecordOf<T>>[] {
  const all = TABLES[table] as unknown as Column<RecordOf<T>>[];
  const birthYears = TABLES[table].some((c) => c.key.startsWith('nam_sinh'));
  return all.filter((c) => {
    if (c.when && !c.when(year)) return false;
    if (c.key === 'ma_xa') return style.commune !== 'name';
    if (c.key === 'ten_xa') return style.commune === 'name' || style.commune === 'both';
    // ngay_sinh / ngay_sinh_me …: a full date, unless the table also has nam_sinh… and the file writes years.
    if (c.key.startsWith('ngay_sinh')) return style.dates !== 'year' || !birthYears;
    if (c.key.startsWith('nam_sinh')) return style.dates === 'year';
    return true;
  });
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** The header text of a column in a style: `ma_xa`, `Mã xã`, `MÃ XÃ`, `Ma xa`, `Mã ĐVHC`, `Mã  xã `. */
export function headerText(c: Column<never>, headers: FileStyle['headers'], aliasSet = 0): string {
  switch (headers) {
    case 'snake': return c.key;
    case 'vi': return c.vi;
    case 'upper': return c.vi.toLocaleUpperCase('vi');
    case 'ascii': return stripMarks(c.vi);
    case 'alias': return (typeof c.alias === 'string' ? c.alias : c.alias?.[aliasSet % c.alias.length]) ?? c.vi;
    case 'messy': return `${c.vi.replace(' ', '  ')} `;
  }
}
