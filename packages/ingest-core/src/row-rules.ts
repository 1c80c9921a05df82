// Row rules that several sources share, declared once (SOURCES.md §7): spread them into `rowChecks`.
import type { RowCheck } from './contract.ts';

/**
 * A person younger than `min` at an event is impossible. Age follows the census rule: the year of
 * the event minus the birth year (the year column where given, else the year of the birth date).
 * The rejection names whichever birth column the row gave.
 */
export function minAgeAtEvent(birth: { date: string; year: string }, event: string, min: number, who: string): RowCheck[] {
  const reason = `the ${who} would be younger than ${min} at the event (year of ${event} minus birth year): impossible`;
  return [
    { when: `${birth.year} IS NOT NULL AND year(${event}) - ${birth.year} < ${min}`, column: birth.year, reason },
    { when: `${birth.year} IS NULL AND year(${event}) - try_cast(left(${birth.date}, 4) AS INTEGER) < ${min}`, column: birth.date, reason },
  ];
}
