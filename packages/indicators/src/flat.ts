// The catalog as flat rows: what the warehouse stores in `ref.indicators` and reports read.
import { catalog } from './catalog.ts';
import { targetKindMeaning } from './targets.ts';
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
  /** The terms in Vietnamese (computed indicators; null for those waiting for a source). */
  numerator_text_vi: string | null;
  denominator_text_vi: string | null;
  target_kind: string;
  /** TARGET_KINDS[target_kind], flattened for SQL: how the level is set and a value judged. */
  target_level: 'parameter' | 'times_baseline' | null;
  target_comparison: string | null;
  target_yearly_points: boolean;
  target_needs_baseline: boolean;
  /** The target as one number where the kind has one (98, 93.5, 2 for double_baseline, 4 points a year …). */
  target_value: number | null;
  target_text_vi: string;
  target_year: number;
  baseline_year: number;
  change_vs_baseline: string | null;
  method_break_after_year: number | null;
  method_note: string | null;
  method_note_vi: string | null;
  disaggregations: string;
  source: string;
  reference_date: string | null;
  has_source: boolean;
  /** False for indicators of schools, villages, communes, organisations and activities: never suppressed. */
  about_persons: boolean;
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
    numerator_text_vi: computed?.numerator.descriptionVi ?? null,
    denominator_text_vi: computed?.denominator.descriptionVi ?? null,
    target_kind: indicator.target.kind,
    target_level: targetKindMeaning(indicator.target.kind).level,
    target_comparison: targetKindMeaning(indicator.target.kind).comparison,
    target_yearly_points: targetKindMeaning(indicator.target.kind).yearlyPoints,
    target_needs_baseline: targetKindMeaning(indicator.target.kind).needsBaseline,
    target_value: targetNumber(indicator.target),
    target_text_vi: indicator.target.textVi,
    target_year: indicator.targetYear,
    baseline_year: indicator.baselineYear,
    change_vs_baseline: computed?.changeVsBaseline ?? null,
    method_break_after_year: computed?.methodBreakAfterYear ?? null,
    method_note: computed?.methodNote ?? null,
    method_note_vi: computed?.methodNoteVi ?? computed?.methodNote ?? null,
    disaggregations: split,
    source: computed ? computed.sources.join(', ') : `none yet (expected: ${indicator.hasSource ? '' : indicator.expectedSource})`,
    reference_date: computed?.referenceDate ?? null,
    has_source: indicator.hasSource,
    about_persons: (indicator.counts ?? 'persons') === 'persons',
  };
}

export const catalogRows: CatalogRow[] = catalog.map(toRow);
