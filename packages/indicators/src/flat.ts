// The catalog as flat rows: what the warehouse stores in `ref.indicators` and reports read.
import { catalog } from './catalog.ts';
import type { Indicator, Target } from './types.ts';

export interface CatalogRow {
  indicator_id: string;
  sort_order: number;
  clause: string;
  name_vi: string;
  name_en: string;
  unit: string;
  direction: string;
  value_factor: number | null;
  numerator_text: string;
  denominator_text: string;
  target_kind: string;
  /** The target as one number where the kind has one (98, 93.5, 2 for double_baseline, 4 points a year …). */
  target_value: number | null;
  target_text_vi: string;
  target_year: number;
  baseline_year: number;
  change_vs_baseline: string | null;
  method_break_after_year: number | null;
  method_note: string | null;
  disaggregations: string;
  source: string;
  reference_date: string | null;
  has_source: boolean;
}

export function targetNumber(target: Target): number | null {
  switch (target.kind) {
    case 'double_baseline': return target.factor;
    case 'yearly_decrease_points': return target.points;
    case 'yearly_decrease_percent': return target.percent;
    case 'done_yearly':
    case 'no_target': return null;
    default: return target.value;
  }
}

function toRow(indicator: Indicator, index: number): CatalogRow {
  const computed = indicator.hasSource ? indicator : null;
  const split = computed
    ? [computed.disaggregations.geography.join('|'), computed.disaggregations.ethnicGroup ? 'ethnic_group' : null,
       computed.disaggregations.sex ? 'sex' : null].filter((x) => x !== null).join(';')
    : '';
  return {
    indicator_id: indicator.id,
    sort_order: index + 1,
    clause: indicator.clause,
    name_vi: indicator.nameVi,
    name_en: indicator.nameEn,
    unit: indicator.unit,
    direction: indicator.direction,
    value_factor: indicator.unit === 'percent' ? 100 : indicator.unit === 'vnd_per_person_month' ? 1 : null,
    numerator_text: indicator.numerator.description,
    denominator_text: indicator.denominator.description,
    target_kind: indicator.target.kind,
    target_value: targetNumber(indicator.target),
    target_text_vi: indicator.target.textVi,
    target_year: indicator.targetYear,
    baseline_year: indicator.baselineYear,
    change_vs_baseline: computed?.changeVsBaseline ?? null,
    method_break_after_year: computed?.methodBreakAfterYear ?? null,
    method_note: computed?.methodNote ?? null,
    disaggregations: split,
    source: computed ? computed.sources.join(', ') : `none yet (expected: ${indicator.hasSource ? '' : indicator.expectedSource})`,
    reference_date: computed?.referenceDate ?? null,
    has_source: indicator.hasSource,
  };
}

export const catalogRows: CatalogRow[] = catalog.map(toRow);
