// Health: the district health centre's births register and the June child weighing (SOURCES.md §7, health).
import { birthColumnsOf, communeColumns, defineConnector, finding, minAgeAtEvent, v } from '@dtts/ingest-core';
import { ageDaysSql, implausibleWeight, weightForAgeZSql, whoWeightForAge } from './weight-for-age.ts';

const motherCommune = communeColumns({ what: "Mother's commune of residence" });
const commune = communeColumns();
const mother = birthColumnsOf('me', { date: ['Ngày sinh mẹ'], year: ['Năm sinh mẹ', 'Năm sinh sản phụ'] }, 'mother');

export const health = defineConnector({
  id: 'health',
  title: 'Sổ đăng ký sinh và theo dõi cân nặng trẻ em',
  owner: 'Trung tâm Y tế huyện',
  // Every §7 table describes 31 Dec: 2025 files use the six new communes.
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'sinh_de',
      description: 'One row per delivery registered in the year',
      vi: { title: 'Sổ đăng ký sinh', row: 'Mỗi dòng là một lần sinh (một sản phụ đẻ) đăng ký trong năm' },
      key: ['so_phieu'],
      requireOneOf: [mother.oneOf, motherCommune.oneOf],
      columns: {
        so_phieu: { aliases: ['Số phiếu', 'Số sổ', 'Mã phiếu'], type: v.text(), required: true, description: 'Register number, unique within the year', example: 'SP001' },
        ho_ten_me: { aliases: ['Họ tên mẹ', 'Họ tên sản phụ'], type: v.personal('drop'), description: "Mother's name (personal: not loaded)" },
        so_dinh_danh_me: {
          aliases: ['Số định danh mẹ', 'CCCD mẹ'],
          type: v.personal('hash', { pattern: '[0-9]{12}', finding: finding('citizen_id_format') }),
          description: "Mother's citizen id (personal: keyed hash)",
        },
        ...mother.columns,
        dan_toc_me: { aliases: ['Dân tộc mẹ', 'Dân tộc'], type: v.ethnicGroup(), required: true, description: "Mother's ethnic group" },
        ...motherCommune.columns,
        ngay_de: { aliases: ['Ngày đẻ', 'Ngày sinh con'], type: v.eventDate(), required: true, description: 'Delivery date (day needed, in YEAR)' },
        lan_sinh: { aliases: ['Lần sinh', 'Con thứ'], type: v.integer({ min: 1 }), required: true, description: "Birth order; 1 = the mother's first birth", example: '1' },
        so_lan_kham_thai: { aliases: ['Số lần khám thai'], type: v.integer({ min: 0, max: 20 }), description: 'Antenatal visits (blank = unknown)' },
        noi_de: {
          aliases: ['Nơi đẻ'],
          type: v.oneOf({
            facility: ['Cơ sở y tế', 'CSYT', 'Bệnh viện', 'Trạm y tế'],
            home_with_staff: ['Tại nhà có cán bộ y tế', 'Tại nhà có CBYT'],
            home_without_staff: ['Tại nhà không có cán bộ y tế', 'Tại nhà'],
            other: ['Khác', 'Trên đường'],
          }),
          required: true,
          description: 'Place of delivery: facility, home with health staff, home without, other',
        },
      },
      rowChecks: minAgeAtEvent(mother.birthYear, 'ngay_de', 10, 'mother'),
      derived: { ...mother.derived, ...motherCommune.derived },
      omit: motherCommune.omit,
    },
    {
      name: 'can_tre',
      description: 'One row per child under five weighed at the June nutrition surveillance',
      vi: { title: 'Kết quả cân trẻ em dưới 5 tuổi', row: 'Mỗi dòng là một trẻ dưới 5 tuổi được cân trong đợt giám sát dinh dưỡng tháng 6' },
      key: ['ma_tre'],
      requireOneOf: [commune.oneOf],
      columns: {
        ma_tre: { aliases: ['Mã trẻ', 'Mã định danh trẻ'], type: v.personal('hash'), required: true, description: 'Child id, unique within the year (personal: keyed hash)' },
        ho_ten: { aliases: ['Họ tên trẻ', 'Họ và tên'], type: v.personal('drop'), description: "Child's name (personal: not loaded)" },
        ngay_sinh: { aliases: ['Ngày sinh'], type: v.fullBirthDate(), required: true, description: 'Birth date (day and month needed)' },
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        ...commune.columns,
        ngay_can: { aliases: ['Ngày cân'], type: v.eventDate(), required: true, description: 'Weighing date (day needed, in YEAR)' },
        can_nang: { aliases: ['Cân nặng (kg)', 'Cân nặng'], type: v.kilograms(), required: true, description: 'Weight in kg (blanked when WHO flags it implausible)' },
      },
      rowChecks: [
        { when: 'ngay_can < ngay_sinh', column: 'ngay_can', finding: finding('weighed_before_birth') },
      ],
      valueChecks: [implausibleWeight],
      lookups: { who_wfa: whoWeightForAge },
      derived: {
        ...commune.derived,
        age_days: { sql: ageDaysSql, sqlType: 'INTEGER' },
        weight_for_age_z: { sql: weightForAgeZSql, sqlType: 'DOUBLE' },
      },
      omit: commune.omit,
    },
  ],
});

export default health;
