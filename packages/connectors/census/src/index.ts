// Census: the annual population survey's household roster and persons (SOURCES.md §6, census).
import { birthColumns, communeColumns, defineConnector, finding, v } from '@dtts/ingest-core';

const commune = communeColumns();
const birth = birthColumns();

export const census = defineConnector({
  id: 'census',
  title: 'Điều tra dân số hằng năm (hộ và nhân khẩu)',
  shortTitle: 'Điều tra DS',
  owner: 'Chi cục Thống kê / UBND xã',
  referenceDate: (year) => `${year}-10-01`,
  tables: [
    {
      name: 'ho',
      description: 'One row per household',
      vi: { title: 'Danh sách hộ', row: 'Mỗi dòng là một hộ gia đình' },
      key: ['ma_ho'],
      requireOneOf: [commune.oneOf],
      columns: {
        ma_ho: { aliases: ['Mã hộ', 'Ma ho gia dinh', 'Mã hộ gia đình'], type: v.text(), required: true, description: 'Household id, unique within the year', example: 'H001' },
        ...commune.columns,
        thon: { aliases: ['Thôn', 'Thôn/bản', 'Bản', 'Tổ dân phố'], type: v.text(), description: 'Village', previousValues: true },
        ho_ten_chu_ho: { aliases: ['Họ tên chủ hộ', 'Chủ hộ'], type: v.personal('drop'), description: 'Name of the head (personal: not loaded)' },
        thu_nhap_binh_quan: { aliases: ['Thu nhập bình quân', 'Thu nhập BQ/người/tháng'], type: v.vnd(), description: 'Income per person per month, VND' },
        dien_luoi: { aliases: ['Điện lưới', 'Sử dụng điện lưới quốc gia'], type: v.boolean(), description: 'Grid or other suitable electricity' },
        nuoc_hop_ve_sinh: { aliases: ['Nước hợp vệ sinh', 'Nước sinh hoạt hợp vệ sinh'], type: v.boolean(), description: 'Hygienic water' },
        vung_nguy_co: { aliases: ['Cư trú phân tán/vùng nguy cơ'], type: v.boolean(), description: 'Identified for resettlement' },
        da_bo_tri: { aliases: ['Đã bố trí ổn định', 'Đã di dời'], type: v.boolean(), description: 'Arranged or relocated under the programme' },
      },
      derived: commune.derived,
      omit: commune.omit,
    },
    {
      name: 'nhan_khau',
      description: 'One row per person',
      vi: { title: 'Danh sách nhân khẩu', row: 'Mỗi dòng là một người trong hộ' },
      key: ['ma_ho', 'stt'],
      requireOneOf: [birth.oneOf],
      references: [{ column: 'ma_ho', table: 'ho' }],
      columns: {
        ma_ho: { aliases: ['Mã hộ'], type: v.text(), required: true, description: 'Household id (must exist in ho)', example: 'H001' },
        stt: { aliases: ['STT', 'Số thứ tự'], type: v.integer({ min: 1 }), required: true, description: 'Number within the household' },
        ho_ten: { aliases: ['Họ và tên', 'Họ tên'], type: v.personal('drop'), description: 'Name (personal: not loaded)' },
        so_dinh_danh: {
          aliases: ['Số định danh', 'Số CCCD', 'CCCD'],
          type: v.personal('hash', { pattern: '[0-9]{12}', finding: finding('citizen_id_format') }),
          description: 'Citizen id (personal: loaded as a keyed hash)',
        },
        gioi_tinh: { aliases: ['Giới tính'], type: v.sex(), required: true, description: 'Sex' },
        ...birth.columns,
        dan_toc: { aliases: ['Dân tộc', 'Mã dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group (1979 code)' },
        quan_he_chu_ho: { aliases: ['Quan hệ với chủ hộ', 'Quan hệ'], type: v.text(), description: 'Relation to the head; "Chủ hộ" marks the head', example: 'Chủ hộ' },
        biet_doc_viet: { aliases: ['Biết đọc biết viết', 'Biết chữ'], type: v.boolean(), description: 'Literate' },
        dao_tao_nghe: { aliases: ['Đã qua đào tạo', 'Đào tạo nghề'], type: v.boolean(), description: 'Vocational training, short courses included' },
      },
      derived: birth.derived,
    },
  ],
});

export default census;
