// Indicators that publish the same denominator at the same grains: disclosure control suppresses
// their cells together, or one table would give back what another hides. Derived from the
// measures (same facts, same sums, same filters, same disaggregations), never listed by hand.
// Counts have no denominator, and indicators about units (villages, schools, …) are never
// suppressed: neither has anything to protect jointly.
import { computedIndicators } from './catalog.ts';
import type { ComputedIndicator, Measure } from './types.ts';

const norm = (sql: string | undefined) => (sql ?? 'true').replace(/\s+/g, ' ').trim().toLowerCase();

function denominatorKey(i: ComputedIndicator, d: Measure): string {
  const split = `${i.disaggregations.geography.join('|')};${i.disaggregations.ethnicGroup};${i.disaggregations.sex}`;
  const terms = [d, ...(d.plus ?? [])].map((t) => [t.fact, norm(t.sum), norm(t.where)].join('\u0001'));
  return [...terms, split].join('\u0000');
}

/** Groups of two or more indicator ids, in catalog order. */
export function sharedDenominators(indicators: readonly ComputedIndicator[] = computedIndicators): string[][] {
  const groups = new Map<string, string[]>();
  for (const i of indicators) {
    if (i.denominator === null || i.counts === 'units') continue;
    const key = denominatorKey(i, i.denominator);
    groups.set(key, [...(groups.get(key) ?? []), i.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export const SHARED_DENOMINATOR_GROUPS: string[][] = sharedDenominators();
