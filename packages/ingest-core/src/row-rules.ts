// Row rules that several sources share, declared once (SOURCES.md §7): spread them into `rowChecks`.
import { finding } from '@dtts/messages';
import type { RowCheck } from './contract.ts';

/** Whose age a rule checks: each has its own finding (worded in @dtts/messages). */
const TOO_YOUNG = { mother: 'mother_too_young', husband: 'husband_too_young', wife: 'wife_too_young' } as const;

/**
 * A person younger than `min` at an event is impossible. Age follows the census rule: the year of
 * the event minus the birth year (the year column where given, else the year of the birth date).
 * The rejection names whichever birth column the row gave.
 */
export function minAgeAtEvent(birth: { date: string; year: string }, event: string, min: number, who: keyof typeof TOO_YOUNG): RowCheck[] {
  const found = finding(TOO_YOUNG[who], { min, event });
  return [
    { when: `${birth.year} IS NOT NULL AND year(${event}) - ${birth.year} < ${min}`, column: birth.year, finding: found },
    { when: `${birth.year} IS NULL AND year(${event}) - try_cast(left(${birth.date}, 4) AS INTEGER) < ${min}`, column: birth.date, finding: found },
  ];
}
