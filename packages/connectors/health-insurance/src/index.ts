// Health insurance (BHYT): card holders at 31 December (SOURCES.md §6, health-insurance).
import { birthColumns, communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

const birth = birthColumns();
const commune = communeColumns({ codeAliases: ['Mã xã'], nameAliases: ['Xã', 'Tên xã'] });

export const healthInsurance = defineConnector({
  id: 'health-insurance',
  title: 'Thẻ bảo hiểm y tế (BHYT)',
  shortTitle: 'Thẻ BHYT',
  owner: 'Bảo hiểm xã hội huyện',
  referenceDate: (year) => `${year}-12-31`,
  tables: [
    {
      name: 'the_bhyt',
      description: 'One row per card; the same card may be listed twice (counted once downstream)',
      vi: { title: 'Danh sách thẻ bảo hiểm y tế', row: 'Mỗi dòng là một thẻ BHYT còn giá trị' },
      requireOneOf: [birth.oneOf, commune.oneOf],
      columns: {
        ma_the: {
          aliases: ['Mã thẻ', 'Số thẻ BHYT', 'Số thẻ'],
          type: v.personal('hash', { pattern: '[A-Za-z0-9]{15}', finding: finding('card_number_format') }),
          required: true,
          description: 'Card number (personal: keyed hash)',
        },
        ho_ten: { aliases: ['Họ và tên', 'Họ tên'], type: v.personal('drop'), description: 'Name (personal: not loaded)' },
        so_dinh_danh: {
          aliases: ['Số định danh', 'CCCD', 'Số CCCD'],
          type: v.personal('hash', { pattern: '[0-9]{12}', finding: finding('citizen_id_format') }),
          description: 'Citizen id (personal: keyed hash)',
        },
        ...birth.columns,
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        ...commune.columns,
        gia_tri_tu: { aliases: ['Giá trị từ', 'Hạn từ', 'Giá trị sử dụng từ'], type: v.date(), required: true, yearCheck: 'not_after', description: 'Valid from' },
        gia_tri_den: { aliases: ['Giá trị đến', 'Hạn đến', 'Giá trị sử dụng đến'], type: v.date(), required: true, yearCheck: 'not_before', description: 'Valid to' },
      },
      rowChecks: [{ when: 'gia_tri_den < gia_tri_tu', column: 'gia_tri_den', finding: finding('card_ends_before_start') }],
      derived: { ...birth.derived, ...commune.derived },
      omit: commune.omit,
    },
  ],
});

export default healthInsurance;
