// Vietnamese words the site shows for the warehouse's codes.
import { ethnicGroups } from '@dtts/reference';

export const STATUS_VI: Record<string, string> = {
  achieved: 'Đạt',
  on_track: 'Đúng tiến độ',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};

export const SEX_VI: Record<string, string> = { ALL: 'Chung', Nam: 'Nam', 'Nữ': 'Nữ' };

export const FLAG_VI: Record<string, string> = {
  over_100: 'Trên 100% (số đăng ký vượt dân số)',
  baseline_partial_territory: 'Số gốc 2020 không gồm Tân An, Tân Thượng',
  method_break: 'Đổi chuẩn nghèo (QĐ 59/2015 → NĐ 07/2021)',
  small_denominator: 'Mẫu số nhỏ',
};

export const SUPPRESSION_VI: Record<string, string> = {
  small_count: 'Ẩn: số đếm từ 1 đến 4',
  small_complement: 'Ẩn: số còn lại (mẫu số − tử số) từ 1 đến 4',
  small_denominator: 'Ẩn: mẫu số dưới 20',
  secondary: 'Ẩn thứ cấp (tránh suy ra ô bị ẩn)',
  baseline: 'Ẩn vì số gốc 2020 bị ẩn',
};

export const GEO_LEVEL_VI: Record<string, string> = {
  area: 'Toàn vùng',
  commune_2025: 'Xã (từ 01/07/2025)',
  commune_2020: 'Xã (trước 01/07/2025)',
};

/** Numerator and denominator in Vietnamese for the computed indicators (INDICATORS.md). */
export const DEFINITION_VI: Record<string, [string, string]> = {
  income_per_capita: ['Tổng thu nhập bình quân/người/tháng × số nhân khẩu của các hộ', 'Tổng số nhân khẩu của các hộ có thông tin thu nhập'],
  poor_household_rate: ['Số hộ nghèo (danh sách rà soát)', 'Số hộ (điều tra dân số)'],
  near_poor_household_rate: ['Số hộ cận nghèo (danh sách rà soát)', 'Số hộ (điều tra dân số)'],
  grid_electricity_households: ['Số hộ sử dụng điện lưới quốc gia', 'Số hộ'],
  hygienic_water_persons: ['Số người trong hộ dùng nước hợp vệ sinh', 'Số người'],
  solid_classrooms: ['Số phòng học kiên cố', 'Số phòng học (trường đóng trên địa bàn)'],
  resettlement_progress: ['Số hộ đã được bố trí ổn định', 'Số hộ thuộc vùng nguy cơ hoặc đã bố trí'],
  enrolment_preschool_4_5: ['Số trẻ 4–5 tuổi học mầm non', 'Dân số 4–5 tuổi'],
  enrolment_primary_6_10: ['Số trẻ 6–10 tuổi học tiểu học', 'Dân số 6–10 tuổi'],
  enrolment_lower_secondary_11_14: ['Số người 11–14 tuổi học THCS', 'Dân số 11–14 tuổi'],
  enrolment_upper_secondary_15_17: ['Số người 15–17 tuổi học THPT', 'Dân số 15–17 tuổi'],
  literacy_15_60: ['Số người 15–60 tuổi biết đọc, biết viết', 'Số người 15–60 tuổi'],
  boarding_school_standard: ['Số trường PTDTNT đạt chuẩn quốc gia', 'Số trường PTDTNT'],
  semi_boarding_schools_standard: ['Số trường PTDTBT đạt chuẩn quốc gia', 'Số trường PTDTBT'],
  dtts_secondary_in_boarding: ['Số học sinh THCS, THPT học trường PTDTNT', 'Số học sinh THCS, THPT'],
  dtts_in_semi_boarding_schools: ['Số học sinh tiểu học, THCS học trường có học sinh bán trú', 'Số học sinh tiểu học, THCS'],
  health_insurance_coverage: ['Số người có thẻ BHYT còn hạn ngày 31/12', 'Dân số'],
  trained_labour_15_60: ['Số người 15–60 tuổi đã qua đào tạo', 'Số người 15–60 tuổi'],
  trained_labour_female_share: ['Số nữ 15–60 tuổi đã qua đào tạo', 'Số người 15–60 tuổi đã qua đào tạo'],
};

const MINORITIES = new Set(ethnicGroups.filter((g) => g.isMinority).map((g) => g.code));

/** An ethnic code of a minority (dân tộc thiểu số), as packages/reference/data/ethnic_groups.csv says. */
export function isMinority(code: string): boolean {
  return MINORITIES.has(code);
}
