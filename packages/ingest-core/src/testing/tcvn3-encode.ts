// Unicode → TCVN3 (as Latin-1 characters), to write legacy-encoded fixture files.
import { TCVN3_BYTE_TO_UNICODE } from '@dtts/vn-text';

const toTcvn3 = new Map<string, string>();
for (const [byte, letter] of TCVN3_BYTE_TO_UNICODE) if (!toTcvn3.has(letter)) toTcvn3.set(letter, String.fromCharCode(byte));

/** Letters with no TCVN3 code (capitals with tone marks) are written as the lower-case glyph, as .VnTime typists did. */
export function encodeTcvn3(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => toTcvn3.get(ch) ?? toTcvn3.get(ch.toLowerCase()) ?? ch)
    .join('');
}
