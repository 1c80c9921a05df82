// Unicode → the bytes legacy Vietnamese machines write, through iconv-lite (a real encoder), to
// write fixture files. Test-only: iconv-lite is a devDependency.
import iconv from 'iconv-lite';
import { unicodeToVni } from '@dtts/vn-text';

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * As Excel's plain "CSV" on Vietnamese Windows saves text: a letter Windows-1258 has is one byte,
 * any other is its toneless letter followed by the tone as a combining mark (Nữ → N ư U+0303).
 */
export function encodeWindows1258(text: string): Buffer {
  const spelled = [...text.normalize('NFC')].map((ch) => {
    if (!iconv.encode(ch, 'windows1258').equals(Buffer.from('?')) || ch === '?') return ch;
    const nfd = ch.normalize('NFD');
    const tone = nfd.match(TONE)?.[0] ?? '';
    return nfd.replace(TONE, '').normalize('NFC') + tone;
  }).join('');
  return iconv.encode(spelled, 'windows1258');
}

/** VNI-Windows: base letter plus diacritic glyphs, as the Windows-1252 bytes a VNI font shows. */
export function encodeVni(text: string): Buffer {
  return iconv.encode(unicodeToVni(text), 'windows1252');
}

/** Any iconv-lite encoding (letters it lacks become "?", as when Excel saves Vietnamese as Latin-1). */
export function encodeAs(text: string, encoding: string): Buffer {
  return iconv.encode(text, encoding);
}
