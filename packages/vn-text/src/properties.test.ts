// Property-based tests (fast-check) for the text functions and cell parsers: on any input they
// never throw, normalisation and folding are idempotent and stable across NFC/NFD and tone
// placement, and legacy encodings round-trip. Seeded, so every run checks the same cases.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isMessageCode } from '@dtts/messages';
import { guessCellEncoding, guessEncoding } from './decode.ts';
import { foldAscii, foldForMatch, headerKey, nfc } from './fold.ts';
import { parseBooleanVi, parseSex } from './parse-choice.ts';
import { parseDateLoose } from './parse-date.ts';
import { parseVnInteger } from './parse-integer.ts';
import { isVietnameseSyllable, scoreSyllables } from './syllable.ts';
import { tcvn3ToUnicode } from './tcvn3.ts';
import { canonicalTones } from './tone.ts';
import { stripUnitPrefix } from './unit-prefix.ts';
import { unicodeToVni, vniToUnicode } from './vni.ts';

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** Windows-1258 as Excel writes it: letters the code page lacks as toneless letter + combining tone. */
const win1258 = (text: string) => iconv.encode([...text].map((ch) => {
  if (!iconv.encode(ch, 'windows1258').equals(Buffer.from('?'))) return ch;
  const nfd = ch.normalize('NFD');
  return nfd.replace(TONE, '').normalize('NFC') + (nfd.match(TONE)?.[0] ?? '');
}).join(''), 'windows1258');

const params = { seed: 20261130, numRuns: 300 };
const check = (p: fc.IProperty<unknown> | fc.IAsyncProperty<unknown>) => fc.assert(p as fc.IProperty<unknown>, params);

// Any text, weighted towards what sources hold: Vietnamese letters (NFC and NFD), digits, separators.
const VI_CHARS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789.,-/\'_'];
const viText = fc.array(fc.constantFrom(...VI_CHARS), { maxLength: 40 }).map((cs) => cs.join(''));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), viText, viText.map((s) => s.normalize('NFD')));

// Real syllables, to build Vietnamese text in any of the spellings sources use.
const SYLLABLES = ['Nữ', 'Nam', 'Hoàng', 'Thị', 'Văn', 'Lý', 'Tân', 'Tiến', 'Phố', 'Ràng', 'Bảo', 'Yên', 'Người', 'nước', 'ngoài', 'Mông', 'Dao', 'Tày', 'Nùng', 'Giáy',
  'Phù', 'Lá', 'Xuân', 'Thượng', 'Hà', 'Nghĩa', 'Đô', 'Khánh', 'Phúc', 'Điện', 'Quan', 'Vĩnh', 'Sơn', 'Lương', 'hộ', 'nghèo', 'Khuổi', 'Nặm', 'Rịa', 'Thủy', 'Hoà', 'khoẻ', 'quyết', 'giữ'];
const viSentence = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 6, maxLength: 20 }).map((w) => w.join(' '));

describe('never throw, on any input', () => {
  const fns: [string, (s: string) => unknown][] = [
    ['parseVnInteger', parseVnInteger], ['parseDateLoose', parseDateLoose], ['parseBooleanVi', parseBooleanVi], ['parseSex', parseSex],
    ['stripUnitPrefix', stripUnitPrefix], ['foldForMatch', foldForMatch], ['foldAscii', foldAscii], ['headerKey', headerKey],
    ['canonicalTones', canonicalTones], ['tcvn3ToUnicode', tcvn3ToUnicode], ['vniToUnicode', vniToUnicode], ['scoreSyllables', scoreSyllables],
    ['isVietnameseSyllable', isVietnameseSyllable], ['guessCellEncoding', (s) => guessCellEncoding([s])],
  ];
  for (const [name, fn] of fns) it(name, () => check(fc.property(anyText, (s) => { fn(s); })));

  it('parsers return ok with a value or a finding of the catalogue', () => {
    check(fc.property(anyText, (s) => {
      for (const r of [parseVnInteger(s), parseDateLoose(s), parseBooleanVi(s), parseSex(s)]) {
        expect(r.ok ? 'value' in r : isMessageCode(r.finding.code)).toBe(true);
      }
    }));
  });

  it('guessEncoding on any bytes gives an encoding or a reason that says how to re-save', () => {
    check(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const g = guessEncoding(bytes);
      expect(g.ok || /CSV UTF-8/.test(g.reason)).toBe(true);
    }));
  });
});

describe('normalisation and folding', () => {
  it('nfc is idempotent', () => check(fc.property(anyText, (s) => { expect(nfc(nfc(s))).toBe(nfc(s)); })));
  it('foldForMatch and headerKey are idempotent', () => {
    check(fc.property(anyText, (s) => {
      expect(foldForMatch(foldForMatch(s))).toBe(foldForMatch(s));
      expect(headerKey(headerKey(s))).toBe(headerKey(s));
    }));
  });
  it('folding does not see NFC/NFD, case or tone placement', () => {
    check(fc.property(viText, (s) => {
      expect(foldForMatch(s.normalize('NFD'))).toBe(foldForMatch(s));
      expect(foldForMatch(s.toUpperCase())).toBe(foldForMatch(s.toLowerCase()));
      expect(foldForMatch(canonicalTones(s))).toBe(foldForMatch(s));
    }));
  });
  it('foldAscii gives ASCII for Vietnamese text', () => check(fc.property(viText, (s) => { expect(foldAscii(s)).toMatch(/^[\x00-\x7f]*$/); })));
});

describe('round trips', () => {
  it('integers written with "." thousands read back', () => {
    check(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      expect(parseVnInteger(n.toLocaleString('de-DE'))).toEqual({ ok: true, value: n });
    }));
  });
  it('dates written dd/mm/yyyy read back', () => {
    check(fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (d) => {
      const [day, month, year] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
      const text = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
      expect(parseDateLoose(text)).toEqual({ ok: true, value: { year, month, day } });
    }));
  });
  it('VNI: unicode → VNI → unicode', () => check(fc.property(viSentence, (s) => { expect(vniToUnicode(unicodeToVni(s))).toBe(s); })));
  it('TCVN3 (iconv-lite "tcvn") → unicode, for lower-case text', () => {
    check(fc.property(viSentence.map((s) => s.toLowerCase()), (s) => { expect(tcvn3ToUnicode(iconv.encode(s, 'tcvn').toString('latin1'))).toBe(s); }));
  });
  it('each legacy encoding of Vietnamese text is recognised as itself and decodes to the text', () => {
    check(fc.property(viSentence, (s) => {
      const vni = iconv.encode(unicodeToVni(s), 'windows1252');
      expect(guessEncoding(vni)).toMatchObject({ ok: true, encoding: 'vni-windows' });
      const tcvn = iconv.encode(s.toLowerCase(), 'tcvn');
      expect(guessEncoding(tcvn)).toMatchObject({ ok: true, encoding: 'tcvn3' });
      const w1258 = win1258(s);
      expect(w1258.includes(0x3f)).toBe(false);
      expect(guessEncoding(w1258)).toMatchObject({ ok: true, encoding: 'windows-1258' });
      expect(new TextDecoder('windows-1258').decode(w1258).normalize('NFC')).toBe(s);
    }));
  });
});
