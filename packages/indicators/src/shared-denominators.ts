// Indicators that publish the same denominator at the same grains: disclosure control suppresses
// their cells together, or one table would give back what another hides. Derived from the
// measures (same fact, same sum, same filter, same disaggregations), never listed by hand.
import { computedIndicators } from './computed.ts';
import type { ComputedIndicator } from './types.ts';

const norm = (sql: string | undefined) => (sql ?? 'true').replace(/\s+/g, ' ').trim().toLowerCase();

function denominatorKey(i: ComputedIndicator): string {
  const d = i.denominator;
  const split = `${i.disaggregations.geography.join('|')};${i.disaggregations.ethnicGroup};${i.disaggregations.sex}`;
  return [d.fact, norm(d.sum), norm(d.where), split].join('\u0000');
}

/** Groups of two or more indicator ids, in catalog order. */
export function sharedDenominators(indicators: readonly ComputedIndicator[] = computedIndicators): string[][] {
  const groups = new Map<string, string[]>();
  for (const i of indicators) {
    const key = denominatorKey(i);
    groups.set(key, [...(groups.get(key) ?? []), i.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export const SHARED_DENOMINATOR_GROUPS: string[][] = sharedDenominators();
