// The indicators the four sources can compute (INDICATORS.md, "The indicators").
// target.textVi quotes the plan (section II.4) word for word.
import type { ComputedIndicator, Disaggregations } from './types.ts';

const ALL_GEOGRAPHIES = ['area', 'commune_2025', 'commune_2020'] as const;
const PERSON_BASED: Disaggregations = { geography: [...ALL_GEOGRAPHIES], ethnicGroup: true, sex: true };
const HOUSEHOLD_BASED: Disaggregations = { geography: [...ALL_GEOGRAPHIES], ethnicGroup: true, sex: false };
const SCHOOL_LEVEL: Disaggregations = { geography: [...ALL_GEOGRAPHIES], ethnicGroup: false, sex: false };

const CENSUS_DATE = '1 Oct YEAR (census)';
const SCHOOL_AND_CENSUS = '5 Sep YEAR (school) / 1 Oct YEAR (census population)';

const common = { hasSource: true, targetYear: 2025, baselineYear: 2020, changeVsBaseline: 'points' } as const;

const personsAged = (from: number, to: number) => `age between ${from} and ${to}`;

function enrolment(
  id: string, level: string, levelVi: string, from: number, to: number, numeratorVi: string,
  target: ComputedIndicator['target'],
): ComputedIndicator {
  return {
    ...common, id, clause: 'II.4.(5)',
    nameVi: `Tỷ lệ ${levelVi} (${from}–${to} tuổi) đến trường`,
    nameEn: `Enrolment, ${level === 'MN' ? 'preschool' : level} (aged ${from}–${to})`,
    unit: 'percent', direction: 'higher_is_better',
    numerator: {
      descriptionVi: numeratorVi,
      description: `students aged ${from}–${to} enrolled at level ${level}`,
      fact: 'students', sum: '1', where: `cap_hoc = '${level}' and ${personsAged(from, to)}`,
    },
    denominator: { descriptionVi: `Dân số ${from}–${to} tuổi`, description: `census population aged ${from}–${to}`, fact: 'persons', sum: '1', where: personsAged(from, to) },
    disaggregations: PERSON_BASED, sources: ['school.hoc_sinh', 'census.nhan_khau'], referenceDate: SCHOOL_AND_CENSUS,
    target,
    notes: 'Students are matched to no census person: the value can exceed 100% and is then flagged.',
  };
}

