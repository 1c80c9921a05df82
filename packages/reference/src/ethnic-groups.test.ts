import { describe, expect, it } from 'vitest';
import { ethnicGroups, splitList, stripAnnotation } from './ethnic-groups.ts';

const group = (code: string) => ethnicGroups.find((g) => g.code === code);

describe('ethnicGroups', () => {
  it('has codes 01–55 in order; only 02–54 are minorities', () => {
    expect(ethnicGroups.map((g) => g.code)).toEqual(Array.from({ length: 55 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(ethnicGroups.filter((g) => !g.isMinority).map((g) => g.code)).toEqual(['01', '55']);
  });

  it('splits quoted other names on commas and variants on semicolons', () => {
    expect(group('08')).toMatchObject({
      name: 'HMông',
      otherNames: ['Mèo', 'Hoa', 'Mèo Xanh', 'Mèo Đỏ', 'Mèo Đen', 'Ná Mẻo', 'Mán Trắng'],
      variants: ['Mông', "H'Mông", "H'mông", 'Hmông', 'H Mông', 'H’Mông', 'Mèo'],
    });
    expect(group('22')?.otherNames).toEqual(['Xa-điêng']);
    expect(group('47')?.otherNames).toEqual([]);
  });

  it('strips researcher notes but keeps Vietnamese bracketed spellings', () => {
    expect(group('02')?.variants).toEqual(['Thổ']);
    expect(group('40')?.variants).toContain('Phú Lá');
    expect(group('01')?.variants).toEqual(['Kinh (Việt)', 'Việt']);
    expect(stripAnnotation('Hoa (Hán)')).toBe('Hoa (Hán)');
  });

  it('keeps code2008 null where unknown', () => {
    expect(group('04')?.code2008).toBe('06');
    expect(group('24')?.code2008).toBeNull();
  });

  it('splitList drops empty items', () => {
    expect(splitList(' a; ;b ;', ';')).toEqual(['a', 'b']);
  });
});
