// Legacy files as real machines write them, encoded by iconv-lite (a real encoder): each is
// detected by reading its words as Vietnamese syllables, and converted back to the same text.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './cp1252.ts';
import { decodeText, guessCellEncoding, guessEncoding } from './decode.ts';
import { tcvn3ToUnicode } from './tcvn3.ts';
import { unicodeToVni } from './vni.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** Windows-1258 as Excel writes it: letters the code page lacks as toneless letter + combining tone. */
const win1258 = (text: string) => iconv.encode([...text].map((ch) => {
  if (!iconv.encode(ch, 'windows1258').equals(Buffer.from('?'))) return ch;
  const nfd = ch.normalize('NFD');
  return nfd.replace(TONE, '').normalize('NFC') + (nfd.match(TONE)?.[0] ?? '');
}).join(''), 'windows1258');

const CENSUS = 'Mã hộ;Họ tên;Giới tính;Dân tộc;Thôn\nH001;Hoàng Thị Nữ;Nữ;Mông;Bản Phìn Hồ\nH002;Lý Văn Thượng;Nam;Dao;Khuổi Phường\nH003;Vàng Thị Mỷ;Nữ;Tày;Nặm Rịa\n';

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ma_xa;ten_xa\n02989;Xã Bảo Hà\n')]);
    expect(decodeText(buf)).toEqual({ text: 'ma_xa;ten_xa\n02989;Xã Bảo Hà\n', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE with a BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Xã Bảo Hà', 'utf16le')]);
    expect(decodeText(buf)).toEqual({ text: 'Xã Bảo Hà', encoding: 'utf-16le' });
  });

  it('reads valid UTF-8 (and plain ASCII) as utf-8', () => {
    expect(decodeText(Buffer.from('Thị trấn Phố Ràng'))).toEqual({ text: 'Thị trấn Phố Ràng', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('a,b\n1,2\n')).encoding).toBe('utf-8');
  });

  it('detects TCVN3 bytes and converts them', () => {
    const buf = latin1('ma_xa,ten_xa\n02950,X· T©n TiÕn\n02947,ThÞ trÊn Phè Rµng\n');
    expect(decodeText(buf)).toEqual({ text: 'ma_xa,ten_xa\n02950,Xã Tân Tiến\n02947,Thị trấn Phố Ràng\n', encoding: 'tcvn3' });
  });

  it('detects Windows-1258 with combining tone marks (Excel "CSV" on Vietnamese Windows): Nữ stays Nữ', () => {
    const buf = win1258(CENSUS);
    // The fixture really is Windows-1258 with a combining tilde: ư (0xFD) then U+0303 (0xDE).
    expect(buf.includes(Buffer.from([0x4e, 0xfd, 0xde]))).toBe(true);
    const got = decodeText(buf);
    expect(got.encoding).toBe('windows-1258');
    expect(got.text.normalize('NFC')).toBe(CENSUS);
  });

  it('detects VNI-Windows bytes and converts them', () => {
    const buf = iconv.encode(unicodeToVni(CENSUS), 'windows1252');
    expect(buf.toString('latin1')).toContain('Hoaøng Thò Nöõ');
    expect(decodeText(buf)).toEqual({ text: CENSUS, encoding: 'vni-windows' });
  });

  it('reads the VNI spellings of the reference examples', () => {
    // name_encoding_examples.csv, column vni_as_cp1252
    expect(decodeText(iconv.encode('Thò traán Phoá Raøng;Xaõ Nghóa Ñoâ;Xaõ Thöôïng Haø', 'windows1252')).text).toBe('Thị trấn Phố Ràng;Xã Nghĩa Đô;Xã Thượng Hà');
  });

  it('refuses a Latin-1 file whose Vietnamese letters became "?", naming the cause and how to re-save', () => {
    const buf = iconv.encode('Mã hộ,Họ tên chủ hộ\nH001,Hoàng Văn Hải\n', 'latin1');
    expect(buf.toString('latin1')).toContain('Mã h?');
    expect(() => decodeText(buf)).toThrow(/replaced by "\?".*e\.g\. "h\?".*CSV UTF-8/s);
  });

  it('refuses text no candidate reads as Vietnamese, listing the encodings tried', () => {
    const buf = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(() => decodeText(buf)).toThrow(/not recognised.*UTF-8.*Windows-1258 — 0 of 2 words.*TCVN3.*VNI-Windows.*Windows-1252.*CSV UTF-8/s);
  });

  it('tells each legacy encoding from the others on the same text', () => {
    const text = 'Xã Tân Tiến, Thị trấn Phố Ràng, Người nước ngoài, Nguyễn Thị Hường';
    expect(guessEncoding(win1258(text))).toMatchObject({ ok: true, encoding: 'windows-1258' });
    expect(guessEncoding(iconv.encode(unicodeToVni(text), 'windows1252'))).toMatchObject({ ok: true, encoding: 'vni-windows' });
    expect(guessEncoding(iconv.encode(text, 'tcvn'))).toMatchObject({ ok: true, encoding: 'tcvn3' });
  });
});

describe('guessCellEncoding', () => {
  it('leaves Unicode cells alone and finds TCVN3 and VNI glyphs in cells', () => {
    expect(guessCellEncoding(['Xã Tân Tiến', 'Nữ', 'Mông'])).toBeUndefined();
    expect(guessCellEncoding(['X· T©n TiÕn', 'N÷', 'M«ng'])?.encoding).toBe('tcvn3');
    expect(tcvn3ToUnicode('N÷')).toBe('Nữ');
    expect(guessCellEncoding(['Xaõ Taân Tieán', 'Nöõ', 'Moâng'])?.encoding).toBe('vni-windows');
    expect(guessCellEncoding(['Ma ho', 'H001'])).toBeUndefined();
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to the Windows characters, not C1 controls, and keeps Latin-1 elsewhere', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0x9f, 0xe9, 0x41]))).toBe('€’Ÿé' + 'A');
    expect(decodeWindows1252(Uint8Array.from([0x81]))).toBe('\u0081');
  });
});

describe('scoring details', () => {
  it('takes abbreviations without vowels (ĐVHC) as no evidence either way, and symbols in words as evidence against', async () => {
    const { scoreSyllables } = await import('./syllable.ts');
    expect(scoreSyllables('Mã ĐVHC, Thôn/bản')).toMatchObject({ words: 3, vietnamese: 3 });
    expect(scoreSyllables('M· §VHC')).toMatchObject({ words: 2, vietnamese: 0 });
    expect(guessCellEncoding(['M· §VHC', 'Th«n/b¶n', 'Tªn chñ hé'])?.encoding).toBe('tcvn3');
  });
});

describe('issue 13, as delivered', () => {
  it('a Windows-1258 file with plain (ASCII) headers is still read as Windows-1258, not TCVN3', () => {
    const text = 'ma_ho,stt,gioi_tinh,dan_toc,thon\nH001,1,Nữ,Mông,Bản Phìn Hồ\nH001,2,Nam,Mông,Bản Phìn Hồ\nH002,1,Nữ,Dao,Khuổi Phường\n';
    const got = decodeText(win1258(text));
    expect(got.encoding).toBe('windows-1258');
    expect(got.text.normalize('NFC')).toBe(text);
  });

  it('a title typed in Windows-1258 (UBND TỈNH LÀO CAI) is not taken for TCVN3', () => {
    const text = 'UBND TỈNH LÀO CAI\nMã hộ;Họ tên chủ hộ\nH001;Hoàng Thị Nữ\n';
    expect(decodeText(win1258(text))).toMatchObject({ encoding: 'windows-1258' });
  });
});