export const computedIndicators: ComputedIndicator[] = [
  {
    ...common, id: 'income_per_capita', clause: 'II.4.(1)',
    nameVi: 'Thu nhập bình quân đầu người', nameEn: 'Average income per person',
    unit: 'vnd_per_person_month', direction: 'higher_is_better', changeVsBaseline: 'ratio',
    numerator: { descriptionVi: 'Tổng thu nhập bình quân/người/tháng × số nhân khẩu của các hộ',
      description: 'Σ over households of thu_nhap_binh_quan × household size',
      fact: 'households', sum: 'thu_nhap_binh_quan * household_size', where: 'thu_nhap_binh_quan is not null',
    },
    denominator: { descriptionVi: 'Tổng số nhân khẩu của các hộ có thông tin thu nhập',
      description: 'Σ household size, households with a known income',
      fact: 'households', sum: 'household_size', where: 'thu_nhap_binh_quan is not null',
    },
    disaggregations: HOUSEHOLD_BASED, sources: ['census.ho', 'census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'double_baseline', factor: 2, textVi: 'Phấn đấu mức thu nhập bình quân của người dân tộc thiểu số tăng 2 lần so với năm 2020.' },
  },
  {
    ...common, id: 'poor_household_rate', clause: 'II.4.(2)',
    nameVi: 'Tỷ lệ hộ nghèo', nameEn: 'Poor household rate',
    unit: 'percent', direction: 'lower_is_better',
    numerator: { descriptionVi: 'Số hộ nghèo (danh sách rà soát)', description: 'households in ho_ngheo classified poor', fact: 'poverty_households', sum: '1', where: "phan_loai = 'poor'" },
    denominator: { descriptionVi: 'Số hộ (điều tra dân số)', description: 'census households', fact: 'households', sum: '1' },
    disaggregations: HOUSEHOLD_BASED, sources: ['poverty.ho_ngheo', 'census.ho'], referenceDate: '1 Nov YEAR (poverty review) / 1 Oct YEAR (census)',
    target: { kind: 'yearly_decrease_points', points: 4, upTo: 5, textVi: 'Tỷ lệ hộ nghèo trong vùng đồng bào DTTS mỗi năm giảm từ 4-5%.' },
    methodBreakAfterYear: 2021,
    methodNote: '2020–2021 under QĐ 59/2015/QĐ-TTg, 2022–2025 under NĐ 07/2021/NĐ-CP: the 2021→2022 change is a break in method, not progress.',
    methodNoteVi: 'Năm 2020–2021 theo chuẩn nghèo QĐ 59/2015/QĐ-TTg, 2022–2025 theo NĐ 07/2021/NĐ-CP: thay đổi 2021→2022 là do đổi chuẩn, không phải tiến bộ; mục tiêu được đánh giá theo mức giảm bình quân trong cùng một chuẩn.',
  },
  {
    ...common, id: 'near_poor_household_rate', clause: 'II.4.(2)',
    nameVi: 'Tỷ lệ hộ cận nghèo', nameEn: 'Near-poor household rate',
    unit: 'percent', direction: 'lower_is_better',
    numerator: { descriptionVi: 'Số hộ cận nghèo (danh sách rà soát)', description: 'households in ho_ngheo classified near-poor', fact: 'poverty_households', sum: '1', where: "phan_loai = 'near_poor'" },
    denominator: { descriptionVi: 'Số hộ (điều tra dân số)', description: 'census households', fact: 'households', sum: '1' },
    disaggregations: HOUSEHOLD_BASED, sources: ['poverty.ho_ngheo', 'census.ho'], referenceDate: '1 Nov YEAR (poverty review) / 1 Oct YEAR (census)',
    target: { kind: 'no_target', textVi: '(Chỉ số bối cảnh cho mục tiêu giảm nghèo; kế hoạch không đặt chỉ tiêu riêng.)' },
    methodBreakAfterYear: 2021,
    methodNote: '2020–2021 under QĐ 59/2015/QĐ-TTg, 2022–2025 under NĐ 07/2021/NĐ-CP.',
    methodNoteVi: 'Năm 2020–2021 theo chuẩn nghèo QĐ 59/2015/QĐ-TTg, 2022–2025 theo NĐ 07/2021/NĐ-CP: thay đổi 2021→2022 là do đổi chuẩn, không phải tiến bộ.',
  },
  {
    ...common, id: 'grid_electricity_households', clause: 'II.4.(3)',
    nameVi: 'Tỷ lệ hộ sử dụng điện lưới quốc gia và các nguồn điện khác phù hợp',
    nameEn: 'Households using grid or other suitable electricity',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số hộ sử dụng điện lưới quốc gia', description: 'households with dien_luoi', fact: 'households', sum: '1', where: 'dien_luoi' },
    denominator: { descriptionVi: 'Số hộ', description: 'census households', fact: 'households', sum: '1' },
    disaggregations: HOUSEHOLD_BASED, sources: ['census.ho', 'census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'at_least', value: 98, textVi: '98% số hộ dân được sử dụng điện lưới quốc gia và các nguồn điện khác phù hợp' },
  },
  {
    ...common, id: 'hygienic_water_persons', clause: 'II.4.(3)',
    nameVi: 'Tỷ lệ người được sử dụng nước sinh hoạt hợp vệ sinh', nameEn: 'Persons using hygienic water',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số người trong hộ dùng nước hợp vệ sinh', description: 'persons in households with nuoc_hop_ve_sinh', fact: 'persons', sum: '1', where: 'nuoc_hop_ve_sinh' },
    denominator: { descriptionVi: 'Số người', description: 'census persons', fact: 'persons', sum: '1' },
    disaggregations: PERSON_BASED, sources: ['census.ho', 'census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'exactly_100', value: 100, textVi: '100 % đồng bào DTTS được sử dụng nước sinh hoạt hợp vệ sinh' },
  },
  {
    ...common, id: 'solid_classrooms', clause: 'II.4.(3)',
    nameVi: 'Tỷ lệ phòng học kiên cố', nameEn: 'Solid (permanent) classrooms',
    unit: 'percent', direction: 'higher_is_better',
    // Only schools whose two counts are both known: an unknown total must not leave its solid rooms counted.
    numerator: { descriptionVi: 'Số phòng học kiên cố', description: 'Σ so_phong_kien_co of the schools in the geography (both counts known)', fact: 'schools', sum: 'so_phong_kien_co', where: 'so_phong_hoc is not null and so_phong_kien_co is not null' },
    denominator: { descriptionVi: 'Số phòng học (trường đóng trên địa bàn)', description: 'Σ so_phong_hoc of the schools in the geography (both counts known)', fact: 'schools', sum: 'so_phong_hoc', where: 'so_phong_hoc is not null and so_phong_kien_co is not null' },
    disaggregations: SCHOOL_LEVEL, counts: 'units', sources: ['school.truong'], referenceDate: '5 Sep YEAR (school)',
    target: { kind: 'exactly_100', value: 100, textVi: '100% số trường, lớp học được xây dựng kiên cố' },
    notes: 'By the commune where the school stands; no ethnic or sex split.',
  },
  {
    ...common, id: 'resettlement_progress', clause: 'II.4.(4)',
    nameVi: 'Tỷ lệ hộ DTTS cư trú phân tán, vùng nguy cơ đã được sắp xếp, bố trí ổn định',
    nameEn: 'Scattered / at-risk households resettled',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số hộ đã được bố trí ổn định', description: 'households with da_bo_tri', fact: 'households', sum: '1', where: 'da_bo_tri' },
    denominator: { descriptionVi: 'Số hộ thuộc vùng nguy cơ hoặc đã bố trí', description: 'households with vung_nguy_co or da_bo_tri', fact: 'households', sum: '1', where: 'vung_nguy_co or da_bo_tri' },
    disaggregations: HOUSEHOLD_BASED, sources: ['census.ho', 'census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: {
      kind: 'at_least', value: 60,
      textVi: 'Quy hoạch, sắp xếp, di dời, bố trí khoảng 60% số hộ DTTS đang cư trú phân tán, ở các khu vực xa xôi, hẻo lánh, nơi có nguy cơ xảy ra lũ ống, lũ quét, sạt lở trên địa bàn vùng ĐBKK.',
    },
    notes: 'The plan says "khoảng 60%" (about 60%); judged as at least 60.',
  },
  enrolment('enrolment_preschool_4_5', 'MN', 'trẻ em mẫu giáo', 4, 5, 'Số trẻ 4–5 tuổi học mầm non',
    { kind: 'at_least', value: 98, textVi: 'Tỷ lệ trẻ em mẫu giáo người DTTS 4 tuổi và 5 tuổi đến trường đạt 98%' }),
  enrolment('enrolment_primary_6_10', 'TH', 'học sinh tiểu học', 6, 10, 'Số trẻ 6–10 tuổi học tiểu học',
    { kind: 'exactly_100', value: 100, textVi: 'học sinh người DTTS trong độ tuổi học tiểu học đến trường đạt 100%' }),
  enrolment('enrolment_lower_secondary_11_14', 'THCS', 'học sinh THCS', 11, 14, 'Số người 11–14 tuổi học THCS',
    { kind: 'at_least', value: 98, textVi: 'học sinh người DTTS trong độ tuổi học trung học cơ sở đến trường đạt 98%' }),
  enrolment('enrolment_upper_secondary_15_17', 'THPT', 'học sinh THPT', 15, 17, 'Số người 15–17 tuổi học THPT',
    { kind: 'more_than', value: 80, textVi: 'học sinh người DTTS trong độ tuổi học trung học phổ thông trên 80%' }),
  {
    ...common, id: 'literacy_15_60', clause: 'II.4.(5)',
    nameVi: 'Tỷ lệ người 15–60 tuổi đọc thông, viết thạo tiếng phổ thông', nameEn: 'Literacy, aged 15–60',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số người 15–60 tuổi biết đọc, biết viết', description: 'persons 15–60 with biet_doc_viet', fact: 'persons', sum: '1', where: `${personsAged(15, 60)} and biet_doc_viet` },
    denominator: { descriptionVi: 'Số người 15–60 tuổi', description: 'persons 15–60', fact: 'persons', sum: '1', where: personsAged(15, 60) },
    disaggregations: PERSON_BASED, sources: ['census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'more_than', value: 93.5, textVi: 'người DTTS trong độ tuổi từ 15 đến 60 tuổi đọc thông, viết thạo tiếng phổ thông trên 93,5%' },
  },
  {
    ...common, id: 'boarding_school_standard', clause: 'II.4.(5)',
    nameVi: 'Tỷ lệ trường PTDT nội trú đạt chuẩn quốc gia', nameEn: 'Ethnic boarding schools (PTDTNT) meeting the national standard',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số trường PTDTNT đạt chuẩn quốc gia', description: 'PTDTNT schools meeting the national standard', fact: 'schools', sum: '1', where: "loai_truong = 'PTDTNT' and dat_chuan_quoc_gia" },
    denominator: { descriptionVi: 'Số trường PTDTNT', description: 'PTDTNT schools', fact: 'schools', sum: '1', where: "loai_truong = 'PTDTNT'" },
    disaggregations: SCHOOL_LEVEL, counts: 'units', sources: ['school.truong'], referenceDate: '5 Sep YEAR (school)',
    target: { kind: 'exactly_100', value: 100, textVi: 'Duy trì trường Dân tộc nội trú THPT&THCS huyện đạt chuẩn quốc gia' },
    notes: 'By the commune where the school stands; "duy trì" (maintained): 100%.',
  },
  {
    ...common, id: 'semi_boarding_schools_standard', clause: 'II.4.(5)',
    nameVi: 'Tỷ lệ trường PTDT bán trú đạt chuẩn quốc gia', nameEn: 'Ethnic semi-boarding schools (PTDTBT) meeting the national standard',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số trường PTDTBT đạt chuẩn quốc gia', description: 'PTDTBT schools meeting the national standard', fact: 'schools', sum: '1', where: "loai_truong = 'PTDTBT' and dat_chuan_quoc_gia" },
    denominator: { descriptionVi: 'Số trường PTDTBT', description: 'PTDTBT schools', fact: 'schools', sum: '1', where: "loai_truong = 'PTDTBT'" },
    disaggregations: SCHOOL_LEVEL, counts: 'units', sources: ['school.truong'], referenceDate: '5 Sep YEAR (school)',
    target: { kind: 'more_than', value: 60, textVi: 'trên 60% trường PTDT bán trú đạt chuẩn quốc gia' },
  },
  {
    ...common, id: 'dtts_secondary_in_boarding', clause: 'II.4.(5)',
    nameVi: 'Tỷ lệ học sinh THCS, THPT học trong trường PTDT nội trú', nameEn: 'Secondary students in ethnic boarding schools',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số học sinh THCS, THPT học trường PTDTNT', description: 'THCS + THPT students in PTDTNT schools', fact: 'students', sum: '1', where: "cap_hoc in ('THCS', 'THPT') and school_type = 'PTDTNT'" },
    denominator: { descriptionVi: 'Số học sinh THCS, THPT', description: 'THCS + THPT students (any age)', fact: 'students', sum: '1', where: "cap_hoc in ('THCS', 'THPT')" },
    disaggregations: PERSON_BASED, sources: ['school.hoc_sinh', 'school.truong'], referenceDate: '5 Sep YEAR (school)',
    target: { kind: 'at_least', value: 5, textVi: '5% số học sinh DTTS cấp THCS và THPT được học phổ thông trong trường PTDT nội trú' },
  },
  {
    ...common, id: 'dtts_in_semi_boarding_schools', clause: 'II.4.(5)',
    nameVi: 'Tỷ lệ học sinh tiểu học, THCS học trong trường có học sinh bán trú', nameEn: 'Primary and lower-secondary students in schools with semi-boarders',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số học sinh tiểu học, THCS học trường có học sinh bán trú', description: 'Tiểu học + THCS students in schools with co_hoc_sinh_ban_tru', fact: 'students', sum: '1', where: "cap_hoc in ('TH', 'THCS') and school_has_semi_boarding" },
    denominator: { descriptionVi: 'Số học sinh tiểu học, THCS', description: 'Tiểu học + THCS students', fact: 'students', sum: '1', where: "cap_hoc in ('TH', 'THCS')" },
    disaggregations: PERSON_BASED, sources: ['school.hoc_sinh', 'school.truong'], referenceDate: '5 Sep YEAR (school)',
    target: { kind: 'at_least', value: 30, textVi: '30% số học sinh DTTS cấp tiểu học và THCS được học trong trường có học sinh bán trú' },
  },
  {
    ...common, id: 'health_insurance_coverage', clause: 'II.4.(6)',
    nameVi: 'Tỷ lệ người tham gia bảo hiểm y tế', nameEn: 'Health insurance coverage',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số người có thẻ BHYT còn hạn ngày 31/12',
      description: 'distinct persons (so_dinh_danh, else ma_the) holding a card valid at 31 Dec YEAR, both ends included',
      fact: 'card_holders', sum: '1',
    },
    denominator: { descriptionVi: 'Dân số', description: 'census population', fact: 'persons', sum: '1' },
    disaggregations: PERSON_BASED, sources: ['health-insurance.the_bhyt', 'census.nhan_khau'], referenceDate: '31 Dec YEAR (cards) / 1 Oct YEAR (census population)',
    target: { kind: 'more_than', value: 98, textVi: 'Tỷ lệ đồng bào DTTS tham gia bảo hiểm y tế đạt trên 98%.' },
    notes: 'Card holders are matched to no census person: the value can exceed 100% and is then flagged.',
  },
  {
    ...common, id: 'trained_labour_15_60', clause: 'II.4.(7)',
    nameVi: 'Tỷ lệ lao động 15–60 tuổi đã qua đào tạo nghề', nameEn: 'Trained labour, aged 15–60',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số người 15–60 tuổi đã qua đào tạo', description: 'persons 15–60 with dao_tao_nghe', fact: 'persons', sum: '1', where: `${personsAged(15, 60)} and dao_tao_nghe` },
    denominator: { descriptionVi: 'Số người 15–60 tuổi', description: 'persons 15–60', fact: 'persons', sum: '1', where: personsAged(15, 60) },
    disaggregations: PERSON_BASED, sources: ['census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'at_least', value: 63, textVi: 'Tỷ lệ lao động là người DTTS trong độ tuổi được đào tạo nghề phù hợp với nhu cầu đạt 63 %' },
  },
  {
    ...common, id: 'trained_labour_female_share', clause: 'II.4.(7)',
    nameVi: 'Tỷ lệ lao động nữ trong số lao động 15–60 tuổi đã qua đào tạo', nameEn: 'Women among trained labour aged 15–60',
    unit: 'percent', direction: 'higher_is_better',
    numerator: { descriptionVi: 'Số nữ 15–60 tuổi đã qua đào tạo', description: 'women among the trained persons 15–60', fact: 'persons', sum: '1', where: `${personsAged(15, 60)} and dao_tao_nghe and sex = 'Nữ'` },
    denominator: { descriptionVi: 'Số người 15–60 tuổi đã qua đào tạo', description: 'trained persons 15–60', fact: 'persons', sum: '1', where: `${personsAged(15, 60)} and dao_tao_nghe` },
    disaggregations: { geography: [...ALL_GEOGRAPHIES], ethnicGroup: true, sex: false },
    sources: ['census.nhan_khau'], referenceDate: CENSUS_DATE,
    target: { kind: 'at_least', value: 34, textVi: 'trong đó có ít nhất 34 % là lao động nữ' },
    notes: 'The sex split is the definition itself: sex ALL only.',
  },
];
