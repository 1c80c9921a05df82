import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTimeVn, formatNumber, formatValue } from './format.ts';

describe('Vietnamese formats', () => {
  it('uses dot thousands and comma decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2020, 0)).toBe('2.020');
    expect(formatValue(1850000, 'VND/person/month')).toBe('1.850.000 đ');
    expect(formatValue(97.25, '%')).toBe('97,3%');
    expect(formatValue(null, '%')).toBe('');
  });
  it('writes counts as whole numbers and yes/no as Có/Không, never with %', () => {
    expect(formatValue(1234, 'count')).toBe('1.234');
    expect(formatValue(0, 'count')).toBe('0');
    expect(formatValue(8.4, 'count')).toBe('8,4'); // a target: 70% of 12
    expect(formatValue(1, 'yes_no')).toBe('Có');
    expect(formatValue(0, 'yes_no')).toBe('Không');
  });
  it('writes dates as dd/mm/yyyy and times in Vietnam time', () => {
    expect(formatDate('2025-10-01')).toBe('01/10/2025');
    expect(formatDateTimeVn('2026-01-31T20:05:00Z')).toBe('01/02/2026 03:05');
  });
});
