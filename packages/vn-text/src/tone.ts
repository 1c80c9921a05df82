// Vietnamese has two accepted tone placements (hoà/hòa, thuỷ/thủy, and typists' variants),
// so two spellings of one name differ only in where the tone mark sits. To compare them we
// move the single tone mark of each syllable to one canonical vowel.

/** The five tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = 'aeiouyAEIOUY';
const SPLIT_PAIRS = new Set(['oa', 'oe', 'uy']);

/** A letter plus its combining marks (after NFD, without tone). */
type Cluster = string;

const isVowel = (c: Cluster): boolean => VOWELS.includes(c[0] ?? '');
/** Circumflex, breve or horn: these vowels carry the tone whatever the style. */
const hasQuality = (c: Cluster): boolean => c.length > 1;

/** Index of the cluster that should carry the tone, or -1 when there is no vowel. */
export function toneIndex(clusters: Cluster[]): number {
  const lower = clusters.map((c) => (c[0] ?? '').toLowerCase());
  let start = lower.findIndex((_, i) => isVowel(clusters[i]!));
  if (start < 0) return -1;
  // "qu" and "gi" (before another vowel) are onsets, not part of the vowel nucleus.
  const nextIsVowel = start + 1 < clusters.length && isVowel(clusters[start + 1]!);
  if (nextIsVowel && ((lower[start] === 'u' && lower[start - 1] === 'q') || (lower[start] === 'i' && lower[start - 1] === 'g' && start === 1))) {
    start += 1;
  }
  let end = start;
  while (end < clusters.length && isVowel(clusters[end]!)) end++;
  const nucleus = clusters.slice(start, end);
  const quality = nucleus.map(hasQuality).lastIndexOf(true);
  if (quality >= 0) return start + quality;
  if (end < clusters.length || nucleus.length === 1) return end - 1;
  if (nucleus.length === 2) return SPLIT_PAIRS.has(lower[start]! + lower[start + 1]!) ? start + 1 : start;
  return start + 1;
}

/** Moves the tone mark of one word to its canonical vowel; words with 0 or 2+ tone marks are only NFC'd. */
export function canonicalToneWord(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones?.length !== 1) return word.normalize('NFC');
  const clusters = decomposed.replace(TONE_MARKS, '').match(/\P{M}\p{M}*/gu) ?? [];
  const at = toneIndex(clusters);
  if (at < 0) return word.normalize('NFC');
  clusters[at] = clusters[at] + tones[0]!;
  return clusters.join('').normalize('NFC');
}

/** Applies {@link canonicalToneWord} to every run of letters in a text. */
export function canonicalTones(text: string): string {
  return text.normalize('NFD').replace(/[\p{L}\p{M}]+/gu, canonicalToneWord).normalize('NFC');
}
