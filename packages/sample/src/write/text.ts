import type { FileStyle } from '../format/style.ts';
import { unicodeToTcvn3 } from './tcvn3.ts';

/** The file's text form: NFC as generated, NFD, or TCVN3 glyphs. */
export function textTransform(style: FileStyle): (s: string) => string {
  if (style.text === 'nfd') return (s) => s.normalize('NFD');
  if (style.text === 'tcvn3') return unicodeToTcvn3;
  return (s) => s;
}
