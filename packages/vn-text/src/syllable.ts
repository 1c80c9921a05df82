// Is a word a Vietnamese syllable? The test that tells a right decoding of legacy bytes from a
// wrong one: a wrong code page turns Nữ into Nýị or X· and Tân into T©n, which no syllable spells.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])';
// Every vowel nucleus Vietnamese writes, with the glide of closed syllables (oa, uy, uyê…).
const NUCLEUS = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ưu', 'ươ', 'uy', 'yê',
  'iêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu', 'yêu',
].sort((a, b) => b.length - a.length).join('|');
const CODA = '(?:ch|ng|nh|[cmnpt])';
const SYLLABLE = new RegExp(`^${ONSET}?(?:${NUCLEUS})${CODA}?$`, 'u');

/** True for one written syllable (any case, any tone placement, at most one tone mark). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  if ((decomposed.match(TONES)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

// Words are separated by spaces, CSV punctuation and ASCII signs; the Windows quotes and dashes
// (no legacy code page puts a letter there) are trimmed off a word's ends.
const SEPARATORS = /[\s,;:"()[\]{}<>/\\|.!*+=&%#@$^~`_0-9-]+/u;
const TRIM = /^[\u2010-\u2026'’‘“”]+|[\u2010-\u2026'’‘“”]+$/gu;
const LOST_LETTER = /\p{L}\?|\?\p{L}/u;

export interface SyllableScore {
  /** Words with a letter outside ASCII, or a `?` standing for a lost letter. */
  words: number;
  /** Of those, the ones that are Vietnamese syllables (or hyphen/apostrophe-joined ones: H'Mông). */
  vietnamese: number;
  /** The first word that is not, to show in a message. */
  example?: string;
  /** Words where a `?` stands for a letter (a file saved in a code page without Vietnamese). */
  lostLetters: number;
}

/** Scores a text: how many of its non-ASCII words read as Vietnamese syllables. */
export function scoreSyllables(text: string, into: SyllableScore = { words: 0, vietnamese: 0, lostLetters: 0 }): SyllableScore {
  for (const raw of text.split(SEPARATORS)) {
    const word = raw.replace(TRIM, '');
    if (word === '' || !/\p{L}/u.test(word)) continue;
    const lost = LOST_LETTER.test(word);
    // eslint-disable-next-line no-control-regex
    if (!lost && /^[\x00-\x7f]*$/.test(word)) continue;
    // Abbreviations (ĐVHC, TĐC) are letters without a vowel: no syllable, but no evidence either.
    if (!lost && /^[\p{L}\p{M}]+$/u.test(word) && !/[aeiouy]/iu.test(word.normalize('NFD').replace(/\p{M}/gu, ''))) continue;
    into.words++;
    if (lost) into.lostLetters++;
    if (!lost && word.split(/['’]/u).every((part) => part === '' || /^[\x00-\x7f]+$/.test(part) || isVietnameseSyllable(part))) into.vietnamese++;
    else into.example ??= word;
  }
  return into;
}
