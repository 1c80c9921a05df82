// A synthetic geography for benchmarks (`pnpm sample --communes N`): N communes in the 2020 frame,
// merged about three into one on 1 Jul 2025 as the real reform did (17 → 6), in the columns of the
// bundled reference files. Names are invented two-syllable place names, distinct even without
// diacritics, so a source that names its commune resolves to one unit.
import type { CsvRow, GeographyFile } from '@dtts/reference';

/** Syllables whose ASCII forms differ, so no two names fold to the same text. */
const SYLLABLES = [
  'Tân', 'Phúc', 'Bảo', 'Xuân', 'Yên', 'Hòa', 'Minh', 'Long', 'Vĩnh', 'Kim', 'Sơn', 'Hà',
  'Thượng', 'Lương', 'Điện', 'Nghĩa', 'Việt', 'Cam', 'Quang', 'Thành', 'An', 'Bình', 'Đông', 'Trung',
];
const NAMES = SYLLABLES.flatMap((a) => SYLLABLES.filter((b) => b !== a).map((b) => `${a} ${b}`));

/** 2020-frame communes merged into one 2025 commune. */
export const MERGED_PER_COMMUNE = 3;
export const MAX_COMMUNES = Math.floor((NAMES.length * MERGED_PER_COMMUNE) / (MERGED_PER_COMMUNE + 1));
const FIRST_CODE = 90_001;
const SYNTHETIC = 'SYNTHETIC: pnpm sample --communes';

export interface SyntheticGeography {
  communes: number;
  communes2025: number;
  /** Rows of each commune file, by the bundled files' column names. */
  files: Record<GeographyFile, CsvRow[]>;
}

export function syntheticGeography(n: number): SyntheticGeography {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COMMUNES) throw new Error(`sample: --communes ${n} must be a whole number from 1 to ${MAX_COMMUNES}`);
  const m = Math.ceil(n / MERGED_PER_COMMUNE);
  const code = (i: number) => String(FIRST_CODE + i).padStart(5, '0');
  const old = Array.from({ length: n }, (_, i) => ({ code: code(i), short: NAMES[i]!, type: i === 0 ? 'Thị trấn' : 'Xã' }));
  // The new commune keeps its first constituent's code (as 02947 did) under a new name.
  const merged = Array.from({ length: m }, (_, j) => {
    const parts = old.slice(j * MERGED_PER_COMMUNE, (j + 1) * MERGED_PER_COMMUNE);
    return { code: parts[0]!.code, name: `Xã ${NAMES[n + j]!}`, parts };
  });
  const full = (u: { short: string; type: string }) => `${u.type} ${u.short}`;
  const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'));
  return {
    communes: n,
    communes2025: m,
    files: {
      'bao_yen_communes_2019_abolished.csv': [],
      'bao_yen_communes_2020_merger.csv': [],
      'bao_yen_communes_2020.csv': old.map((u) => ({
        code: u.code, name: full(u), name_short: u.short, name_ascii: ascii(u.short), type: u.type, district_code: '999',
        district_name: 'Huyện Thử nghiệm', province_code: '99', province_name: 'Tỉnh Thử nghiệm', status_2020: 'active', note: SYNTHETIC,
      })),
      'bao_yen_communes_2025_new.csv': merged.map((c) => ({
        new_code: c.code, new_name: c.name, type: 'Xã', province_code: '99', constituent_old_codes: c.parts.map((p) => p.code).join(';'),
        constituent_old_names: c.parts.map(full).join(';'), nq1673_clause: '',
      })),
      'bao_yen_communes_2025_crosswalk.csv': merged.flatMap((c) => c.parts.map((p) => ({
        old_code: p.code, old_name: full(p), old_district_code: '999', in_bao_yen_2020: '1', new_code: c.code, new_name: c.name,
        new_province_code: '99', new_province_name: 'Tỉnh Thử nghiệm', legal_basis: SYNTHETIC, effective_date: '2025-07-01',
        old_code_reused: p.code === c.code ? '1' : '0',
      }))),
    },
  };
}
