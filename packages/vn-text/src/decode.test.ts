import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './cp1252.ts';
import { decodeText } from './decode.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

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

  it('falls back to Windows-1252 for other legacy text, with its 0x80-0x9F characters', () => {
    const buf = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x80]);
    expect(decodeText(buf)).toEqual({ text: 'Café “x” €', encoding: 'windows-1252' });
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to the Windows characters, not C1 controls, and keeps Latin-1 elsewhere', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0x9f, 0xe9, 0x41]))).toBe('€’Ÿé' + 'A');
    expect(decodeWindows1252(Uint8Array.from([0x81]))).toBe('\u0081');
  });
});
