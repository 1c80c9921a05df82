import { finding } from '@dtts/messages';
import { describe, expect, it } from 'vitest';
import { parseVnInteger } from './parse-integer.ts';

describe('parseVnInteger', () => {
  it.each([
    ['1.500.000', 1500000], ['1 500 000', 1500000], ['1,500,000', 1500000], ['1500000', 1500000],
    ['1.500.000 đ', 1500000], ['1.500.000đ', 1500000], ['1.500.000 VNĐ', 1500000], ['1 500 000 vnd', 1500000],
    ['1\u00A0500\u00A0000', 1500000], ['1.500', 1500], ['0', 0], ['  42 ', 42],
    ['-1.500.000', -1500000], ['-5', -5], ['+7', 7],
  ])('%s → %d', (input, value) => {
    expect(parseVnInteger(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['12a', finding('not_a_number')],
    ['abc', finding('not_a_number')],
    ['', finding('value_missing')],
    ['đ', finding('not_a_number')],
  ])('rejects %j with a coded reason', (input, expected) => {
    expect(parseVnInteger(input)).toEqual({ ok: false, finding: expected });
  });

  it.each(['2.5', '1.5', '1,5', '1.50', '1.5000', '1.500,50', '1.500.00', '15.00.000', '1,500.000'])(
    'rejects %j: amounts are integers and separators group thousands',
    (input) => {
      const r = parseVnInteger(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['number_not_whole', 'number_mixed_separators']).toContain(r.finding.code);
    },
  );
});
