// Shapes the public indicator values into the tables the pages read: formatted texts (vi-VN),
// pivots by year, trends for the charts. Pure functions over public rows: nothing here sees a
// suppressed number.
import type { CatalogRow } from '@dtts/indicators';
import { formatValue, isCountLike } from './format.ts';
import { SEX_VI, STATUS_VI } from './labels.ts';
import type { PlanTargetText } from './plan-note.ts';
import type { SourceLabels } from './source-labels.ts';
import { targetKindMeaning } from '@dtts/indicators';
import { REFORM_2025 } from '@dtts/reference';
import { groupBy, type PublicValueRow } from './public-values.ts';

/** The period of the plan the reports were made for (2020 baseline, 2025 targets): its years are always shown. */
export const PLAN_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
/** The baseline and target years of the plan the catalog quotes (2021–2025); a later plan file has its own. */
export const FIRST_PLAN = { from: PLAN_YEARS[0], to: PLAN_YEARS[PLAN_YEARS.length - 1]! };
/** The year the communes were reorganised (@dtts/reference): a former commune has values for the years before it only. */
export const REORGANISED_IN = Number(REFORM_2025.slice(0, 4));

/**
 * The years the reports show, oldest first: the plan's period and every year with values outside it (a
 * run with 2026's files shows 2026: the product outlives the plan's horizon). Once per list of rows.
 */
export function reportYears(rows: readonly { year: number }[]): number[] {
  const known = shownYears.get(rows);
  if (known) return known;
  let first: number = PLAN_YEARS[0];
  let last: number = PLAN_YEARS[PLAN_YEARS.length - 1]!;
  for (const r of rows) {
    if (r.year < first) first = r.year;
    if (r.year > last) last = r.year;
  }
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  shownYears.set(rows, years);
  return years;
}
const shownYears = new WeakMap<readonly { year: number }[], number[]>();
export const HIDDEN = 'Ẩn';
export const NO_TARGET = 'Không đặt mục tiêu';
/** A school-level indicator in a geography that has schools but none of the kind it counts (no PTDTNT in the commune). */
export const NOT_APPLICABLE = 'Không áp dụng';

/** Indicators that count schools or classrooms (no ethnic split): a geography without such a school has no row. */
const isSchoolLevel = (c: CatalogRow) => c.source.startsWith('school.') && !c.disaggregations.includes('ethnic_group');

export function geoSlug(level: string, code: string): string {
  return level === 'area' ? 'BAO_YEN' : `${level === 'commune_2025' ? '2025' : '2020'}-${code}`;
}

export function cellText(r: PublicValueRow | undefined, unit: string): string {
  if (!r) return '';
  return r.suppressed ? HIDDEN : formatValue(r.value, unit);
}

export interface MatrixRow {
  /** One text column per year shown (reportYears): `y2020` … */
  [year: `y${number}`]: string;
  page: 'indicator' | 'commune' | 'ethnic';
  page_key: string;
  section: string;
  row_order: number;
  row_label: string;
  link: string | null;
  target_text: string;
  status_label: string;
  source_note: string;
}

export interface TrendRow {
  page: string;
  page_key: string;
  year: number;
  year_label: string;
  series: string;
  series_order: number;
  value: number;
}

type Index = Map<string, PublicValueRow>;
const k = (id: string, year: number, level: string, code: string, eth: string, sex: string) => `${id}|${year}|${level}|${code}|${eth}|${sex}`;

export function indexRows(rows: PublicValueRow[]): Index {
  return new Map(rows.map((r) => [k(r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex), r]));
}

/** DTTS is the plan's headline; school-level indicators have no ethnic split, so theirs is ALL. */
export function headlineEthnic(rows: PublicValueRow[], id: string): 'DTTS' | 'ALL' {
  const withDtts = dttsIndicators.get(rows) ?? new Set(rows.filter((r) => r.ethnic_group === 'DTTS').map((r) => r.indicator_id));
  dttsIndicators.set(rows, withDtts);
  return withDtts.has(id) ? 'DTTS' : 'ALL';
}
/** Per list of rows (they are not changed once made), the indicators that have a DTTS row. */
const dttsIndicators = new WeakMap<PublicValueRow[], Set<string>>();

