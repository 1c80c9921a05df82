// Which encoding a file's bytes are in. Unicode files say so (a BOM, or bytes that are valid
// UTF-8); legacy single-byte files do not, so every legacy code page Vietnamese machines wrote
// is tried and the one whose words read as Vietnamese syllables wins (syllable.ts). A file no
// candidate explains is refused with what was tried and how to save it again: a wrong guess
// would silently turn Nữ into Nýị and drop every woman from the figures.
import { decodeWindows1252 } from './cp1252.ts';
import { scoreSyllables, type SyllableScore } from './syllable.ts';
import { tcvn3ToUnicode } from './tcvn3.ts';
import { vniToUnicode } from './vni.ts';

export type LegacyEncoding = 'windows-1258' | 'tcvn3' | 'vni-windows' | 'windows-1252';
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

export interface LegacyCodec {
  encoding: LegacyEncoding;
  /** As people name it, for messages. */
  label: string;
  /** Bytes to characters; byte by byte, so a file can be decoded in chunks. */
  decode(bytes: Uint8Array): string;
  /** Glyphs to Unicode letters, on one cell (VNI letters span two characters, so never across a chunk boundary). */
  convert(text: string): string;
}

const win1258 = new TextDecoder('windows-1258');
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const same = (s: string) => s;

/** In order of preference when two read equally well: Excel's plain "CSV" on Vietnamese Windows first. */
export const LEGACY_CODECS: readonly LegacyCodec[] = [
  // Windows-1258 writes tone marks as combining characters after the letter: NFC joins them.
  { encoding: 'windows-1258', label: 'Windows-1258', decode: (b) => win1258.decode(b), convert: same },
  { encoding: 'tcvn3', label: 'TCVN3', decode: latin1, convert: tcvn3ToUnicode },
  { encoding: 'vni-windows', label: 'VNI-Windows', decode: decodeWindows1252, convert: vniToUnicode },
  { encoding: 'windows-1252', label: 'Windows-1252 / Latin-1', decode: decodeWindows1252, convert: same },
];

/** Share of non-ASCII words that must read as Vietnamese for a decoding to be taken. */
export const VIETNAMESE_SHARE = 0.8;

export type EncodingGuess =
  | { ok: true; encoding: TextEncodingName; codec?: LegacyCodec; score?: SyllableScore }
  | { ok: false; reason: string };

export function bomEncoding(buf: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8-bom';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

const share = (s: SyllableScore) => (s.words === 0 ? 1 : s.vietnamese / s.words);
const describe = (s: SyllableScore) => `${s.vietnamese} of ${s.words} words${s.example ? `, e.g. "${s.example}"` : ''}`;

/** The legacy code page that reads a sample of a file's bytes (not UTF-8) as Vietnamese, or why none does. */
export function guessLegacyEncoding(sample: Uint8Array): EncodingGuess {
  const tried = LEGACY_CODECS.map((codec) => ({ codec, score: scoreSyllables(codec.convert(codec.decode(sample))) }));
  // No word with a letter outside ASCII: nothing to convert, any single-byte reading will do.
  if (tried.every((t) => t.score.words === 0)) return { ok: true, encoding: tried[0]!.codec.encoding, codec: tried[0]!.codec, score: tried[0]!.score };
  const best = tried.reduce((a, b) => (share(b.score) > share(a.score) ? b : a));
  if (share(best.score) >= VIETNAMESE_SHARE && best.score.lostLetters === 0) {
    return { ok: true, encoding: best.codec.encoding, codec: best.codec, score: best.score };
  }
  const lost = tried.find((t) => t.score.lostLetters > 0)?.score;
  const reason = lost
    ? `its Vietnamese letters were replaced by "?" when it was saved (${lost.lostLetters} words, e.g. "${lost.example}"): it was saved in a code page without Vietnamese letters (Latin-1/ANSI), and they cannot be recovered`
    : `its text encoding is not recognised: no decoding reads its words as Vietnamese (tried UTF-8 — not valid; ${tried.map((t) => `${t.codec.label} — ${describe(t.score)}`).join('; ')})`;
  return { ok: false, reason: `${reason}. Open the original in Excel and save it as "CSV UTF-8 (Comma delimited) (*.csv)" (Lưu thành → CSV UTF-8), then run again` };
}

/** The encoding of a whole file's bytes: a BOM, valid UTF-8, or the legacy code page that reads as Vietnamese. */
export function guessEncoding(buf: Uint8Array): EncodingGuess {
  const bom = bomEncoding(buf);
  if (bom) return { ok: true, encoding: bom };
  if (isUtf8(buf)) return { ok: true, encoding: 'utf-8' };
  return guessLegacyEncoding(buf);
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
function isUtf8(buf: Uint8Array): boolean {
  try {
    utf8Fatal.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** A Unicode decoder for a BOM'd or UTF-8 file (stream-safe: keep one per file). */
export function unicodeDecoder(encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'): TextDecoder {
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
}

/**
 * Turns a whole file's bytes into text and says which encoding it was; throws
 * {@link UnknownEncodingError} when no encoding explains the bytes.
 */
export function decodeText(buf: Uint8Array): { text: string; encoding: TextEncodingName } {
  const guess = guessEncoding(buf);
  if (!guess.ok) throw new UnknownEncodingError(guess.reason);
  if (guess.codec) return { text: guess.codec.convert(guess.codec.decode(buf)), encoding: guess.encoding };
  // TextDecoder drops the BOM itself.
  return { text: unicodeDecoder(guess.encoding as 'utf-8').decode(buf), encoding: guess.encoding };
}

export class UnknownEncodingError extends Error {
  override name = 'UnknownEncodingError';
}

/**
 * For texts that are already Unicode but may hold legacy glyphs (cells of a workbook typed in
 * .VnTime or VNI fonts): the conversion that reads them as Vietnamese, or none.
 */
export function guessCellEncoding(sample: readonly string[]): LegacyCodec | undefined {
  const asIs = scoreSyllables(sample.join('\n'));
  if (share(asIs) >= VIETNAMESE_SHARE) return undefined;
  let best: { codec: LegacyCodec; share: number } | undefined;
  for (const codec of LEGACY_CODECS.filter((c) => c.convert !== same)) {
    const s = share(scoreSyllables(sample.map(codec.convert).join('\n')));
    if (s > share(asIs) && s >= VIETNAMESE_SHARE && (!best || s > best.share)) best = { codec, share: s };
  }
  return best?.codec;
}
