// The catalog as flat rows: what the warehouse stores in `ref.indicators` and reports read.
import { communeUnits } from '@dtts/reference';
import { catalog } from './catalog.ts';
import { targetKindMeaning, type TargetKindMeaning } from './targets.ts';
import type { Indicator, Target } from './types.ts';

/** The last day of the district level: the last day of the 2020 commune frame (reference data). */
export const DISTRICT_LEVEL_LAST_DAY: string = (() => {
  const last = communeUnits.find((u) => u.frame === '2020')?.validTo;
  if (!last) throw new Error('reference data: the 2020 commune frame has no end date');
  return last;
})();

// The district-level indicators read sources that describe 31 Dec YEAR (SOURCES.md §7): their last
// year is the last whose 31 Dec falls on or before the district level's last day (2024).
const DISTRICT_LEVEL_LAST_YEAR = Number(DISTRICT_LEVEL_LAST_DAY.slice(0, 4)) - (DISTRICT_LEVEL_LAST_DAY.slice(5) < '12-31' ? 1 : 0);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** The day after the last: when the district level no longer exists. */
const DISTRICT_LEVEL_GONE_FROM = (() => {
  const d = new Date(`${DISTRICT_LEVEL_LAST_DAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

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
  target_level: TargetKindMeaning['level'];
  target_comparison: string | null;
  target_yearly_points: boolean;
  /** Between baseline and target year: on_track when at or past the straight line (else off_track). */
  target_on_track_line: boolean;
  /** A value of 0 is achieved whatever the level (teen_first_births). */
  target_zero_achieves: boolean;
  target_needs_baseline: boolean;
  /** The target is set from the previous year's value at the same grain (teen_first_births: 70% of it). */
  target_needs_previous_year: boolean;
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
  has_source: boolean;
  /** False for indicators of schools, villages, communes, organisations and activities: never suppressed. */
  about_persons: boolean;
  /**
   * The indicator measures the district level, which no longer exists from 1 Jul 2025: it has no
   * value after `last_year` (no row in marts.indicator_values), and reports take its last year with a
   * value as its latest and say why with `last_year_note_vi`.
   */
  district_level: boolean;
  /** The last year the indicator can have a value (2024 for the district level); null: no end. */
  last_year: number | null;
  /** Why there is no value after last_year, in Vietnamese ("Cấp huyện không còn từ 01/07/2025"). */
  last_year_note_vi: string | null;
}

export function targetNumber(target: Target): number | null {
  switch (target.kind) {
    case 'double_baseline': return target.factor;
    case 'yearly_decrease_points': return target.points;
    case 'yearly_decrease_percent': return target.percent;
    case 'done_yearly': return 1;
    case 'no_target': return null;
    default: return target.value;
  }
}

/** What a count or yes/no indicator says in place of a denominator. */
const NO_DENOMINATOR: Partial<Record<Indicator['unit'], { en: string; vi: string }>> = {
  count: { en: 'none (a count)', vi: 'Không có mẫu số (chỉ tiêu là số đếm)' },
  yes_no: { en: 'none (yes/no: 1 or 0)', vi: 'Không có mẫu số (chỉ tiêu có/không: 1 hoặc 0)' },
};

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
    denominator_text: indicator.denominator?.description ?? NO_DENOMINATOR[indicator.unit]?.en ?? '',
    numerator_text_vi: computed?.numerator.descriptionVi ?? null,
    denominator_text_vi: computed ? (computed.denominator?.descriptionVi ?? NO_DENOMINATOR[indicator.unit]?.vi ?? null) : null,
    target_kind: indicator.target.kind,
    target_level: targetKindMeaning(indicator.target.kind).level,
    target_comparison: targetKindMeaning(indicator.target.kind).comparison,
    target_yearly_points: targetKindMeaning(indicator.target.kind).yearlyPoints,
    target_on_track_line: targetKindMeaning(indicator.target.kind).onTrackLine,
    target_zero_achieves: targetKindMeaning(indicator.target.kind).zeroAchieves,
    target_needs_baseline: targetKindMeaning(indicator.target.kind).needsBaseline,
    target_needs_previous_year: targetKindMeaning(indicator.target.kind).needsPreviousYear,
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
    has_source: indicator.hasSource,
    about_persons: (indicator.counts ?? 'persons') === 'persons',
    district_level: indicator.districtLevel ?? false,
    last_year: indicator.districtLevel ? DISTRICT_LEVEL_LAST_YEAR : null,
    last_year_note_vi: indicator.districtLevel ? `Cấp huyện không còn từ ${dmy(DISTRICT_LEVEL_GONE_FROM)}` : null,
  };
}

export const catalogRows: CatalogRow[] = catalog.map(toRow);
