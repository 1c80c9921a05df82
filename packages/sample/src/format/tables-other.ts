import type { CanBoRecord, CanTreRecord, HoatDongRecord, HonNhanRecord, PlaceOfDelivery, SinhDeRecord, ThonRecord, ToChucDangRecord, XaRecord, Ymd } from '../model/records.ts';
import type { Column } from './tables.ts';
import type { Cell, Formatter } from './values.ts';

/**
 * Columns of the five other sources (SOURCES.md §7). `key` is the canonical column name, `vi`
 * and `alias` two header texts the connector accepts; `choice` values list the canonical
 * spelling first, then the abbreviations a file with `abbreviations` rotates through.
 */
const NOI_DE: Record<PlaceOfDelivery, readonly string[]> = {
  facility: ['Cơ sở y tế', 'CSYT', 'Bệnh viện', 'Trạm y tế'],
  home_with_staff: ['Tại nhà có cán bộ y tế', 'Tại nhà có CBYT'],
  home_without_staff: ['Tại nhà không có cán bộ y tế', 'Tại nhà'],
  other: ['Khác', 'Trên đường'],
};
const LOAI: Record<string, readonly string[]> = { 'Cán bộ': ['Cán bộ', 'CB'], 'Công chức': ['Công chức', 'CC'], 'Viên chức': ['Viên chức', 'VC'] };
const CAP: Record<string, readonly string[]> = { Huyện: ['Huyện'], Xã: ['Xã', 'Xã/thị trấn'] };
const TRINH_DO: Record<string, readonly string[]> = {
  'Tiến sĩ': ['Tiến sĩ', 'TS'], 'Thạc sĩ': ['Thạc sĩ', 'ThS'], 'Đại học': ['Đại học', 'ĐH'], 'Cao đẳng': ['Cao đẳng', 'CĐ'],
  'Trung cấp': ['Trung cấp', 'TC'], 'Sơ cấp': ['Sơ cấp'], 'Chưa qua đào tạo': ['Chưa qua đào tạo'],
};
const MAT_DUONG: Record<string, readonly string[]> = { Nhựa: ['Nhựa', 'Rải nhựa', 'Asphalt'], 'Bê tông': ['Bê tông', 'BTXM', 'Bê tông xi măng'], 'Cấp phối': ['Cấp phối'], Đất: ['Đất'] };
const LOAI_HOAT_DONG: Record<string, readonly string[]> = {
  'Nêu gương': ['Nêu gương'], 'Đối thoại người có uy tín': ['Đối thoại người có uy tín', 'Gặp mặt người có uy tín'],
  'Kiểm tra, giám sát': ['Kiểm tra, giám sát', 'Kiểm tra', 'Giám sát'], 'Điều tra DTTS': ['Điều tra DTTS', 'Điều tra dân tộc thiểu số'],
};

function commune<R extends { communeCode: string | null }>(): Column<R>[] {
  return [
    { key: 'ma_xa', vi: 'Mã xã', alias: 'Mã xã', get: (r, f) => (r.communeCode === null ? null : f.communeCode(r.communeCode)) },
    { key: 'ten_xa', vi: 'Xã', alias: 'Xã', get: (r, f, k) => (r.communeCode === null ? null : f.communeName(r.communeCode, k)) },
  ];
}

function birth<R>(who: string, vi: [string, string], alias: [string, string | readonly string[]], of: (r: R) => Ymd): Column<R>[] {
  const suffix = who ? `_${who}` : '';
  return [
    { key: `ngay_sinh${suffix}`, vi: vi[0], alias: alias[0], get: (r, f) => f.birth(of(r)) },
    { key: `nam_sinh${suffix}`, vi: vi[1], alias: alias[1], get: (r, f) => f.birth(of(r)) },
  ];
}

const choice = (table: Record<string, readonly string[]>, value: string, f: Formatter, k: number): Cell => f.choice(table[value]!, k);

