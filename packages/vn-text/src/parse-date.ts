import { finding } from '@dtts/messages';
import { fail, ok, type ParseResult } from './result.ts';

/** A date that may be known only to the year (a birth year) or to the month. */
export interface LooseDate { year: number; month?: number; day?: number }

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug makes this the right epoch
// for every serial after 60). 20000-80000 covers 1954-2119 and cannot be a year.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checked(year: number, month?: number, day?: number): ParseResult<LooseDate> {
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(finding('date_impossible_year', { year }));
  if (month === undefined) return ok({ year });
  if (month < 1 || month > 12) return fail(finding('date_impossible_month', { month }));
  if (day === undefined) return ok({ year, month });
  if (day < 1 || day > daysInMonth(year, month)) return fail(finding('date_impossible_day', { day, month }));
  return ok({ year, month, day });
}

/**
 * Reads the date forms Vietnamese sources use. Day comes before month, always (never US
 * order). An ISO timestamp is what an Excel date cell becomes: its date part is taken as is.
 */
export function parseDateLoose(s: string): ParseResult<LooseDate> {
  const raw = s.trim();
  if (raw === '') return fail(finding('value_missing'));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(raw);
  if (dmy) return checked(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (my) return checked(Number(my[2]), Number(my[1]));
  if (/^\d{4}$/.test(raw)) return checked(Number(raw));
  if (/^\d{5}(?:\.\d+)?$/.test(raw)) {
    const serial = Math.floor(Number(raw));
    if (serial < 20000 || serial > 80000) return fail(finding('not_a_date'));
    const d = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
    return ok({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return fail(finding('not_a_date'));
}
