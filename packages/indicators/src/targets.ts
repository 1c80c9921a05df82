// What each target kind means, in one place: how its level is set, how a value is judged against
// it, and how it reads in a table cell. The warehouse's status SQL (marts/indicator_values.sql)
// reads everything but `shortVi` from ref.target_kinds; the reports read `shortVi`.
import type { TargetKind } from './types.ts';

export interface TargetKindMeaning {
  /**
   * How the target level is computed:
   * - `parameter`: the parameter itself;
   * - `times_baseline`: parameter × the 2020 value at the same grain;
   * - `previous_year_less_percent`: (1 − parameter/100) × the previous year's value at the same grain
   *   (no previous year: no target, `no_data`);
   * - `every_commune`: a commune's level is the parameter; the area's is parameter × the communes in
   *   force that year, and the area meets it only when every one of them meets the parameter;
   * - null: judged another way (`yearlyPoints`) or not at all.
   */
  level: 'parameter' | 'times_baseline' | 'previous_year_less_percent' | 'every_commune' | null;
  /** How a value is judged achieved against the level (1e-9 tolerance in SQL). */
  comparison: '>=' | '>' | '<' | '<=' | null;
  /** Judged on the average yearly change in percentage points (≤ −parameter) rather than a level. */
  yearlyPoints: boolean;
  /** Not achieved yet and before the target year: `on_track` when at or past the straight line from
   *  the 2020 baseline to the target. Without it (counts judged year by year) it is `off_track`. */
  onTrackLine: boolean;
  /** A value of 0 is achieved whatever the level (a count falling by 30% a year that reached none). */
  zeroAchieves: boolean;
  /** The judgement needs the 2020 value (suppressing a baseline hides what depends on it). */
  needsBaseline: boolean;
  /** The judgement needs the previous year's value at the same grain (suppressing it hides the target). */
  needsPreviousYear: boolean;
  /** The target in a few Vietnamese words for table cells; `formatted` is the level in the unit's format. */
  shortVi: (parameter: number | null, formatted: string) => string;
}

const base = { yearlyPoints: false, onTrackLine: true, zeroAchieves: false, needsBaseline: false, needsPreviousYear: false } as const;
const level = (comparison: TargetKindMeaning['comparison']): TargetKindMeaning =>
  ({ ...base, level: 'parameter', comparison, shortVi: (_, f) => f });
/** Counts judged each year on their own: met or not, no line from a baseline. */
const yearly = (comparison: TargetKindMeaning['comparison'], shortVi: TargetKindMeaning['shortVi']): TargetKindMeaning =>
  ({ ...base, level: 'parameter', comparison, onTrackLine: false, shortVi });

export const TARGET_KINDS: Record<TargetKind, TargetKindMeaning> = {
  at_least: level('>='),
  more_than: level('>'),
  less_than: level('<'),
  exactly_100: level('>='),
  // achieved at 0, off_track above (not_achieved from the target year on): no line to be on
  none_remaining: yearly('<=', () => 'không còn'),
  double_baseline: { ...base, level: 'times_baseline', comparison: '>=', needsBaseline: true, shortVi: () => 'gấp 2 lần năm 2020' },
  yearly_decrease_points: { ...base, level: null, comparison: null, yearlyPoints: true, needsBaseline: true, shortVi: (p) => `giảm ≥ ${p ?? ''} điểm %/năm` },
  yearly_decrease_percent: {
    ...base, level: 'previous_year_less_percent', comparison: '<', onTrackLine: false, zeroAchieves: true, needsPreviousYear: true,
    shortVi: (p) => `giảm > ${p ?? ''}%/năm`,
  },
  count_per_year_at_least: yearly('>=', (p) => `≥ ${p ?? ''}/năm`),
  count_per_commune_at_least: { ...yearly('>=', (p) => `≥ ${p ?? ''}/xã/năm`), level: 'every_commune' },
  done_yearly: yearly('>=', () => 'hằng năm'),
  no_target: { ...base, level: null, comparison: null, onTrackLine: false, shortVi: () => '—' },
};

export function targetKindMeaning(kind: string): TargetKindMeaning {
  const meaning = TARGET_KINDS[kind as TargetKind];
  if (!meaning) throw new Error(`unknown target kind "${kind}"`);
  return meaning;
}
