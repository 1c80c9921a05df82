import { describe, expect, it } from 'vitest';
import { eventDate, fullBirthDate, kilograms } from './measures.ts';
import type { ParseType } from './types.ts';

const ctx = { referenceDate: '2024-12-31', year: 2024 };
const parse = (type: ParseType, text: string) => {
  const r = type.schema(ctx).safeParse(text);
  return r.success ? { value: r.data } : { error: r.error.issues[0]?.message };
};

describe('kilograms', () => {
  it('reads a decimal comma or point, a whole number and a "kg" suffix', () => {
    expect(parse(kilograms(), '12,5')).toEqual({ value: '12.5' });
    expect(parse(kilograms(), '12.5')).toEqual({ value: '12.5' });
    expect(parse(kilograms(), '12')).toEqual({ value: '12' });
    expect(parse(kilograms(), '9,646')).toEqual({ value: '9.646' });
    expect(parse(kilograms(), '3 kg')).toEqual({ value: '3' });
  });
  it('never reads a separator as thousands: 1.250 is 1.25 kg', () => {
    expect(parse(kilograms(), '1.250')).toEqual({ value: '1.25' });
  });
  it('rejects 0, negative and unreadable weights with a reason', () => {
    expect(parse(kilograms(), '0').error).toContain('not above 0');
    expect(parse(kilograms(), '0,0').error).toContain('not above 0');
    expect(parse(kilograms(), '-3,2').error).toContain('not above 0');
    expect(parse(kilograms(), 'abc').error).toContain('not a weight');
    expect(parse(kilograms(), '1.250,5').error).toContain('not a weight');
  });
});

describe('eventDate', () => {
  it('takes a full date of YEAR in every form', () => {
    for (const t of ['15/06/2024', '15/6/2024', '2024-06-15', '15.06.2024']) expect(parse(eventDate(), t)).toEqual({ value: '2024-06-15' });
  });
  it('rejects a year or a month alone and a date outside YEAR', () => {
    expect(parse(eventDate(), '2024').error).toContain('no day');
    expect(parse(eventDate(), '06/2024').error).toContain('no day');
    expect(parse(eventDate(), '31/12/2023').error).toBe('date 31/12/2023 is not in 2024, the year of the file');
    expect(parse(eventDate(), '01/01/2025').error).toContain('not in 2024');
    expect(parse(eventDate(), '31/02/2024').error).toBeDefined();
  });
});

describe('fullBirthDate', () => {
  it('needs day and month, and no date after the reference date', () => {
    expect(parse(fullBirthDate(), '01/02/2022')).toEqual({ value: '2022-02-01' });
    expect(parse(fullBirthDate(), '2022').error).toContain('no day and month');
    expect(parse(fullBirthDate(), '01/01/2025').error).toContain('after the reference date 31/12/2024');
  });
});
