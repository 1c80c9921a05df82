// The shape of an indicator definition. Indicators are data (the way DHIS2 keeps them as
// numerator/denominator expressions): the warehouse compiles computed ones to SQL.

export type GeoLevel = 'area' | 'commune_2025' | 'commune_2020';
export type Unit = 'percent' | 'vnd_per_person_month' | 'count' | 'yes_no';
export type Direction = 'higher_is_better' | 'lower_is_better';

/**
 * Record sets the warehouse exposes to the compiler, one row per record, each with the grain
 * columns `year, commune_2020, commune_2025, ethnic_group, sex` plus the columns listed here.
 * `commune_*` of a school fact is where the school stands; of the others, where the person lives.
 */
export const FACT_COLUMNS = {
  persons: ['age', 'biet_doc_viet', 'dao_tao_nghe', 'nuoc_hop_ve_sinh'],
  households: ['household_size', 'thu_nhap_binh_quan', 'dien_luoi', 'nuoc_hop_ve_sinh', 'vung_nguy_co', 'da_bo_tri'],
  poverty_households: ['phan_loai'],
  students: ['age', 'cap_hoc', 'school_type', 'school_has_semi_boarding'],
  card_holders: ['age'],
  schools: ['loai_truong', 'dat_chuan_quoc_gia', 'so_phong_hoc', 'so_phong_kien_co', 'co_hoc_sinh_ban_tru'],
} as const;
export type FactName = keyof typeof FACT_COLUMNS;

/**
 * Any source table's records as a fact, named `<source>.<table>` (e.g. `land-use.thua_dat`): the
 * warehouse generates its model from the connector declaration (commune of both frames, and the
 * table's ethnic-group and sex columns when it declares them), so a new source needs no SQL.
 */
export type SourceFact = `${string}.${string}`;

/**
 * A term of the ratio: Σ `sum` over the records of `fact` that satisfy `where`.
 * Expressions are DuckDB SQL over the fact's columns. A NULL boolean in `where` excludes the
 * record, so an unknown answer counts in a denominator and not in a numerator (SOURCES.md §2).
 */
export interface Measure {
  description: string;
  /** The term in Vietnamese, as the site and the printed report show it (INDICATORS.md). */
  descriptionVi: string;
  fact: FactName | SourceFact;
  sum: string;
  where?: string;
}

export interface TermText {
  description: string;
}

/** What the plan asks for by 2025, as numbers the warehouse can judge, and in the plan's words. */
export type Target =
  | { kind: 'at_least'; value: number; textVi: string }
  | { kind: 'more_than'; value: number; textVi: string }
  | { kind: 'less_than'; value: number; textVi: string }
  | { kind: 'exactly_100'; value: 100; textVi: string }
  | { kind: 'none_remaining'; value: 0; textVi: string }
  /** value ≥ factor × the baseline value at the same grain */
  | { kind: 'double_baseline'; factor: 2; textVi: string }
  /** the rate falls by at least `points` percentage points a year (the plan says 4–5) */
  | { kind: 'yearly_decrease_points'; points: number; upTo?: number; textVi: string }
  /** a count falls by more than `percent` % a year */
  | { kind: 'yearly_decrease_percent'; percent: number; textVi: string }
  /** at least `value` events per `per` and year */
  | { kind: 'count_per_year_at_least'; value: number; per: 'district' | 'commune'; textVi: string }
  /** done every year (yes/no) */
  | { kind: 'done_yearly'; textVi: string }
  /** context indicator, no target of its own */
  | { kind: 'no_target'; textVi: string };

export type TargetKind = Target['kind'];

export interface Disaggregations {
  geography: GeoLevel[];
  ethnicGroup: boolean;
  sex: boolean;
}

interface IndicatorBase {
  id: string;
  /** Clause of the plan, e.g. `II.4.(5)`. */
  clause: string;
  nameVi: string;
  nameEn: string;
  unit: Unit;
  direction: Direction;
  target: Target;
  targetYear: 2025;
  baselineYear: 2020;
  /**
   * What the numerator and denominator count. `persons` (the default: people or households) are
   * protected by the site's disclosure control; `units` (schools, classrooms, villages, communes,
   * party organisations, activities) are public facts and never suppressed (OUTPUTS.md).
   */
  counts?: 'persons' | 'units';
  notes?: string;
}

export interface ComputedIndicator extends IndicatorBase {
  hasSource: true;
  numerator: Measure;
  denominator: Measure;
  disaggregations: Disaggregations;
  /** Source tables (`census.ho`, …) the terms read. */
  sources: string[];
  /** When the value holds, e.g. `1 Oct YEAR`; several sources give several dates. Optional: the
   *  reports derive each source's date from its connector declaration (ref.sources). */
  referenceDate?: string;
  /** `points` (value − baseline) for rates, `ratio` (value / baseline) for income. */
  changeVsBaseline: 'points' | 'ratio';
  /** The last year of an older method: year pairs straddling it are not comparable. */
  methodBreakAfterYear?: number;
  methodNote?: string;
  /** The method note in Vietnamese, as the site and the printed report show it. */
  methodNoteVi?: string;
}

export interface PendingIndicator extends IndicatorBase {
  hasSource: false;
  numerator: TermText;
  denominator: TermText;
  /** Who would deliver the data, in plain words. */
  expectedSource: string;
}

export type Indicator = ComputedIndicator | PendingIndicator;
