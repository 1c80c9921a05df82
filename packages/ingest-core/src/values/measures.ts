// Value types of the §7 sources (health, civil registration): kilograms, and dates of an event
// that must carry a day and fall in the year of the file (SOURCES.md §7).
import { finding } from '@dtts/messages';
import { nfc, parseDateLoose } from '@dtts/vn-text';
import { parseType, type ParseType } from './types.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A weight in kilograms, > 0: `12,5`, `12.5`, `12`, `12,5 kg`. The comma or point is a decimal
 * separator (kilograms have no thousands separator), so `1.250` is 1.25 kg.
 */
export function kilograms(): ParseType {
  return parseType('DOUBLE', (t) => {
    const text = nfc(t).trim().replace(/\s*kg\.?$/iu, '');
    const m = /^([-\u2212+]?)(\d+)(?:[.,](\d+))?$/u.exec(text);
    if (!m) return { ok: false, finding: finding('not_a_weight') };
    const kg = Number(`${m[1] === '' || m[1] === '+' ? '' : '-'}${m[2]}.${m[3] ?? '0'}`);
    if (!(kg > 0)) return { ok: false, finding: finding('weight_not_positive') };
    return { ok: true, value: String(kg) };
  }, {
    // Scales read to 0,1 kg: the least weight above 0 a form takes is 0,1 (example 12,5).
    input: { kind: 'decimal', range: () => ({ min: 0.1 }), decimals: 1 },
  });
}

/**
 * The date of an event recorded in the year's file (a delivery, a weighing, a marriage): a full
 * date (a year or a month alone is rejected: ages in days need the day) that falls in YEAR.
 */
export function eventDate(): ParseType {
  return parseType('DATE', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (month === undefined || day === undefined) return { ok: false, finding: finding('date_no_day') };
    if (year !== ctx.year) return { ok: false, finding: finding('date_not_in_year', { year: ctx.year }) };
    return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
  }, { input: { kind: 'date', range: (ctx) => ({ min: `${ctx.year}-01-01`, max: `${ctx.year}-12-31` }) } });
}

/** A birth date that must be full (day and month: ages in days need them), not after the reference date. */
export function fullBirthDate(): ParseType {
  return parseType('DATE', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (month === undefined || day === undefined) return { ok: false, finding: finding('birth_date_not_full') };
    const iso = `${year}-${pad2(month)}-${pad2(day)}`;
    if (iso > ctx.referenceDate) return { ok: false, finding: finding('birth_date_after_reference', { referenceDate: ctx.referenceDate }) };
    return { ok: true, value: iso };
  }, { input: { kind: 'date', range: (ctx) => ({ min: '1890-01-01', max: ctx.referenceDate }) } });
}
