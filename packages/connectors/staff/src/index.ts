// Staff: the register of cadres, civil servants and public employees on the payroll at 31 Dec YEAR,
// delivered by the district's Home Affairs office (SOURCES.md §7, staff).
import { birthColumns, communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

const birth = birthColumns();
// Optional here: a district-level row has no commune, a commune-level row must have one (rowChecks).
const commune = communeColumns({ what: 'Commune of a commune-level post' });

export const staff = defineConnector({
  id: 'staff',
  title: 'Danh sách cán bộ, công chức, viên chức',
  owner: 'Phòng Nội vụ',
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'can_bo',
      description: 'One row per person on the payroll at 31 Dec YEAR',
      vi: { title: 'Danh sách cán bộ, công chức, viên chức', row: 'Mỗi dòng là một cán bộ, công chức hoặc viên chức có tên trong danh sách trả lương tại ngày 31/12' },
      key: ['ma_can_bo'],
      requireOneOf: [birth.oneOf],
      columns: {
        ma_can_bo: { aliases: ['Mã cán bộ', 'Số hiệu cán bộ'], type: v.personal('hash'), required: true, description: 'Staff id (personal: keyed hash)' },
        ho_ten: { aliases: ['Họ và tên', 'Họ tên'], type: v.personal('drop'), description: 'Name (personal: not loaded)' },
        so_dinh_danh: {
          aliases: ['Số định danh', 'CCCD', 'Số CCCD'],
          type: v.personal('drop', { pattern: '[0-9]{12}', finding: finding('citizen_id_format') }),
          description: 'Citizen id (personal: not loaded)',
        },
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        ...birth.columns,
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        cap: {
          aliases: ['Cấp', 'Cấp quản lý'],
          type: v.governmentLevel({ districtAbolished: 'by reference date' }),
          required: true,
          description: 'Level: Huyện (district, none after 30 Jun 2025) or Xã (commune)',
        },
        ...commune.columns,
        loai: {
          aliases: ['Loại', 'Phân loại'],
          type: v.oneOf({ 'Cán bộ': ['CB'], 'Công chức': ['CC'], 'Viên chức': ['VC'] }),
          required: true,
          description: 'Cadre, civil servant or public employee',
        },
        giao_vien: { aliases: ['Giáo viên'], type: v.boolean(), description: 'A public employee who teaches' },
        trinh_do: {
          aliases: ['Trình độ chuyên môn', 'Trình độ'],
          type: v.oneOf({
            'Tiến sĩ': ['TS'], 'Thạc sĩ': ['ThS'], 'Đại học': ['ĐH'], 'Cao đẳng': ['CĐ'], 'Trung cấp': ['TC'],
            'Sơ cấp': ['SC'], 'Chưa qua đào tạo': ['Chưa đào tạo'],
          }),
          description: 'Highest professional qualification; blank = unknown',
        },
        chu_chot: { aliases: ['Cán bộ chủ chốt', 'Chủ chốt'], type: v.boolean(), description: 'Key commune cadre' },
        boi_duong_qlkt: { aliases: ['Bồi dưỡng quản lý kinh tế', 'Đã bồi dưỡng QLKT'], type: v.boolean(), description: 'Trained in economic management' },
      },
      rowChecks: [
        { when: `cap = 'Xã' AND ma_xa IS NULL AND ten_xa IS NULL`, column: 'ma_xa', finding: finding('commune_needed_for_xa_row') },
      ],
      derived: { ...birth.derived, ...commune.derived },
      omit: commune.omit,
    },
  ],
});

export default staff;
