// Poverty: the annual review's poor and near-poor households (SOURCES.md §6, poverty).
import { communeColumns, defineConnector, v } from '@dtts/ingest-core';

const commune = communeColumns({ codeAliases: ['Mã xã'], nameAliases: ['Xã', 'Tên xã'] });

export const poverty = defineConnector({
  id: 'poverty',
  title: 'Rà soát hộ nghèo, hộ cận nghèo',
  shortTitle: 'Rà soát nghèo',
  owner: 'Phòng Lao động - Thương binh và Xã hội',
  referenceDate: (year) => `${year}-11-01`,
  tables: [
    {
      name: 'ho_ngheo',
      description: 'One row per household classified poor or near-poor',
      vi: { title: 'Danh sách hộ nghèo, hộ cận nghèo', row: 'Mỗi dòng là một hộ nghèo hoặc cận nghèo sau rà soát' },
      key: ['ma_ho'],
      requireOneOf: [commune.oneOf],
      columns: {
        ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'Household id (need not exist in the census)', example: 'H001' },
        ho_ten_chu_ho: { aliases: ['Họ tên chủ hộ', 'Chủ hộ'], type: v.personal('drop'), description: 'Name of the head (personal: not loaded)' },
        ...commune.columns,
        thon: { aliases: ['Thôn', 'Bản'], type: v.text(), description: 'Village', previousValues: true },
        dan_toc_chu_ho: { aliases: ['Dân tộc chủ hộ', 'Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group of the head' },
        so_nhan_khau: { aliases: ['Số nhân khẩu'], type: v.integer({ min: 1 }), description: 'Persons in the household' },
        phan_loai: {
          aliases: ['Phân loại', 'Kết quả rà soát'],
          type: v.oneOf({ poor: ['Hộ nghèo', 'Nghèo'], near_poor: ['Hộ cận nghèo', 'Cận nghèo'] }),
          required: true,
          description: 'Poor or near-poor',
        },
        so_chi_so_thieu_hut: { aliases: ['Số chỉ số thiếu hụt'], type: v.integer({ min: 0, max: 12 }), description: 'Deprivation indicators lacking (0–12)' },
      },
      derived: commune.derived,
      omit: commune.omit,
    },
  ],
});

export default poverty;
