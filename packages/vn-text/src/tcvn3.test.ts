import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './cp1252.ts';
import { looksLikeTcvn3, tcvn3ToUnicode } from './tcvn3.ts';
import { TCVN3_BYTE_TO_UNICODE } from './tcvn3-table.ts';

/** TCVN3 bytes from a hex string as in name_encoding_examples.csv. */
const bytes = (hex: string) => Uint8Array.from(hex.split(' ').map((h) => Number.parseInt(h, 16)));
const asLatin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('tcvn3ToUnicode', () => {
  it.each([
    ['X· T©n TiÕn', 'Xã Tân Tiến'],
    ['ThÞ trÊn Phè Rµng', 'Thị trấn Phố Ràng'],
    ['X· NghÜa §«', 'Xã Nghĩa Đô'],
    ['X· T©n D\u00AD¬ng', 'Xã Tân Dương'],
    ['X· Th\u00ADîng Hµ', 'Xã Thượng Hà'],
    ['HuyÖn B¶o Yªn', 'Huyện Bảo Yên'],
    ['Ng\u00ADêi n\u00ADíc ngoµi', 'Người nước ngoài'],
    ['M«ng', 'Mông'],
    ['Thñy', 'Thủy'],
    ['Hßa', 'Hòa'],
  ])('%s → %s', (tcvn3, unicode) => {
    expect(tcvn3ToUnicode(tcvn3)).toBe(unicode);
  });

  it('gives the same result for Latin-1 and Windows-1252 decodings of the bytes', () => {
    const b = bytes('58 b7 20 54 68 ad ee 6e 67 20 48 b5');
    expect(tcvn3ToUnicode(asLatin1(b))).toBe('Xã Thượng Hà');
    expect(tcvn3ToUnicode(decodeWindows1252(b))).toBe('Xã Thượng Hà');
  });

  it('returns NFC and leaves ASCII alone', () => {
    const out = tcvn3ToUnicode('Xu©n Hoµ 123, ABC');
    expect(out).toBe('Xuân Hoà 123, ABC');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('uses a table of single bytes, none where Latin-1 and Windows-1252 differ', () => {
    expect(TCVN3_BYTE_TO_UNICODE.size).toBe(74);
    for (const b of TCVN3_BYTE_TO_UNICODE.keys()) expect(b >= 0xa1 && b <= 0xfe, b.toString(16)).toBe(true);
    expect(TCVN3_BYTE_TO_UNICODE.get(0xad)).toBe('ư');
    expect(TCVN3_BYTE_TO_UNICODE.get(0xa7)).toBe('Đ');
  });
});

describe('looksLikeTcvn3', () => {
  it('fires on TCVN3 cells', () => {
    expect(looksLikeTcvn3(['X· T©n TiÕn'])).toBe(true);
    expect(looksLikeTcvn3(['ThÞ trÊn Phè Rµng'])).toBe(true);
    expect(looksLikeTcvn3(['M«ng'])).toBe(true);
    expect(looksLikeTcvn3(['Ng\u00ADêi n\u00ADíc ngoµi'])).toBe(true);
    expect(looksLikeTcvn3(['HO001', 'NguyÔn V¨n A', 'Nam', 'Tµy', '1985'])).toBe(true);
  });

  it('does not fire on Unicode Vietnamese (NFC or NFD), ASCII or Western text', () => {
    expect(looksLikeTcvn3(['Xã Tân Tiến', 'Thị trấn Phố Ràng'])).toBe(false);
    expect(looksLikeTcvn3(['Xã Tân Hà'])).toBe(false);
    expect(looksLikeTcvn3(['Bảo Hà'.normalize('NFD')])).toBe(false);
    expect(looksLikeTcvn3(['ma_ho', 'HO001', 'Bao Ha', '1.500.000'])).toBe(false);
    expect(looksLikeTcvn3(['Café au lait', 'Müller', 'Straße', '« très »', '© 2020', '§ 3'])).toBe(false);
    expect(looksLikeTcvn3(['Silben\u00ADtrennung', 'élève'])).toBe(false);
    expect(looksLikeTcvn3(['Le café', 'une crème brûlée', 'Noël'])).toBe(false);
    expect(looksLikeTcvn3([])).toBe(false);
  });

  it('is ruled out by any genuine Unicode letter, even next to TCVN3-like glyphs', () => {
    expect(looksLikeTcvn3(['X· T©n TiÕn', 'Xã Bảo Hà'])).toBe(false);
  });
});
