import { finding } from '@dtts/messages';
import { describe, expect, it } from 'vitest';
import { parseBooleanVi, parseSex } from './parse-choice.ts';

describe('parseBooleanVi', () => {
  it.each(['Có', 'có', 'co', 'CÓ', 'x', 'X', '1', 'TRUE', 'true', 'Đúng', 'dung', 'yes', 'Có'.normalize('NFD')])('%s is true', (s) => {
    expect(parseBooleanVi(s)).toEqual({ ok: true, value: true });
  });
  it.each(['Không', 'khong', 'KHÔNG', '0', 'FALSE', 'false', 'Sai', 'no'])('%s is false', (s) => {
    expect(parseBooleanVi(s)).toEqual({ ok: true, value: false });
  });
  it('reads blank as unknown (null)', () => {
    expect(parseBooleanVi('')).toEqual({ ok: true, value: null });
    expect(parseBooleanVi('   ')).toEqual({ ok: true, value: null });
  });
  it('rejects anything else with a reason', () => {
    expect(parseBooleanVi('abc')).toEqual({ ok: false, finding: finding('not_yes_no') });
    expect(parseBooleanVi('2').ok).toBe(false);
  });
});

describe('parseSex', () => {
  it.each(['Nam', 'nam', 'NAM', '1'])('%s is Nam', (s) => {
    expect(parseSex(s)).toEqual({ ok: true, value: 'Nam' });
  });
  it.each(['Nữ', 'Nu', 'nữ', 'NỮ', '2', 'Nữ'.normalize('NFD')])('%s is Nữ', (s) => {
    expect(parseSex(s)).toEqual({ ok: true, value: 'Nữ' });
  });
  it.each([['Khác'], ['3'], ['x'], ['M'], ['F'], ['male']])('rejects %s (not a form SOURCES.md accepts)', (s) => {
    expect(parseSex(s)).toEqual({ ok: false, finding: finding('not_sex') });
  });
  it('rejects blank', () => {
    expect(parseSex(' ')).toEqual({ ok: false, finding: finding('value_missing') });
  });
});