/** The rows of each indicator, once per list of rows (a scan per indicator is slow at a province's size). */
export function rowsByIndicator(rows: PublicValueRow[]): Map<string, PublicValueRow[]> {
  let byId = rowsOfIndicator.get(rows);
  if (!byId) {
    byId = groupBy(rows, (r) => r.indicator_id);
    rowsOfIndicator.set(rows, byId);
  }
  return byId;
}
const rowsOfIndicator = new WeakMap<PublicValueRow[], Map<string, PublicValueRow[]>>();

/** Whether any row is of the indicator. */
export const hasIndicator = (rows: PublicValueRow[], id: string) => rowsByIndicator(rows).has(id);

/** A cell for each of `all` years, empty outside `shown` (a former commune after the reorganisation). */
function yearCells(ix: Index, cat: CatalogRow, level: string, code: string, eth: string, sex: string, shown: readonly number[], all: readonly number[]) {
  const cells: Record<`y${number}`, string> = {};
  for (const y of all) cells[`y${y}`] = shown.includes(y) ? cellText(ix.get(k(cat.indicator_id, y, level, code, eth, sex)), cat.unit) : '';
  return cells;
}

/** The row of the last of `years` with a value (hidden counts as a value); else the last row there is. */
function latestOf(ix: Index, cat: CatalogRow, level: string, code: string, eth: string, sex: string, years: readonly number[]): PublicValueRow | undefined {
  const present = [...years].reverse().map((y) => ix.get(k(cat.indicator_id, y, level, code, eth, sex))).filter((r) => r !== undefined);
  return present.find(hasValue) ?? present[0];
}

/**
 * The catalog's word that the level an indicator is measured at ended (the district level, abolished on
 * 01/07/2025), in Vietnamese; '' for every other indicator.
 */
export function levelEndedVi(cat: CatalogRow): string {
  return cat.last_year_note_vi ?? '';
}

/** The status of a table row, as on the overview; an indicator the plan sets no target for has none. */
export function statusText(r: PublicValueRow | undefined, cat?: CatalogRow): string {
  if (cat?.target_kind === 'no_target') return NO_TARGET;
  if (!r) return STATUS_VI.no_data!;
  if (r.suppressed) return HIDDEN;
  return r.status ? STATUS_VI[r.status] ?? r.status : 'Chưa đánh giá';
}

export interface Names {
  geo: Map<string, string>; // `${level}|${code}` → name
  ethnic: Map<string, string>;
}

