import { describe, expect, it } from 'vitest';
import { stripUnitPrefix } from './unit-prefix.ts';

describe('stripUnitPrefix', () => {
  it.each([
    ['Xã Bảo Hà', 'Bảo Hà'], ['xã Bảo Hà', 'Bảo Hà'], ['XÃ BẢO HÀ', 'BẢO HÀ'], ['Xa Bao Ha', 'Bao Ha'],
    ['Bảo Hà', 'Bảo Hà'], ['Thị trấn Phố Ràng', 'Phố Ràng'], ['THỊ TRẤN PHỐ RÀNG', 'PHỐ RÀNG'],
    ['Thi tran Pho Rang', 'Pho Rang'], ['TT Phố Ràng', 'Phố Ràng'], ['TT. Phố Ràng', 'Phố Ràng'],
    ['tt.Phố Ràng', 'Phố Ràng'], ['Phường Kim Tân', 'Kim Tân'], ['P. Kim Tân', 'Kim Tân'],
    ['  Xã   Tân An ', 'Tân An'], ['Xã Bảo Hà'.normalize('NFD'), 'Bảo Hà'],
  ])('%s → %s', (input, expected) => {
    expect(stripUnitPrefix(input)).toBe(expected);
  });

  it('does not cut names that merely start with the same letters', () => {
    expect(stripUnitPrefix('Xuân Hòa')).toBe('Xuân Hòa');
    expect(stripUnitPrefix('Tân Tiến')).toBe('Tân Tiến');
    expect(stripUnitPrefix('Phúc Khánh')).toBe('Phúc Khánh');
    expect(stripUnitPrefix('TTân')).toBe('TTân');
  });

  it('keeps a bare prefix rather than returning nothing', () => {
    expect(stripUnitPrefix('Xã')).toBe('Xã');
  });
});
