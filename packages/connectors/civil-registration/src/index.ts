// Civil registration: couples recorded in the year by the commune justice officers, marriages registered
// and unions found without registration (SOURCES.md §7, civil-registration).
import { birthColumnsOf, communeColumns, defineConnector, minAgeAtEvent, v } from '@dtts/ingest-core';

const commune = communeColumns();
const husband = birthColumnsOf('chong', { date: ['Ngày sinh chồng'], year: ['Năm sinh chồng'] }, 'husband');
const wife = birthColumnsOf('vo', { date: ['Ngày sinh vợ'], year: ['Năm sinh vợ'] }, 'wife');

export const civilRegistration = defineConnector({
  id: 'civil-registration',
  title: 'Sổ hộ tịch: kết hôn và chung sống như vợ chồng',
  owner: 'Phòng Tư pháp / công chức Tư pháp – hộ tịch xã',
  // Every §7 table describes 31 Dec: 2025 files use the six new communes.
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'hon_nhan',
      description: 'One row per couple recorded in the year (a registered marriage or an unregistered union)',
      vi: {
        title: 'Danh sách kết hôn và chung sống như vợ chồng',
        row: 'Mỗi dòng là một cặp vợ chồng ghi nhận trong năm: đăng ký kết hôn, hoặc chung sống như vợ chồng không đăng ký',
      },
      key: ['so_thu_tu'],
      requireOneOf: [commune.oneOf, husband.oneOf, wife.oneOf],
      columns: {
        so_thu_tu: { aliases: ['Số thứ tự', 'Số TT', 'Mã cặp'], type: v.text(), required: true, description: 'Couple number, unique within the year', example: '1' },
        ...commune.columns,
        ngay: { aliases: ['Ngày đăng ký', 'Ngày ghi nhận', 'Ngày'], type: v.eventDate(), required: true, description: 'Date registered or recorded (in YEAR)' },
        ho_ten_chong: { aliases: ['Họ tên chồng'], type: v.personal('drop'), description: "Husband's name (personal: not loaded)" },
        ho_ten_vo: { aliases: ['Họ tên vợ'], type: v.personal('drop'), description: "Wife's name (personal: not loaded)" },
        ...husband.columns,
        ...wife.columns,
        dan_toc_chong: { aliases: ['Dân tộc chồng'], type: v.ethnicGroup(), required: true, description: "Husband's ethnic group" },
        dan_toc_vo: { aliases: ['Dân tộc vợ'], type: v.ethnicGroup(), required: true, description: "Wife's ethnic group (the couple's)" },
        da_dang_ky: { aliases: ['Đã đăng ký kết hôn', 'Đăng ký'], type: v.boolean(), description: 'Marriage registered' },
        can_huyet: {
          aliases: ['Cận huyết thống', 'Kết hôn cận huyết'],
          type: v.boolean(),
          description: 'Consanguineous: within three generations (Luật Hôn nhân và gia đình 2014, Điều 3.17)',
        },
      },
      rowChecks: [...minAgeAtEvent(husband.birthYear, 'ngay', 10, 'husband'), ...minAgeAtEvent(wife.birthYear, 'ngay', 10, 'wife')],
      derived: { ...commune.derived, ...husband.derived, ...wife.derived },
      omit: commune.omit,
      // A couple's ethnic group is the wife's (INDICATORS.md).
      grain: { ethnic_group: 'dan_toc_vo' },
    },
  ],
});

export default civilRegistration;
