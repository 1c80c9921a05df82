import { UNICODE_TO_TCVN3 } from './tcvn3-encode-table.ts';

/** Unicode text → TCVN3 as Latin-1 characters, what a cell typed in a .VnTime font holds. */
export function unicodeToTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += UNICODE_TO_TCVN3.get(ch) ?? ch;
  return out;
}
