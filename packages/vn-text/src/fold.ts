import { canonicalTones } from './tone.ts';

/** NFC: the one form all text is stored and compared in (sources mix NFC and NFD). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// Hyphens, dashes, apostrophes (ASCII, typographic, modifier letter), underscores and
// whitespace all separate words the same way in names such as H'Mông, Khơ-me, Ba na.
const SEPARATORS = /[\s\-\u2010-\u2015_'\u2018\u2019\u02BC`]+/gu;

/**
 * Key for comparing names: case-, spacing- and tone-placement-insensitive, but diacritics
 * are kept because they distinguish names (Lao ≠ Lào). Icelandic Ð (U+00D0), a common
 * stand-in for Đ, is read as đ.
 */
export function foldForMatch(s: string): string {
  const lowered = nfc(s).replace(/\u00D0/g, 'đ').toLowerCase();
  return canonicalTones(lowered.replace(SEPARATORS, ' ')).trim();
}

/** Like {@link foldForMatch} without any diacritics (đ → d): for "Bao Ha"-style input. */
export function foldAscii(s: string): string {
  return foldForMatch(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
}

/**
 * Key for matching column headers: `Mã  xã `, `ma_xa`, `MÃ XÃ` and `Ma xa` all give `ma_xa`,
 * so canonical snake_case column names are their own keys. Punctuation (`.` `/` `(` `)` `:` …)
 * separates words like a space does.
 */
export function headerKey(s: string): string {
  return foldAscii(s).replace(/[^a-z0-9]+/g, ' ').trim().replace(/ /g, '_');
}
