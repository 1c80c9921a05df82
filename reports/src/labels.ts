// Vietnamese words the site shows for the warehouse's codes.
import { ethnicGroups } from '@dtts/reference';

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

const MINORITIES = new Set(ethnicGroups.filter((g) => g.isMinority).map((g) => g.code));

/** An ethnic code of a minority (dân tộc thiểu số), as packages/reference/data/ethnic_groups.csv says. */
export function isMinority(code: string): boolean {
  return MINORITIES.has(code);
}
