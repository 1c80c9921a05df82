import { fourSourceIndicators } from './computed.ts';
import { otherSourceIndicators } from './other-sources.ts';
import type { ComputedIndicator, Indicator, PendingIndicator } from './types.ts';

/** Every indicator the sources compute, in the order of INDICATORS.md: the four sources', then the other five's. */
export const computedIndicators: ComputedIndicator[] = [...fourSourceIndicators, ...otherSourceIndicators];

/** Targets of the plan no source delivers yet (none today: every target of the plan is computed). */
export const pendingIndicators: PendingIndicator[] = [];

/** Every target of the plan, computed ones first, in the order of INDICATORS.md. */
export const catalog: Indicator[] = [...computedIndicators, ...pendingIndicators];

export function getIndicator(id: string): Indicator {
  const found = catalog.find((i) => i.id === id);
  if (!found) throw new Error(`unknown indicator "${id}"`);
  return found;
}

export function isComputed(indicator: Indicator): indicator is ComputedIndicator {
  return indicator.hasSource;
}
