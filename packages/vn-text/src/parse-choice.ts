import { foldAscii } from './fold.ts';
import { finding } from '@dtts/messages';
import { fail, ok, type ParseResult } from './result.ts';

// Compared after foldAscii, so Có/co/CÓ, Không/khong and Đúng/dung are one entry each.
const TRUE_WORDS = new Set(['co', 'x', '1', 'true', 'dung', 'yes', 'y', '✓', '✔']);
const FALSE_WORDS = new Set(['khong', '0', 'false', 'sai', 'no', 'n']);

/**
 * Reads a yes/no cell. Blank is `null` (unknown): whether a blank means "no" in a file of
 * `x` marks is the file's business, decided by the caller.
 */
export function parseBooleanVi(s: string): ParseResult<boolean | null> {
  const key = foldAscii(s);
  if (key === '') return ok(null);
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return fail(finding('not_yes_no'));
}

export type Sex = 'Nam' | 'Nữ';

// The forms SOURCES.md §2 accepts (Nam, Nữ, 1, 2), in any case and also with the diacritics
// lost, as in exports that strip them; anything else (M/F, K, …) is quarantined.
const MALE = new Set(['nam', '1']);
const FEMALE = new Set(['nu', '2']);

/** Reads sex as the sources write it: Nam/Nữ in any case or without diacritics, 1/2. */
export function parseSex(s: string): ParseResult<Sex> {
  const key = foldAscii(s);
  if (MALE.has(key)) return ok('Nam');
  if (FEMALE.has(key)) return ok('Nữ');
  return fail(key === '' ? finding('value_missing') : finding('not_sex'));
}
