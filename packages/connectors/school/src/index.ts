// School: student records and the school list of the school year starting in September (SOURCES.md §6, school).
import { birthColumns, communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

const birth = birthColumns();
const schoolCommune = communeColumns({ codeAliases: ['Mã xã'], nameAliases: ['Xã', 'Tên xã'], what: 'Commune where the school stands' });
const residence = communeColumns({
  codeAliases: ['Mã xã thường trú', 'Mã xã'],
  nameAliases: ['Xã thường trú', 'Xã', 'Tên xã'],
  what: 'Commune of permanent residence',
});

export const school = defineConnector({
  id: 'school',
  title: 'Hồ sơ học sinh và danh sách trường',
  shortTitle: 'Dữ liệu trường',
  owner: 'Phòng Giáo dục và Đào tạo',
  referenceDate: (year) => `${year}-09-05`,
  tables: [
    {
      name: 'truong',
      description: 'One row per school',
      vi: { title: 'Danh sách trường', row: 'Mỗi dòng là một trường (điểm trường chính)' },
      prefillRows: true,
      key: ['ma_truong'],
      requireOneOf: [schoolCommune.oneOf],
      columns: {
        ma_truong: { aliases: ['Mã trường'], type: v.text(), required: true, description: 'School id', example: 'T01' },
        ten_truong: { aliases: ['Tên trường'], type: v.text(), required: true, description: 'School name', example: 'Trường Tiểu học Bảo Hà' },
        ...schoolCommune.columns,
        loai_truong: {
          aliases: ['Loại trường', 'Loại hình'],
          type: v.oneOf({
            MN: ['Mầm non'], TH: ['Tiểu học'], THCS: ['Trung học cơ sở'], 'TH&THCS': ['TH và THCS', 'TH-THCS'],
            THPT: ['Trung học phổ thông'], 'THCS&THPT': ['THCS và THPT', 'THCS-THPT'],
            PTDTNT: ['PT DTNT', 'Phổ thông dân tộc nội trú'], PTDTBT: ['PT DTBT', 'Phổ thông dân tộc bán trú'],
          }),
          required: true,
          description: 'Kind of school; PTDTNT = ethnic boarding, PTDTBT = ethnic semi-boarding',
        },
        dat_chuan_quoc_gia: { aliases: ['Đạt chuẩn quốc gia', 'Chuẩn QG'], type: v.boolean(), description: 'Meets the national standard' },
        so_phong_hoc: { aliases: ['Số phòng học'], type: v.integer({ min: 0 }), description: 'Classrooms' },
        so_phong_kien_co: { aliases: ['Số phòng kiên cố', 'Phòng học kiên cố'], type: v.integer({ min: 0 }), description: 'Solid classrooms' },
        co_hoc_sinh_ban_tru: { aliases: ['Có học sinh bán trú'], type: v.boolean(), description: 'Has semi-boarding pupils' },
      },
      rowChecks: [
        { when: 'so_phong_kien_co > so_phong_hoc', column: 'so_phong_kien_co', finding: finding('more_solid_than_classrooms') },
      ],
      derived: schoolCommune.derived,
      omit: schoolCommune.omit,
    },
    {
      name: 'hoc_sinh',
      description: 'One row per enrolled child or student',
      vi: { title: 'Danh sách học sinh', row: 'Mỗi dòng là một trẻ hoặc học sinh đang theo học' },
      key: ['ma_hoc_sinh'],
      requireOneOf: [birth.oneOf, residence.oneOf],
      references: [{ column: 'ma_truong', table: 'truong' }],
      columns: {
        ma_hoc_sinh: { aliases: ['Mã học sinh', 'Mã định danh học sinh'], type: v.personal('hash'), required: true, description: 'Student id (personal: keyed hash)' },
        ho_ten: { aliases: ['Họ và tên', 'Họ tên'], type: v.personal('drop'), description: 'Name (personal: not loaded)' },
        ...birth.columns,
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        ...residence.columns,
        ma_truong: { aliases: ['Mã trường'], type: v.text(), required: true, description: 'School (must exist in truong)', example: 'T01' },
        cap_hoc: {
          aliases: ['Cấp học'],
          type: v.oneOf({ MN: ['Mầm non'], TH: ['Tiểu học'], THCS: ['Trung học cơ sở'], THPT: ['Trung học phổ thông'] }),
          required: true,
          description: 'Level',
        },
        lop: { aliases: ['Lớp', 'Khối'], type: v.text(), description: 'Class or grade', example: '4A' },
        noi_tru: { aliases: ['Nội trú/Bán trú', 'Hình thức'], type: v.oneOf({ 'Nội trú': ['NT'], 'Bán trú': ['BT'] }), description: 'Boarding or semi-boarding' },
      },
      derived: { ...birth.derived, ...residence.derived },
      omit: residence.omit,
    },
  ],
});

export default school;
