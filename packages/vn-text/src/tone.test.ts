import { describe, expect, it } from 'vitest';
import { canonicalToneWord, canonicalTones } from './tone.ts';

describe('canonicalToneWord', () => {
  it.each([
    ['hòa', 'hoà'], ['hoà', 'hoà'], ['thủy', 'thuỷ'], ['khỏe', 'khoẻ'],
    // a final consonant or a vowel with circumflex/breve/horn fixes the place already
    ['hoàn', 'hoàn'], ['hòan', 'hoàn'], ['tiến', 'tiến'], ['tíên', 'tiến'], ['người', 'người'], ['ngừơi', 'người'],
    // onsets qu and gi are not part of the vowel
    ['qúy', 'quý'], ['quý', 'quý'], ['gịa', 'giạ'], ['gìn', 'gìn'],
    // tone on the first vowel of other open pairs, on the middle one of triphthongs
    ['múa', 'múa'], ['muá', 'múa'], ['ngoaì', 'ngoài'], ['Thủy', 'Thuỷ'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalToneWord(input)).toBe(expected);
  });

  it('leaves words without exactly one tone mark alone (after NFC)', () => {
    expect(canonicalToneWord('Xuân')).toBe('Xuân');
    expect(canonicalToneWord('bcd')).toBe('bcd');
  });
});

describe('canonicalTones', () => {
  it('folds every syllable of a text and keeps the separators', () => {
    expect(canonicalTones('Xã Xuân Hòa, Thủy-Hòa')).toBe('Xã Xuân Hoà, Thuỷ-Hoà');
  });
});
