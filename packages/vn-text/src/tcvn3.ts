import { TCVN3_BYTE_TO_UNICODE } from './tcvn3-table.ts';

// TCVN3 (ABC) is a single-byte code; a file typed in .VnTime fonts reaches us either as
// Latin-1 text (code point = byte) or as Windows-1252 text (exceljs, pandas). The two differ
// only in 0x80-0x9F, where the TCVN3 table has no letters, so one code-point lookup serves both.

/** Converts TCVN3 text decoded as Latin-1 or Windows-1252 to NFC Unicode, glyph by glyph. */
export function tcvn3ToUnicode(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3_BYTE_TO_UNICODE.get(ch.codePointAt(0)!) ?? ch;
  return out.normalize('NFC');
}

// Letters only Unicode Vietnamese has (outside Latin-1): ă đ ĩ ũ ơ ư and the precomposed
// tone letters. TCVN3 read as Latin-1 can never contain them.
const GENUINE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/u;

// Signs that are TCVN3 letters and practically never appear inside a word of Western text:
//  - a TCVN3 sign of U+00A1-U+00BE next to an ASCII letter (X·, T©n, Rµng, §i, L¸, S¬n);
//    « (ô) counts only after a letter, since French opens quotes with it; » (ằ) and the soft
//    hyphen (ư) are left out because Western text puts them after letters too;
//  - a lower-case ASCII letter followed by an upper-case Latin-1 glyph that TCVN3 uses for a
//    lower-case letter (trÊn, TiÕn, ThÞ, t×m);
//  - a soft hyphen (ư) followed by another non-ASCII glyph (D­¬ng, Ng­êi), where a Western
//    hyphenation hint would be followed by a letter a-z.
const SIGN_NEXT_TO_LETTER = /[A-Za-z][\u00A1-\u00AC\u00AE\u00B5-\u00B9\u00BC-\u00BE]|[\u00A1-\u00AA\u00AC\u00AE\u00B5-\u00B9\u00BC-\u00BE][A-Za-z]|[a-z][\u00C6-\u00DE]|\u00AD[\u00A1-\u00FE]/gu;
const NON_ASCII_WORD = /\S*[^\x00-\x7F]\S*/gu;

/** Number of TCVN3-typical glyph sequences in one text. */
export function tcvn3Hits(text: string): number {
  return text.match(SIGN_NEXT_TO_LETTER)?.length ?? 0;
}

/**
 * Decides for a whole file, from a sample of its cell texts, whether it is TCVN3 read as
 * Latin-1/Windows-1252. Any genuine Unicode Vietnamese letter rules it out. Otherwise it needs
 * two typical sequences, or one that accounts for at least half of the non-ASCII words (a
 * lone é in French or a name such as Müller gives none).
 */
export function looksLikeTcvn3(texts: string[]): boolean {
  let hits = 0;
  let nonAsciiWords = 0;
  for (const text of texts) {
    // NFC composes NFD Vietnamese into the precomposed letters tested for.
    if (GENUINE_VIETNAMESE.test(text.normalize('NFC'))) return false;
    hits += tcvn3Hits(text);
    nonAsciiWords += text.match(NON_ASCII_WORD)?.length ?? 0;
  }
  return hits >= 2 || (hits === 1 && nonAsciiWords <= 2);
}
