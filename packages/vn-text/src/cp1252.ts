// Node's TextDecoder treats 'windows-1252' as Latin-1 (bytes 0x80-0x9F come out as C1
// controls), so the 27 printable characters Windows-1252 puts there are mapped here.
// Positions marked undefined (0x81 0x8D 0x8F 0x90 0x9D) are unassigned and kept as Latin-1.
const HIGH: readonly (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

/** Decodes bytes as Windows-1252 (the "ANSI" code page of Western and Vietnamese Windows). */
export function decodeWindows1252(buf: Uint8Array): string {
  let out = '';
  for (const byte of buf) {
    out += byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] ?? String.fromCharCode(byte)) : String.fromCharCode(byte);
  }
  return out;
}
