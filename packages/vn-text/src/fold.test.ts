import { describe, expect, it } from 'vitest';
import { foldAscii, foldForMatch, headerKey, nfc } from './fold.ts';

describe('nfc', () => {
  it('composes NFD text: Bảo Yên as 9 code points becomes 7', () => {
    const nfd = 'Bảo Yên'.normalize('NFD');
    expect(nfd).toHaveLength(9);
    expect(nfc(nfd)).toBe('Bảo Yên');
    expect(nfc(nfd)).toHaveLength(7);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['Xuân Hoà', 'Xuân Hòa'],
    ['Thuỷ', 'Thủy'],
    ['Hoà', 'hòa'],
    ['XÃ BẢO HÀ', 'Xã Bảo Hà'],
    ['Xã Bảo Hà'.normalize('NFD'), 'xã bảo hà'],
    ["H'Mông", 'H Mông'],
    ['H’Mông', 'h-mông'],
    ['Khơ-me', 'khơ  me'],
    ['  Tân_Tiến  ', 'tân tiến'],
    ['ÐIỆN QUAN', 'Điện Quan'],
  ])('%s equals %s', (a, b) => {
    expect(foldForMatch(a)).toBe(foldForMatch(b));
  });

  it('keeps diacritics that distinguish names', () => {
    expect(foldForMatch('Lao')).not.toBe(foldForMatch('Lào'));
    expect(foldForMatch('Bảo Hà')).not.toBe(foldForMatch('Bao Ha'));
    expect(foldForMatch('Tân')).not.toBe(foldForMatch('Tấn'));
  });

  it('lower-cases Đ and gives readable NFC output', () => {
    expect(foldForMatch('Nghĩa Đô')).toBe('nghĩa đô');
    expect(foldForMatch('Xã Xuân Hòa')).toBe('xã xuân hoà');
    expect(foldForMatch('Người nước ngoài')).toBe('người nước ngoài');
  });
});

describe('foldAscii', () => {
  it('drops every diacritic and turns đ into d', () => {
    expect(foldAscii('Thị trấn Phố Ràng')).toBe('thi tran pho rang');
    expect(foldAscii('Xã Nghĩa Đô')).toBe('xa nghia do');
    expect(foldAscii("H'Mông")).toBe('h mong');
    expect(foldAscii('Bao Ha')).toBe(foldAscii('Bảo Hà'));
  });
});

describe('headerKey', () => {
  it('matches header spellings case-, accent-, space- and underscore-insensitively', () => {
    const keys = ['Mã  xã ', 'ma_xa', 'MÃ XÃ', 'Ma xa', 'Mã xã'.normalize('NFD')].map(headerKey);
    expect(new Set(keys)).toEqual(new Set(['ma_xa']));
  });

  it('drops punctuation to a stable key', () => {
    expect(headerKey('Thu nhập BQ/người/tháng')).toBe('thu_nhap_bq_nguoi_thang');
    expect(headerKey('Cư trú phân tán/vùng nguy cơ')).toBe('cu_tru_phan_tan_vung_nguy_co');
    expect(headerKey('Số thẻ (BHYT):')).toBe('so_the_bhyt');
    expect(headerKey('Thôn/bản')).not.toBe(headerKey('Thôn'));
  });
});