export function matrices(rows: PublicValueRow[], catalog: CatalogRow[], names: Names, sources: SourceLabels): MatrixRow[] {
  const ix = indexRows(rows);
  const out: MatrixRow[] = [];
  const allYears = reportYears(rows);
  const beforeReorganisation = allYears.filter((y) => y < REORGANISED_IN);
  // Looked up once, not scanned per indicator and group: at a province's size the rows are many.
  const withEthnic = new Set(rows.map((r) => `${r.indicator_id}|${r.ethnic_group}`));
  const withSex = new Set(rows.filter((r) => r.sex !== 'ALL').map((r) => r.indicator_id));
  const withLevel = new Set(rows.map((r) => `${r.indicator_id}|${r.geo_level}`));
  const computed = catalog.filter((c) => hasIndicator(rows, c.indicator_id));
  const geoCodes = new Map<string, string[]>();
  const geos = (level: string) => {
    const known = geoCodes.get(level);
    if (known) return known;
    const codes = [...new Set(rows.filter((r) => r.geo_level === level).map((r) => r.geo_code))].sort();
    geoCodes.set(level, codes);
    return codes;
  };
  const ethnics = [...new Set(rows.map((r) => r.ethnic_group))].filter((e) => e !== 'ALL' && e !== 'DTTS').sort();
  // Geographies with school records: one without a row of a school-level indicator has no school of that kind.
  const schoolIds = new Set(catalog.filter(isSchoolLevel).map((c) => c.indicator_id));
  const withSchools = new Set(rows.filter((r) => schoolIds.has(r.indicator_id)).map((r) => `${r.geo_level}|${r.geo_code}`));
  const row = (page: MatrixRow['page'], page_key: string, section: string, row_order: number, row_label: string, link: string | null,
    cat: CatalogRow, level: string, code: string, eth: string, sex: string, years: readonly number[] = allYears): MatrixRow => {
    const last = latestOf(ix, cat, level, code, eth, sex, allYears);
    const notApplicable = !last && isSchoolLevel(cat) && withSchools.has(`${level}|${code}`);
    return {
      page, page_key, section, row_order, row_label, link, ...yearCells(ix, cat, level, code, eth, sex, years, allYears),
      target_text: targetText(last?.target ?? null, cat),
      status_label: notApplicable ? NOT_APPLICABLE : statusText(last, cat),
      source_note: sources.note(cat.source, null, true),
    };
  };
  for (const cat of computed) {
    const id = cat.indicator_id;
    const head = withEthnic.has(`${id}|DTTS`) ? 'DTTS' : 'ALL';
    // An indicator of the area only (district officials, district activities) has no commune rows.
    const atLevel = (level: string) => withLevel.has(`${id}|${level}`);
    if (atLevel('commune_2025')) geos('commune_2025').forEach((code, i) => {
      out.push(row('indicator', id, 'commune_2025', i, names.geo.get(`commune_2025|${code}`) ?? code, `/xa/${geoSlug('commune_2025', code)}`, cat, 'commune_2025', code, head, 'ALL'));
    });
    if (atLevel('commune_2020')) geos('commune_2020').forEach((code, i) => {
      out.push(row('indicator', id, 'commune_2020', i, names.geo.get(`commune_2020|${code}`) ?? code, `/xa/${geoSlug('commune_2020', code)}`, cat, 'commune_2020', code, head, 'ALL', beforeReorganisation));
    });
    ['ALL', 'DTTS', ...ethnics].forEach((eth, i) => {
      if (!withEthnic.has(`${id}|${eth}`)) return;
      out.push(row('indicator', id, 'ethnic', i, names.ethnic.get(eth) ?? eth, eth === 'ALL' || eth === 'DTTS' ? null : `/dan-toc/${eth}`, cat, 'area', 'BAO_YEN', eth, 'ALL'));
    });
    if (withSex.has(id)) {
      for (const [i, sex] of ['ALL', 'Nam', 'Nữ'].entries()) out.push(row('indicator', id, 'sex', i, SEX_VI[sex]!, null, cat, 'area', 'BAO_YEN', head, sex));
    }
    for (const level of ['commune_2025', 'commune_2020']) {
      if (!atLevel(level)) continue;
      for (const code of geos(level)) {
        const slug = geoSlug(level, code);
        const years = level === 'commune_2020' ? beforeReorganisation : allYears;
        out.push(row('commune', slug, 'headline', cat.sort_order, cat.name_vi, `/chi-tieu/${id}`, cat, level, code, head, 'ALL', years));
        if (head === 'DTTS') out.push(row('commune', slug, 'all', cat.sort_order, cat.name_vi, `/chi-tieu/${id}`, cat, level, code, 'ALL', 'ALL', years));
      }
    }
    for (const eth of ethnics) {
      if (!withEthnic.has(`${id}|${eth}`)) continue;
      out.push(row('ethnic', eth, 'indicators', cat.sort_order, cat.name_vi, `/chi-tieu/${id}`, cat, 'area', 'BAO_YEN', eth, 'ALL'));
    }
  }
  return out;
}

/** The target in a few words, for table cells (the plan's full wording is on the indicator page). */
export function shortTarget(cat: CatalogRow): string {
  const formatted = cat.target_value === null ? '' : formatValue(cat.target_value, cat.unit);
  return targetKindMeaning(cat.target_kind).shortVi(cat.target_value, formatted);
}

const SIGN_VI: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/**
 * A row's target for a table cell: the level in the unit's format ("98,0%"). A count or yes/no reads in
 * its target kind's words ("không còn", "≥ 1/năm", "≥ 5/xã/năm" — also on the area's row, whose level is
 * 5 × the communes), or, where the level is the row's own (70% of last year's count), as "< 8,4".
 */
export function targetText(target: number | null, cat: CatalogRow): string {
  if (target === null) return shortTarget(cat);
  const formatted = formatValue(target, cat.unit);
  if (!isCountLike(cat.unit)) return formatted;
  const meaning = targetKindMeaning(cat.target_kind);
  if (meaning.level === 'parameter' || meaning.level === 'every_commune') return shortTarget(cat);
  return meaning.comparison ? `${SIGN_VI[meaning.comparison] ?? meaning.comparison} ${formatted}` : formatted;
}

/**
 * Straight line from the plan's baseline to its target, a point a year (status "on track" is judged
 * against it): 2020 → 2025 for the plan the catalog quotes, 2025 → 2030 for a later plan file.
 */
