import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '@dtts/messages';
import { eventDate, fullBirthDate, kilograms } from './measures.ts';
import type { ParseType } from './types.ts';

const ctx = { referenceDate: '2024-12-31', year: 2024 };
const parse = (type: ParseType, text: string) => {
  const r = type.schema(ctx).safeParse(text);
  const issue = r.success ? undefined : (r.error.issues[0] as { params?: { finding?: Finding } } | undefined);
  return r.success ? { value: r.data } : { error: issue?.params?.finding };
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
  it('rejects 0, negative and unreadable weights with a finding', () => {
    expect(parse(kilograms(), '0').error).toEqual(finding('weight_not_positive'));
    expect(parse(kilograms(), '0,0').error).toEqual(finding('weight_not_positive'));
    expect(parse(kilograms(), '-3,2').error).toEqual(finding('weight_not_positive'));
    expect(parse(kilograms(), 'abc').error).toEqual(finding('not_a_weight'));
    expect(parse(kilograms(), '1.250,5').error).toEqual(finding('not_a_weight'));
  });
});

describe('eventDate', () => {
  it('takes a full date of YEAR in every form', () => {
    for (const t of ['15/06/2024', '15/6/2024', '2024-06-15', '15.06.2024']) expect(parse(eventDate(), t)).toEqual({ value: '2024-06-15' });
  });
  it('rejects a year or a month alone and a date outside YEAR', () => {
    expect(parse(eventDate(), '2024').error).toEqual(finding('date_no_day'));
    expect(parse(eventDate(), '06/2024').error).toEqual(finding('date_no_day'));
    expect(parse(eventDate(), '31/12/2023').error).toEqual(finding('date_not_in_year', { year: 2024 }));
    expect(parse(eventDate(), '01/01/2025').error).toEqual(finding('date_not_in_year', { year: 2024 }));
    expect(parse(eventDate(), '31/02/2024').error).toBeDefined();
  });
});

describe('fullBirthDate', () => {
  it('needs day and month, and no date after the reference date', () => {
    expect(parse(fullBirthDate(), '01/02/2022')).toEqual({ value: '2022-02-01' });
    expect(parse(fullBirthDate(), '2022').error).toEqual(finding('birth_date_not_full'));
    expect(parse(fullBirthDate(), '01/01/2025').error).toEqual(finding('birth_date_after_reference', { referenceDate: '2024-12-31' }));
  });
});
