// Villages: the year's survey of villages (roads, culture, information reach) and of communes,
// delivered by the district's culture and infrastructure offices (SOURCES.md §7, villages).
import { communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

const commune = communeColumns();
const tiepCanThongTin = {
  aliases: ['Đọc báo, xem truyền hình, nghe phát thanh của tỉnh', 'Tiếp cận thông tin'],
  type: v.boolean(),
  description: "Reads the province's news, watches its television or hears its radio on smart devices",
};

export const villages = defineConnector({
  id: 'villages',
  title: 'Khảo sát thôn, tổ dân phố và xã',
  owner: 'Phòng Văn hóa – Thông tin, Phòng Kinh tế – Hạ tầng',
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'thon',
      description: 'One row per village or residential group',
      vi: { title: 'Khảo sát thôn, bản, tổ dân phố', row: 'Mỗi dòng là một thôn, bản hoặc tổ dân phố' },
      // A name is unique within its commune after folding, or within (commune, former commune).
      key: ['commune_code', 'ten_thon_khoa', 'xa_cu'],
      requireOneOf: [commune.oneOf],
      columns: {
        ...commune.columns,
        ten_thon: {
          aliases: ['Tên thôn', 'Thôn/bản', 'Thôn', 'Bản', 'Tổ dân phố'],
          type: v.villageName(),
          required: true,
          description: 'Village name, without its Thôn/Bản/Tổ dân phố/TDP prefix',
          example: 'Thôn Bản Bon',
          previousValues: true,
        },
        xa_cu: {
          aliases: ['Xã cũ', 'Thuộc xã cũ'],
          type: v.formerCommune(),
          // In the key, yet optional: a blank xa_cu is a key value of its own (SOURCES.md §7).
          required: false,
          description: 'Former commune (code, as of 30 Jun 2025) the village belonged to; lets two villages of one merged commune share a name',
        },
        mat_duong: {
          aliases: ['Mặt đường đến trung tâm thôn', 'Mặt đường'],
          type: v.oneOf({ Nhựa: ['Rải nhựa', 'Asphalt'], 'Bê tông': ['BTXM', 'Bê tông xi măng'], 'Cấp phối': [], Đất: [] }),
          required: true,
          description: 'Surface of the road to the village centre',
        },
        doi_van_nghe: { aliases: ['Đội văn hóa, văn nghệ (CLB) truyền thống', 'Có đội văn nghệ'], type: v.boolean(), description: 'Has a traditional culture or performing troupe (club)' },
        doi_hoat_dong_thuong_xuyen: { aliases: ['Hoạt động thường xuyên'], type: v.boolean(), description: 'The troupe is active regularly (read only where there is a troupe)' },
        thon_van_hoa: { aliases: ['Đạt tiêu chuẩn văn hóa', 'Thôn văn hóa'], type: v.boolean(), description: 'Recognised as a cultured village' },
        tiep_can_thong_tin: tiepCanThongTin,
      },
      rowChecks: [
        {
          // A getter: the crosswalk is the geography in use when the table is loaded (--reference), not the bundled one.
          get when() {
            return v.formerCommuneOutside('xa_cu', commune.derived.commune_code!.sql);
          },
          column: 'xa_cu',
          finding: finding('former_commune_not_part'),
          action: 'value_blanked',
        },
      ],
      derived: {
        ...commune.derived,
        ten_thon_khoa: { sql: 'lower(ten_thon)', sqlType: 'VARCHAR' },
        doi_hoat_dong_thuong_xuyen: { sql: 'CASE WHEN doi_van_nghe THEN doi_hoat_dong_thuong_xuyen END', sqlType: 'BOOLEAN' },
      },
      omit: commune.omit,
    },
    {
      name: 'xa',
      description: 'One row per commune',
      vi: { title: 'Khảo sát xã', row: 'Mỗi dòng là một xã' },
      key: ['commune_code'],
      requireOneOf: [commune.oneOf],
      columns: {
        ...commune.columns,
        doi_van_nghe_xa: { aliases: ['Đội văn nghệ xã', 'Có đội văn nghệ'], type: v.boolean(), required: true, description: 'The commune has a performing troupe' },
        tiep_can_thong_tin: tiepCanThongTin,
      },
      derived: commune.derived,
      omit: commune.omit,
    },
  ],
});

export default villages;