export function plannedPath(baseline: number, target: number, from: number = FIRST_PLAN.from, to: number = FIRST_PLAN.to): { year: number; value: number }[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value: to === from ? target : baseline + ((target - baseline) * i) / (to - from) }));
}

/** A target in the words of the plan that judges `r` (a later plan file's), else the catalog's (the 2021–2025 plan's). */
export const planTargetWords = (planTargets: readonly PlanTargetText[], r: PublicValueRow | undefined, c: CatalogRow): string =>
  planTargets.find((t) => t.plan_id === r?.plan_id && t.indicator_id === c.indicator_id)?.target_text_vi ?? c.target_text_vi;

/** The plan a row is judged by: its baseline and target years (2020 → 2025 in warehouses from before plans were data). */
export const planSpan = (r: PublicValueRow | undefined): { from: number; to: number } =>
  ({ from: r?.baseline_year ?? FIRST_PLAN.from, to: r?.target_year ?? FIRST_PLAN.to });

export function trends(rows: PublicValueRow[], catalog: CatalogRow[], ethnicNames: Map<string, string>): TrendRow[] {
  const ix = indexRows(rows);
  const out: TrendRow[] = [];
  const years = reportYears(rows);
  const push = (page: string, page_key: string, series: string, series_order: number, year: number, value: number | null) => {
    if (value !== null && Number.isFinite(value)) out.push({ page, page_key, year, year_label: String(year), series, series_order, value: round(value) });
  };
  for (const cat of catalog) {
    const id = cat.indicator_id;
    const own = rowsByIndicator(rows).get(id);
    if (!own) continue;
    const head = headlineEthnic(rows, id);
    const series: [string, string][] = head === 'DTTS' ? [['DTTS', 'Dân tộc thiểu số'], ['ALL', 'Chung (mọi dân tộc)'], ['01', 'Kinh']] : [['ALL', 'Chung (mọi dân tộc)']];
    series.forEach(([eth, label], i) => {
      for (const y of years) push('indicator', id, label, i, y, ix.get(k(id, y, 'area', 'BAO_YEN', eth, 'ALL'))?.value ?? null);
    });
    // The path of the plan the latest value is judged by, from that plan's baseline year.
    const latest = latestOf(ix, cat, 'area', 'BAO_YEN', head, 'ALL', years);
    const { from, to } = planSpan(latest);
    const base = ix.get(k(id, from, 'area', 'BAO_YEN', head, 'ALL'));
    const target = latest?.target ?? null;
    // A count is judged year by year (or against last year's), not on a path from the baseline.
    if (base && !base.suppressed && base.value !== null && target !== null && !isCountLike(cat.unit)) {
      for (const p of plannedPath(base.value, target, from, to)) push('indicator', id, 'Lộ trình từ năm gốc đến mục tiêu', 9, p.year, p.value);
    }
    if (cat.unit !== 'percent') continue; // commune and group charts put percent indicators on one axis
    for (const r of own) {
      if (r.sex !== 'ALL' || r.value === null) continue;
      if (r.geo_level !== 'area' && r.ethnic_group === head) push('commune', geoSlug(r.geo_level, r.geo_code), cat.name_vi, cat.sort_order, r.year, r.value);
      if (r.geo_level === 'area' && r.ethnic_group !== 'ALL' && r.ethnic_group !== 'DTTS' && ethnicNames.has(r.ethnic_group))
        push('ethnic', r.ethnic_group, cat.name_vi, cat.sort_order, r.year, r.value);
    }
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A row that has a value to show: a number, or a hidden one ("Ẩn"); a row kept only to say "no data" has none. */
export const hasValue = (r: PublicValueRow | undefined): r is PublicValueRow => r !== undefined && (r.suppressed || r.value !== null);

/**
 * Why the indicator's latest value is older than the run's latest year, in Vietnamese: the level it is
 * measured at ended (the district, abolished on 01/07/2025, as the catalog declares), or the year has
 * no data. Empty when the latest value is of the run's latest year.
 */
export function latestNote(cat: CatalogRow, latestOfIndicator: number | null, runLatest: number): string {
  if (latestOfIndicator !== null && latestOfIndicator >= runLatest) return '';
  const ended = levelEndedVi(cat);
  if (ended) return `${ended}: số liệu đến năm ${latestOfIndicator ?? '—'}`;
  return latestOfIndicator === null ? 'Chưa có số liệu' : `Chưa có số liệu năm ${runLatest}`;
}

export interface ScorecardRow {
  sort_order: number;
  indicator_id: string;
  name_vi: string;
  clause: string;
  link: string;
  headline: 'DTTS' | 'Chung';
  /** The value in the baseline year of the plan that judges the latest value (2020; a later plan's own, 2025 for 2026–2030). */
  baseline_text: string;
  baseline_year: string;
  /** The baseline as the overview shows it: "45,5% (2025)" where the plan's baseline year is not 2020. */
  baseline_label: string;
  latest_year: string;
  latest_text: string;
  /** Why the latest value is of an earlier year (the district level ended on 01/07/2025), else ''. */
  latest_note: string;
  /** The latest value as the overview shows it: "45,5% (2024)" where that year is earlier than the run's. */
  latest_label: string;
  target_text: string;
  target_value: number | null;
  /** The plan that judges the latest value ('' in warehouses from before plans were data), and its target year. */
  plan_id: string;
  target_year: string;
  /** Judged by a later plan than the 2021–2025 one (its own baseline or target year). */
  later_plan: boolean;
  /** The target as the overview shows it: "99,0% (2030)" where a later plan than the 2021–2025 one sets it. */
  target_label: string;
  /** The target in the words of the plan that judges the latest value (the catalog's for the 2021–2025 plan). */
  target_words: string;
  status_label: string;
  trend_img: string;
  source_note: string;
}

/**
 * The overview's scorecard (and the printed one): each plan target with a value, DTTS in the baseline year
 * vs the latest year. Baseline and target are those of the plan that judges the latest value: 2020 and 2025
 * for the 2021–2025 plan; a later plan's own years (2025, 2030) for the indicators it sets a target for.
 */
export function scorecardRows(rows: PublicValueRow[], catalog: CatalogRow[], latestYear: number, sources: SourceLabels, planTargets: readonly PlanTargetText[] = []): ScorecardRow[] {
  const ix = indexRows(rows);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  // Every target with values; the context indicator without a target too ("Không đặt mục tiêu").
  return catalog
    .filter((c) => c.has_source && hasIndicator(rows, c.indicator_id))
    .map((c) => {
      const head = headlineEthnic(rows, c.indicator_id);
      const at = (y: number) => ix.get(k(c.indicator_id, y, 'area', 'BAO_YEN', head, 'ALL'));
      // The last year with a value (the district level has none from 2025), later than 2025 too.
      const withValue = years.find((y) => hasValue(at(y))) ?? null;
      const latestYearOf = withValue ?? latestYear;
      const latest = at(latestYearOf);
      const plan = planSpan(latest);
      const baseline = cellText(at(plan.from), c.unit);
      const target = targetText(latest?.target ?? null, c);
      return {
        sort_order: c.sort_order, indicator_id: c.indicator_id, name_vi: c.name_vi, clause: c.clause, link: `/chi-tieu/${c.indicator_id}`,
        headline: head === 'DTTS' ? 'DTTS' : 'Chung',
        baseline_text: baseline, baseline_year: String(plan.from),
        baseline_label: baseline && plan.from !== FIRST_PLAN.from ? `${baseline} (${plan.from})` : baseline,
        latest_year: String(latestYearOf), latest_text: cellText(latest, c.unit),
        latest_note: latestNote(c, withValue, latestYear),
        latest_label: cellText(latest, c.unit) && latestYearOf !== latestYear ? `${cellText(latest, c.unit)} (${latestYearOf})` : cellText(latest, c.unit),
        target_text: target,
        target_value: latest?.target ?? null,
        plan_id: latest?.plan_id ?? '', target_year: String(plan.to), later_plan: plan.from !== FIRST_PLAN.from || plan.to !== FIRST_PLAN.to,
        target_label: target && plan.to !== FIRST_PLAN.to ? `${target} (${plan.to})` : target,
        target_words: planTargetWords(planTargets, latest, c),
        status_label: statusText(latest, c),
        trend_img: `/charts/spark-${c.indicator_id}.svg`,
        // The overview's last column: why the latest year is earlier, then the source.
        source_note: [latestNote(c, withValue, latestYear), sources.note(c.source, latestYearOf)].filter(Boolean).join('. '),
      };
    });
}
