// Activities: the party organisations' plans for Directive 28 and the year's activities (good
// examples publicised, dialogues, inspections, surveys), from the Mass Mobilisation Commission, the
// Ethnic Affairs office and the communes (SOURCES.md §7, activities).
import { communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

// Optional: required where the level is Xã or the activity is a good example (rowChecks).
const commune = communeColumns({ what: 'Commune of the activity' });
const NEU_GUONG = 'Nêu gương';

export const activities = defineConnector({
  id: 'activities',
  title: 'Kế hoạch của tổ chức Đảng và hoạt động thực hiện Chỉ thị 28',
  owner: 'Ban Dân vận, Phòng Dân tộc, UBND các xã',
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'to_chuc_dang',
      description: 'One row per party organisation directly under the district party committee (no file from 2025 on)',
      vi: { title: 'Kế hoạch thực hiện Chỉ thị 28 của các tổ chức Đảng', row: 'Mỗi dòng là một tổ chức Đảng trực thuộc Huyện ủy' },
      key: ['ten_to_chuc_khoa'],
      columns: {
        ten_to_chuc: { aliases: ['Tên tổ chức Đảng', 'Tổ chức Đảng'], type: v.placeName(), required: true, description: 'Party organisation', example: 'Đảng ủy xã Bảo Hà' },
        co_ke_hoach: { aliases: ['Có kế hoạch thực hiện Chỉ thị', 'Có kế hoạch'], type: v.boolean(), required: true, description: 'Has issued a plan implementing the Directive' },
        ngay_ban_hanh: { aliases: ['Ngày ban hành kế hoạch'], type: v.date({ notAfterReference: true }), description: 'Date the plan was issued' },
      },
      // Names compare after folding: case, tone placement and spacing.
      derived: { ten_to_chuc_khoa: { sql: 'lower(ten_to_chuc)', sqlType: 'VARCHAR' } },
    },
    {
      name: 'hoat_dong',
      description: 'One row per activity held in the year',
      vi: { title: 'Hoạt động thực hiện Chỉ thị 28', row: 'Mỗi dòng là một hoạt động tổ chức trong năm' },
      key: ['so_thu_tu'],
      columns: {
        so_thu_tu: { aliases: ['STT', 'Số thứ tự'], type: v.text(), required: true, description: 'Number of the activity, unique within the year', example: '1' },
        ngay: { aliases: ['Ngày', 'Thời gian'], type: v.eventDate(), required: true, description: 'Date held (in YEAR)' },
        loai: {
          aliases: ['Loại hoạt động', 'Loại'],
          type: v.oneOf({
            [NEU_GUONG]: [],
            'Đối thoại người có uy tín': ['Gặp mặt người có uy tín'],
            'Kiểm tra, giám sát': ['Kiểm tra', 'Giám sát'],
            'Điều tra DTTS': ['Điều tra dân tộc thiểu số'],
          }),
          required: true,
          description: 'Kind: good persons, deeds and model households publicised; dialogue with prestigious persons; inspection; survey',
        },
        cap: { aliases: ['Cấp'], type: v.governmentLevel(), required: true, description: 'Level: Huyện (district, until 30 Jun 2025) or Xã (commune)' },
        ...commune.columns,
        so_luong: {
          aliases: ['Số lượng', 'Số người/hộ được nêu gương'],
          type: v.integer({ min: 1 }),
          description: 'Persons, deeds or households publicised; blank or unreadable counts as 1',
        },
        noi_dung: { aliases: ['Nội dung'], type: v.personal('drop'), description: 'Free text that names people (personal: not loaded)' },
      },
      rowChecks: [
        {
          when: `cap = 'Huyện' AND ngay > DATE '${v.districtLevelLastDay}'`,
          column: 'cap',
          finding: finding('district_activity_after_abolition', { lastDay: v.districtLevelLastDay }),
        },
        {
          when: `(cap = 'Xã' OR loai = '${NEU_GUONG}') AND ma_xa IS NULL AND ten_xa IS NULL`,
          column: 'ma_xa',
          finding: finding('commune_needed_for_activity'),
        },
      ],
      derived: commune.derived,
      omit: commune.omit,
    },
  ],
});

export default activities;
