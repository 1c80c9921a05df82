export { nfc, foldForMatch, foldAscii, headerKey } from './fold.ts';
export { canonicalTones, canonicalToneWord } from './tone.ts';
export { stripUnitPrefix } from './unit-prefix.ts';
export { looksLikeTcvn3, tcvn3ToUnicode, tcvn3Hits } from './tcvn3.ts';
export { TCVN3_BYTE_TO_UNICODE } from './tcvn3-table.ts';
export { VNI_TO_UNICODE } from './vni-table.ts';
export { vniToUnicode, unicodeToVni } from './vni.ts';
export { isVietnameseSyllable, scoreSyllables, type SyllableScore } from './syllable.ts';
export { decodeWindows1252 } from './cp1252.ts';
export {
  decodeText, guessEncoding, guessLegacyEncoding, guessCellEncoding, bomEncoding, unicodeDecoder,
  UnknownEncodingError, LEGACY_CODECS, VIETNAMESE_SHARE,
} from './decode.ts';
export type { TextEncodingName, LegacyEncoding, LegacyCodec, EncodingGuess } from './decode.ts';
export type { ParseResult } from './result.ts';
export { parseVnInteger } from './parse-integer.ts';
export { parseDateLoose } from './parse-date.ts';
export type { LooseDate } from './parse-date.ts';
export { parseBooleanVi, parseSex } from './parse-choice.ts';
export type { Sex } from './parse-choice.ts';
