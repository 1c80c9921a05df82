import type { Doc, FooterKind, Source } from './doc.ts';
import type { FileStyle } from './format/style.ts';
import { columnsFor, headerText, type RecordOf, type TableName } from './format/tables.ts';
import { Formatter } from './format/values.ts';

const TITLES: Record<TableName, string> = {
  ho: 'HỘ GIA ĐÌNH', nhan_khau: 'NHÂN KHẨU', hoc_sinh: 'HỌC SINH', truong: 'TRƯỜNG HỌC',
  the_bhyt: 'NGƯỜI THAM GIA BẢO HIỂM Y TẾ', ho_ngheo: 'HỘ NGHÈO, HỘ CẬN NGHÈO',
  sinh_de: 'SẢN PHỤ ĐẺ', can_tre: 'TRẺ EM DƯỚI 5 TUỔI ĐƯỢC CÂN', hon_nhan: 'CÁC CẶP KẾT HÔN, CHUNG SỐNG NHƯ VỢ CHỒNG',
  can_bo: 'CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', thon: 'THÔN, BẢN, TỔ DÂN PHỐ', xa: 'XÃ, THỊ TRẤN',
  to_chuc_dang: 'TỔ CHỨC ĐẢNG CÓ KẾ HOẠCH THỰC HIỆN CHỈ THỊ 28', hoat_dong: 'HOẠT ĐỘNG THỰC HIỆN CHỈ THỊ 28',
};

/** Day the report was signed, per source: a few days after its reference date. */
const SIGNED: Record<Source, (year: number) => string> = {
  census: (y) => `ngày 05 tháng 10 năm ${y}`,
  school: (y) => `ngày 15 tháng 09 năm ${y}`,
  'health-insurance': (y) => `ngày 05 tháng 01 năm ${y + 1}`,
  poverty: (y) => `ngày 20 tháng 11 năm ${y}`,
  health: (y) => `ngày 05 tháng 01 năm ${y + 1}`,
  'civil-registration': (y) => `ngày 05 tháng 01 năm ${y + 1}`,
  staff: (y) => `ngày 05 tháng 01 năm ${y + 1}`,
  villages: (y) => `ngày 10 tháng 01 năm ${y + 1}`,
  activities: (y) => `ngày 10 tháng 01 năm ${y + 1}`,
};

export interface DocSpec<T extends TableName> {
  path: string;
  source: Source;
  table: T;
  year: number;
  style: FileStyle;
  records: RecordOf<T>[];
  /** Upper-case commune name for the title of a per-commune file. */
  communeTitle?: string;
}

export function buildDoc<T extends TableName>(spec: DocSpec<T>): Doc {
  const { style, year } = spec;
  const f = new Formatter(style, year >= 2025 ? '2025' : '2020');
  const columns = columnsFor(spec.table, style, year);
  const rows = spec.records.map((r, i) => ({ cells: Object.fromEntries(columns.map((c) => [c.key, c.get(r, f, i)])) }));
  const place = year >= 2025 ? (spec.communeTitle ? `UBND ${spec.communeTitle.toLocaleUpperCase('vi')}` : 'UBND TỈNH LÀO CAI') : 'UBND HUYỆN BẢO YÊN';
  const title = style.title
    ? [place, `DANH SÁCH ${TITLES[spec.table]} NĂM ${year}${spec.communeTitle ? ` - ${spec.communeTitle.toLocaleUpperCase('vi')}` : ''}`]
    : [];
  const town = year >= 2025 && spec.communeTitle ? spec.communeTitle.replace(/^(Xã|Thị trấn) /, '') : 'Bảo Yên';
  // A file of x marks whose required boolean reads blank as false has only signature and date
  // lines below the data: a note line would have two values and be read as a row (SOURCES.md §7).
  const footer: { kind: FooterKind; text: string }[] = style.footer === 'signatures'
    ? [
      { kind: 'blank', text: '' },
      { kind: 'note', text: `${town}, ${SIGNED[spec.source](year)}` },
      { kind: 'signature', text: 'Người lập biểu' },
      { kind: 'signature', text: '(Ký, ghi rõ họ tên)' },
    ]
    : style.footer
    ? [
      { kind: 'blank', text: '' },
      { kind: 'note', text: `Ghi chú: tổng số ${spec.records.length} dòng` },
      { kind: 'note', text: `${town}, ${SIGNED[spec.source](year)}` },
      { kind: 'signature', text: 'Người lập biểu' },
      { kind: 'signature', text: 'Thủ trưởng đơn vị' },
      { kind: 'blank', text: '' },
    ]
    : [];
  return {
    path: spec.path, source: spec.source, table: spec.table, year, style,
    columns: columns.map((c) => c.key), headers: columns.map((c) => headerText(c as never, style.headers, style.aliasSet)),
    title, rows, footer,
  };
}
