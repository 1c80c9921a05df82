import { col, readReferenceCsv } from './csv.ts';

export interface EthnicGroup {
  /** 2-digit code of the 1979 list (QĐ 121-TCTK/PPCĐ), which the sources use. */
  code: string;
  /** 2008 list code (QĐ 1019/QĐ-TCTK); only 01–20 are confirmed, the rest null. */
  code2008: string | null;
  name: string;
  nameAscii: string;
  /** Official other names (GSO); not unique across groups ("Trại" is Dao and Sán Dìu). */
  otherNames: string[];
  /** Spellings seen in real code lists (researcher-compiled, not official). */
  variants: string[];
  /** DTTS: every group except Kinh (01); 55, foreigners, is neither. */
  isMinority: boolean;
}

/** Splits a list cell; empty items (a trailing separator, an empty cell) are dropped. */
export function splitList(cell: string, separator: string): string[] {
  return cell.split(separator).map((s) => s.trim()).filter((s) => s !== '');
}

// "Thổ (old)" and "Phú Lá (typo)" carry a researcher's note in lower-case English; a note in
// Vietnamese brackets such as "Kinh (Việt)" or "Hoa (Hán)" is part of a spelling really seen.
const ANNOTATION = /\s*\((old|typo|[a-z]+ [a-z ]+)\)$/;

export function stripAnnotation(variant: string): string {
  return variant.replace(ANNOTATION, '').trim();
}

export const ethnicGroups: EthnicGroup[] = readReferenceCsv('ethnic_groups.csv').map((r) => ({
  code: col(r, 'code_1979'),
  code2008: col(r, 'code_2008') || null,
  name: col(r, 'name_vi'),
  nameAscii: col(r, 'name_ascii'),
  otherNames: splitList(col(r, 'aliases_gso'), ','),
  variants: splitList(col(r, 'spelling_variants'), ';').map(stripAnnotation),
  isMinority: col(r, 'is_minority') === '1',
}));
