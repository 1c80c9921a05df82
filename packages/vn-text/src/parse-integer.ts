import { nfc } from './fold.ts';
import { finding } from '@dtts/messages';
import { fail, ok, type ParseResult } from './result.ts';

// A currency word after the amount is tolerated: 1.500.000 đ, 1.500.000đ, 1 500 000 VNĐ.
const CURRENCY = /\s*(?:đồng|đ|vnđ|vnd)\.?$/iu;
// Spaces used between thousands: ASCII, no-break and narrow no-break (Excel in vi-VN).
const SPACES = /[ \u00A0\u202F]/;

/**
 * Reads a VND amount or a count. `.`, `,` and spaces separate thousands (groups of exactly
 * three digits, one kind of separator per number); amounts are integers, so a separator
 * followed by anything but three digits (2.5, 1,5) is a decimal and fails, as does a mix
 * like 1.500,50. The sign is kept; range checks are the caller's.
 */
export function parseVnInteger(s: string): ParseResult<number> {
  const raw = nfc(s).trim();
  if (raw === '') return fail(finding('value_missing'));
  const text = raw.replace(CURRENCY, '');
  const match = /^([-\u2212+]?)\s*(\d[\d., \u00A0\u202F]*)$/u.exec(text);
  if (!match) return fail(finding('not_a_number'));
  const sign = match[1] === '' || match[1] === '+' ? 1 : -1;
  const body = match[2]!;
  const separators = new Set([...body].filter((c) => !/\d/.test(c)).map((c) => (SPACES.test(c) ? ' ' : c)));
  if (separators.size > 1) return fail(finding('number_mixed_separators'));
  if (separators.size === 1 && !/^\d{1,3}(?:[., \u00A0\u202F]\d{3})+$/u.test(body)) {
    return fail(finding('number_not_whole'));
  }
  const value = sign * Number(body.replace(/\D/g, ''));
  if (!Number.isSafeInteger(value)) return fail(finding('number_too_large'));
  return ok(value === 0 ? 0 : value);
}
