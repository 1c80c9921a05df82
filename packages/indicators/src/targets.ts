// What each target kind means, in one place: how its 2025 level is set, how a value is judged
// against it, and how it reads in a table cell. The warehouse's status SQL reads the first two
// from ref.indicators (target_level, target_comparison); the reports read the last.
import type { TargetKind } from './types.ts';

export interface TargetKindMeaning {
  /** How the target level is computed: the parameter itself, parameter × the 2020 value at the same grain, or none (judged another way). */
  level: 'parameter' | 'times_baseline' | null;
  /** How a value is judged achieved against the level (1e-9 tolerance in SQL). */
  comparison: '>=' | '>' | '<' | '<=' | null;
  /** Judged on the average yearly change in percentage points (≤ −parameter) rather than a level. */
  yearlyPoints: boolean;
  /** The judgement needs the 2020 value (suppressing a baseline hides what depends on it). */
  needsBaseline: boolean;
  /** The target in a few Vietnamese words for table cells; `formatted` is the level in the unit's format. */
  shortVi: (parameter: number | null, formatted: string) => string;
}

const level = (comparison: TargetKindMeaning['comparison']): TargetKindMeaning =>
  ({ level: 'parameter', comparison, yearlyPoints: false, needsBaseline: false, shortVi: (_, f) => f });

export const TARGET_KINDS: Record<TargetKind, TargetKindMeaning> = {
  at_least: level('>='),
  more_than: level('>'),
  less_than: level('<'),
  exactly_100: level('>='),
  none_remaining: level('<='),
  double_baseline: { level: 'times_baseline', comparison: '>=', yearlyPoints: false, needsBaseline: true, shortVi: () => 'gấp 2 lần năm 2020' },
  yearly_decrease_points: { level: null, comparison: null, yearlyPoints: true, needsBaseline: true, shortVi: (p) => `giảm ≥ ${p ?? ''} điểm %/năm` },
  // Not computed yet (no source): named so a pending indicator reads right.
  yearly_decrease_percent: { level: null, comparison: null, yearlyPoints: false, needsBaseline: true, shortVi: (p) => `giảm > ${p ?? ''}%/năm` },
  count_per_year_at_least: { level: null, comparison: null, yearlyPoints: false, needsBaseline: false, shortVi: (p) => `≥ ${p ?? ''}/năm` },
  done_yearly: { level: null, comparison: null, yearlyPoints: false, needsBaseline: false, shortVi: () => 'hằng năm' },
  no_target: { level: null, comparison: null, yearlyPoints: false, needsBaseline: false, shortVi: () => '—' },
};

export function targetKindMeaning(kind: string): TargetKindMeaning {
  const meaning = TARGET_KINDS[kind as TargetKind];
  if (!meaning) throw new Error(`unknown target kind "${kind}"`);
  return meaning;
}
