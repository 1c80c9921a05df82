import { VNI_TO_UNICODE } from './vni-table.ts';

// VNI-Windows writes a letter as its base letter followed by one or two diacritic glyphs
// (Vieät = Việt); read as Windows-1252 each spelling is one or two characters. Longest first.
const LONGEST = Math.max(...[...VNI_TO_UNICODE.keys()].map((k) => k.length));

/** Converts VNI-Windows text decoded as Windows-1252 (or as cells of a workbook typed in VNI fonts) to NFC Unicode. */
export function vniToUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    let matched = false;
    for (let len = LONGEST; len >= 1 && !matched; len--) {
      const letter = VNI_TO_UNICODE.get(s.slice(i, i + len));
      if (letter !== undefined) {
        out += letter;
        i += len;
        matched = true;
      }
    }
    if (!matched) out += s[i++];
  }
  return out.normalize('NFC');
}

const fromUnicode = new Map<string, string>();
for (const [vni, letter] of VNI_TO_UNICODE) if (!fromUnicode.has(letter)) fromUnicode.set(letter, vni);

/** Unicode → VNI-Windows (as Windows-1252 characters): to write legacy fixtures and test round trips. */
export function unicodeToVni(text: string): string {
  return [...text.normalize('NFC')].map((ch) => fromUnicode.get(ch) ?? ch).join('');
}
