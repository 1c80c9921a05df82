// School: student records and the school list of the school year starting in September (SOURCES.md §6, school).
import { defineConnector, v } from '@dtts/ingest-core';

const birth = {
  ngay_sinh: { aliases: ['Ngày sinh'], type: v.birthDate(), description: 'Birth date (or a year alone)' },
  nam_sinh: { aliases: ['Năm sinh'], type: v.birthYear(), description: 'Birth year' },
};
const birthDerived = {
  ngay_sinh: { sql: 'try_cast(ngay_sinh AS DATE)', sqlType: 'DATE' },
  nam_sinh: { sql: 'coalesce(nam_sinh, try_cast(left(ngay_sinh, 4) AS INTEGER))', sqlType: 'INTEGER' },
};
const communeDerived = { commune_code: { sql: 'coalesce(ma_xa, ten_xa)', sqlType: 'VARCHAR' } };

export const school = defineConnector({
  id: 'school',
  title: 'Hồ sơ học sinh và danh sách trường',
  owner: 'Phòng Giáo dục và Đào tạo',
  referenceDate: (year) => `${year}-09-05`,
  tables: [
    {
      name: 'truong',
      description: 'One row per school',
      key: ['ma_truong'],
      requireOneOf: [['ma_xa', 'ten_xa']],
      columns: {
        ma_truong: { aliases: ['Mã trường'], type: v.text(), required: true, description: 'School id' },
        ten_truong: { aliases: ['Tên trường'], type: v.text(), required: true, description: 'School name' },
        ma_xa: { aliases: ['Mã xã'], type: v.communeCode(), description: 'Commune where the school stands (code)' },
        ten_xa: { aliases: ['Xã', 'Tên xã'], type: v.communeName(), description: 'Commune where the school stands (name)' },
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
        { when: 'so_phong_kien_co > so_phong_hoc', column: 'so_phong_kien_co', reason: 'more solid classrooms than classrooms' },
      ],
      derived: communeDerived,
      omit: ['ma_xa', 'ten_xa'],
    },
    {
      name: 'hoc_sinh',
      description: 'One row per enrolled child or student',
      key: ['ma_hoc_sinh'],
      requireOneOf: [['ngay_sinh', 'nam_sinh'], ['ma_xa', 'ten_xa']],
      references: [{ column: 'ma_truong', table: 'truong' }],
      columns: {
        ma_hoc_sinh: { aliases: ['Mã học sinh', 'Mã định danh học sinh'], type: v.personal('hash'), required: true, description: 'Student id (personal: keyed hash)' },
        ho_ten: { aliases: ['Họ và tên', 'Họ tên'], type: v.personal('drop'), description: 'Name (personal: not loaded)' },
        ...birth,
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        ma_xa: { aliases: ['Mã xã thường trú', 'Mã xã'], type: v.communeCode(), description: 'Commune of permanent residence (code)' },
        ten_xa: { aliases: ['Xã thường trú', 'Xã', 'Tên xã'], type: v.communeName(), description: 'Commune of permanent residence (name)' },
        ma_truong: { aliases: ['Mã trường'], type: v.text(), required: true, description: 'School (must exist in truong)' },
        cap_hoc: {
          aliases: ['Cấp học'],
          type: v.oneOf({ MN: ['Mầm non'], TH: ['Tiểu học'], THCS: ['Trung học cơ sở'], THPT: ['Trung học phổ thông'] }),
          required: true,
          description: 'Level',
        },
        lop: { aliases: ['Lớp', 'Khối'], type: v.text(), description: 'Class or grade' },
        noi_tru: { aliases: ['Nội trú/Bán trú', 'Hình thức'], type: v.oneOf({ 'Nội trú': ['NT'], 'Bán trú': ['BT'] }), description: 'Boarding or semi-boarding' },
      },
      derived: { ...birthDerived, ...communeDerived },
      omit: ['ma_xa', 'ten_xa'],
    },
  ],
});

export default school;