export const OTHER_TABLES = {
  sinh_de: [
    { key: 'so_phieu', vi: 'Số phiếu', alias: ['Số sổ', 'Mã phiếu'], get: (r) => r.soPhieu },
    { key: 'ho_ten_me', vi: 'Họ tên mẹ', alias: ['Họ tên sản phụ', 'Họ tên mẹ'], get: (r) => r.motherName },
    { key: 'so_dinh_danh_me', vi: 'Số định danh mẹ', alias: ['CCCD mẹ', 'Số định danh mẹ'], get: (r) => r.motherCccd },
    ...birth<SinhDeRecord>('me', ['Ngày sinh mẹ', 'Năm sinh mẹ'], ['Ngày sinh mẹ', ['Năm sinh sản phụ', 'Năm sinh mẹ']], (r) => r.motherBirth),
    { key: 'dan_toc_me', vi: 'Dân tộc mẹ', alias: ['Dân tộc', 'Dân tộc mẹ'], get: (r, f, k) => f.ethnic(r.motherEthnic, k) },
    ...commune<SinhDeRecord>(),
    { key: 'ngay_de', vi: 'Ngày đẻ', alias: ['Ngày sinh con', 'Ngày đẻ'], get: (r, f) => f.date(r.delivered) },
    { key: 'lan_sinh', vi: 'Lần sinh', alias: ['Con thứ', 'Lần sinh'], get: (r, f) => f.int(r.birthOrder) },
    { key: 'so_lan_kham_thai', vi: 'Số lần khám thai', get: (r, f) => (r.visits === null ? null : f.int(r.visits)) },
    { key: 'noi_de', vi: 'Nơi đẻ', get: (r, f, k) => f.choice(NOI_DE[r.place], k) },
  ] as Column<SinhDeRecord>[],
  can_tre: [
    { key: 'ma_tre', vi: 'Mã trẻ', alias: 'Mã định danh trẻ', get: (r) => r.maTre },
    { key: 'ho_ten', vi: 'Họ tên trẻ', alias: 'Họ và tên', get: (r) => r.name },
    { key: 'ngay_sinh', vi: 'Ngày sinh', get: (r, f) => f.date(r.birth) },
    { key: 'gioi_tinh', vi: 'Giới tính', get: (r, f) => f.sex(r.sex) },
    { key: 'dan_toc', vi: 'Dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    ...commune<CanTreRecord>(),
    { key: 'ngay_can', vi: 'Ngày cân', get: (r, f) => f.date(r.weighed) },
    { key: 'can_nang', vi: 'Cân nặng (kg)', alias: 'Cân nặng', get: (r, f) => f.kg(r.kg) },
  ] as Column<CanTreRecord>[],
  hon_nhan: [
    { key: 'so_thu_tu', vi: 'Số thứ tự', alias: ['Mã cặp', 'Số TT'], get: (r) => r.soThuTu },
    ...commune<HonNhanRecord>(),
    { key: 'ngay', vi: 'Ngày đăng ký', alias: ['Ngày ghi nhận', 'Ngày'], get: (r, f) => f.date(r.date) },
    { key: 'ho_ten_chong', vi: 'Họ tên chồng', get: (r) => r.husbandName },
    ...birth<HonNhanRecord>('chong', ['Ngày sinh chồng', 'Năm sinh chồng'], ['Ngày sinh chồng', 'Năm sinh chồng'], (r) => r.husbandBirth),
    { key: 'dan_toc_chong', vi: 'Dân tộc chồng', get: (r, f, k) => f.ethnic(r.husbandEthnic, k) },
    { key: 'ho_ten_vo', vi: 'Họ tên vợ', get: (r) => r.wifeName },
    ...birth<HonNhanRecord>('vo', ['Ngày sinh vợ', 'Năm sinh vợ'], ['Ngày sinh vợ', 'Năm sinh vợ'], (r) => r.wifeBirth),
    { key: 'dan_toc_vo', vi: 'Dân tộc vợ', get: (r, f, k) => f.ethnic(r.wifeEthnic, k) },
    { key: 'da_dang_ky', vi: 'Đã đăng ký kết hôn', alias: 'Đăng ký', get: (r, f) => f.bool(r.registered) },
    { key: 'can_huyet', vi: 'Cận huyết thống', alias: 'Kết hôn cận huyết', get: (r, f) => f.bool(r.consanguineous) },
  ] as Column<HonNhanRecord>[],
  can_bo: [
    { key: 'ma_can_bo', vi: 'Mã cán bộ', alias: 'Số hiệu cán bộ', get: (r) => r.maCanBo },
    { key: 'ho_ten', vi: 'Họ và tên', get: (r) => r.name },
    { key: 'so_dinh_danh', vi: 'Số định danh', alias: 'CCCD', get: (r) => r.cccd },
    { key: 'gioi_tinh', vi: 'Giới tính', get: (r, f) => f.sex(r.sex) },
    ...birth<CanBoRecord>('', ['Ngày sinh', 'Năm sinh'], ['Ngày sinh', 'Năm sinh'], (r) => r.birth),
    { key: 'dan_toc', vi: 'Dân tộc', get: (r, f, k) => f.ethnic(r.ethnic, k) },
    { key: 'cap', vi: 'Cấp', alias: 'Cấp quản lý', get: (r, f, k) => choice(CAP, r.level, f, k) },
    ...commune<CanBoRecord>(),
    { key: 'loai', vi: 'Loại', alias: 'Phân loại', get: (r, f, k) => choice(LOAI, r.kind, f, k) },
    { key: 'giao_vien', vi: 'Giáo viên', get: (r, f) => f.bool(r.teacher) },
    { key: 'trinh_do', vi: 'Trình độ chuyên môn', alias: 'Trình độ', get: (r, f, k) => (r.qualification === null ? null : choice(TRINH_DO, r.qualification, f, k)) },
    { key: 'chu_chot', vi: 'Cán bộ chủ chốt', alias: 'Chủ chốt', get: (r, f) => f.bool(r.key) },
    { key: 'boi_duong_qlkt', vi: 'Bồi dưỡng quản lý kinh tế', alias: 'Đã bồi dưỡng QLKT', get: (r, f) => f.bool(r.economicTraining) },
  ] as Column<CanBoRecord>[],
  thon: [
    ...commune<ThonRecord>(),
    { key: 'ten_thon', vi: 'Tên thôn', alias: ['Thôn/bản', 'Bản', 'Thôn', 'Tổ dân phố'], get: (r, f, k) => f.village(r.name, k) },
    { key: 'xa_cu', vi: 'Xã cũ', alias: 'Thuộc xã cũ', when: (year) => year >= 2025, get: (r, f, k) => (r.formerCommune === null ? null : f.formerCommune(r.formerCommune, k)) },
    { key: 'mat_duong', vi: 'Mặt đường đến trung tâm thôn', alias: 'Mặt đường', get: (r, f, k) => choice(MAT_DUONG, r.road, f, k) },
    { key: 'doi_van_nghe', vi: 'Đội văn hóa, văn nghệ (CLB) truyền thống', alias: 'Có đội văn nghệ', get: (r, f) => f.bool(r.troupe) },
    { key: 'doi_hoat_dong_thuong_xuyen', vi: 'Hoạt động thường xuyên', get: (r, f) => (r.troupeActive === null ? null : f.bool(r.troupeActive)) },
    { key: 'thon_van_hoa', vi: 'Đạt tiêu chuẩn văn hóa', alias: 'Thôn văn hóa', get: (r, f) => f.bool(r.cultured) },
    { key: 'tiep_can_thong_tin', vi: 'Đọc báo, xem truyền hình, nghe phát thanh của tỉnh', alias: 'Tiếp cận thông tin', get: (r, f) => f.bool(r.media) },
  ] as Column<ThonRecord>[],
  xa: [
    ...commune<XaRecord>(),
    { key: 'doi_van_nghe_xa', vi: 'Đội văn nghệ xã', alias: 'Có đội văn nghệ', get: (r, f) => f.bool(r.troupe) },
    { key: 'tiep_can_thong_tin', vi: 'Đọc báo, xem truyền hình, nghe phát thanh của tỉnh', alias: 'Tiếp cận thông tin', get: (r, f) => f.bool(r.media) },
  ] as Column<XaRecord>[],
  to_chuc_dang: [
    { key: 'ten_to_chuc', vi: 'Tên tổ chức Đảng', alias: 'Tổ chức Đảng', get: (r, f) => f.placeName(r.name) },
    { key: 'co_ke_hoach', vi: 'Có kế hoạch thực hiện Chỉ thị', alias: 'Có kế hoạch', get: (r, f) => f.bool(r.plan) },
    { key: 'ngay_ban_hanh', vi: 'Ngày ban hành kế hoạch', get: (r, f) => (r.issued === null ? null : f.date(r.issued)) },
  ] as Column<ToChucDangRecord>[],
  hoat_dong: [
    { key: 'so_thu_tu', vi: 'STT', alias: 'Số thứ tự', get: (r) => r.soThuTu },
    { key: 'ngay', vi: 'Ngày', alias: 'Thời gian', get: (r, f) => f.date(r.date) },
    { key: 'loai', vi: 'Loại hoạt động', alias: 'Loại', get: (r, f, k) => choice(LOAI_HOAT_DONG, r.kind, f, k) },
    { key: 'cap', vi: 'Cấp', get: (r, f, k) => choice(CAP, r.level, f, k) },
    ...commune<HoatDongRecord>(),
    { key: 'so_luong', vi: 'Số lượng', alias: 'Số người/hộ được nêu gương', get: (r, f) => (r.count === null ? null : f.int(r.count)) },
    { key: 'noi_dung', vi: 'Nội dung', get: (r) => r.text },
  ] as Column<HoatDongRecord>[],
} satisfies Record<string, Column<never>[]>;
