// Vietnamese words the site shows for the warehouse's codes.

export const STATUS_VI: Record<string, string> = {
  achieved: 'Đạt',
  on_track: 'Đúng tiến độ',
  off_track: 'Chậm tiến độ',
  // In (or after) the target year: the target was not met; there is no schedule left to be behind.
  not_achieved: 'Không đạt',
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

/** Source systems and the reference date of each (SOURCES.md §4). */
const SOURCES: Record<string, { vi: string; short: string; date: (year: number) => string }> = {
  census: { vi: 'Điều tra dân số hằng năm', short: 'Điều tra DS', date: (y) => `01/10/${y}` },
  school: { vi: 'Dữ liệu trường, học sinh', short: 'Dữ liệu trường', date: (y) => `05/09/${y}` },
  'health-insurance': { vi: 'Danh sách thẻ BHYT', short: 'Thẻ BHYT', date: (y) => `31/12/${y}` },
  health_insurance: { vi: 'Danh sách thẻ BHYT', short: 'Thẻ BHYT', date: (y) => `31/12/${y}` },
  poverty: { vi: 'Rà soát hộ nghèo, cận nghèo', short: 'Rà soát nghèo', date: (y) => `01/11/${y}` },
};

export function sourceLabel(source: string): string {
  return SOURCES[source]?.vi ?? source;
}

/**
 * "Nguồn: Rà soát hộ nghèo, cận nghèo (01/11/2025); Điều tra dân số hằng năm (01/10/2025)"
 * from the catalog's source tables (`poverty.ho_ngheo, census.ho`).
 */
export function sourceNote(sourceTables: string, year: number | null, short = false): string {
  const systems = [...new Set(sourceTables.split(/[,;]\s*/).map((t) => t.trim().split('.')[0]!).filter(Boolean))];
  const parts = systems.map((s) => {
    const known = SOURCES[s];
    if (!known) return s;
    const name = short ? known.short : known.vi;
    if (short) return `${name} ${known.date(0).slice(0, 5)}`;
    return year === null ? `${name} (${known.date(0).slice(0, 5)} hằng năm)` : `${name} (${known.date(year)})`;
  });
  return short ? parts.join('; ') : `Nguồn: ${parts.join('; ')}`;
}

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

export function isMinority(code: string): boolean {
  return /^\d{2}$/.test(code) && code >= '02' && code <= '54';
}
