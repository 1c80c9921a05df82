import { finding } from '@dtts/messages';
import { describe, expect, it } from 'vitest';
import { parseDateLoose } from './parse-date.ts';

const full = { year: 2018, month: 9, day: 5 };

describe('parseDateLoose', () => {
  it.each(['05/09/2018', '5/9/2018', '2018-09-05', '05-09-2018', '5.9.2018', '2018-09-05T00:00:00.000Z', '2018-9-5', '43348'])(
    '%s is 5 September 2018',
    (input) => {
      expect(parseDateLoose(input)).toEqual({ ok: true, value: full });
    },
  );

  it('reads day before month, never US order', () => {
    expect(parseDateLoose('01/12/2020')).toEqual({ ok: true, value: { year: 2020, month: 12, day: 1 } });
    expect(parseDateLoose('12/25/2020').ok).toBe(false);
  });

  it('accepts a year alone and a month with year', () => {
    expect(parseDateLoose('1985')).toEqual({ ok: true, value: { year: 1985 } });
    const r = parseDateLoose('1985');
    if (r.ok) expect(r.value.month).toBeUndefined();
    expect(parseDateLoose('09/2018')).toEqual({ ok: true, value: { year: 2018, month: 9 } });
  });

  it('reads Excel serial numbers 20000-80000', () => {
    expect(parseDateLoose('44196')).toEqual({ ok: true, value: { year: 2020, month: 12, day: 31 } });
    expect(parseDateLoose('20000')).toEqual({ ok: true, value: { year: 1954, month: 10, day: 3 } });
    expect(parseDateLoose('19999').ok).toBe(false);
    expect(parseDateLoose('80001').ok).toBe(false);
  });

  it.each([
    ['31/02/2010', finding('date_impossible_day', { day: 31, month: 2 })],
    ['29/02/2019', finding('date_impossible_day', { day: 29, month: 2 })],
    ['01/13/2010', finding('date_impossible_month', { month: 13 })],
    ['2010-00-10', finding('date_impossible_month', { month: 0 })],
    ['0985', finding('date_impossible_year', { year: 985 })],
    ['abc', finding('not_a_date')],
    ['05/09/18', finding('not_a_date')],
    ['5/9-2018', finding('not_a_date')],
    ['', finding('value_missing')],
  ])('rejects %j', (input, expected) => {
    expect(parseDateLoose(input)).toEqual({ ok: false, finding: expected });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDateLoose('29/02/2020')).toEqual({ ok: true, value: { year: 2020, month: 2, day: 29 } });
  });
});
