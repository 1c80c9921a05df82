import { decodeWindows1252 } from './cp1252.ts';
import { looksLikeTcvn3, tcvn3ToUnicode } from './tcvn3.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'tcvn3' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });

// How many cells to look at when guessing TCVN3: enough to see names, cheap on big files.
const SAMPLE_CELLS = 2000;

/**
 * Turns a file's bytes into text and says which encoding it was. Order: a BOM decides;
 * valid UTF-8 is UTF-8 (legacy single-byte Vietnamese text is almost never valid UTF-8);
 * otherwise the bytes are a legacy code page, TCVN3 when a sample of cells looks like it
 * (converted to Unicode), else Windows-1252. The caller logs `encoding`.
 */
export function decodeText(buf: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: a legacy single-byte code page
  }
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  const cells = latin1.split(/[\r\n,;\t]+/).filter((c) => c.trim() !== '').slice(0, SAMPLE_CELLS);
  if (looksLikeTcvn3(cells)) return { text: tcvn3ToUnicode(latin1), encoding: 'tcvn3' };
  return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
}
