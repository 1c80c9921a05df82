import { computedIndicators } from './computed.ts';
import { pendingIndicators } from './pending.ts';
import type { ComputedIndicator, Indicator } from './types.ts';

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
