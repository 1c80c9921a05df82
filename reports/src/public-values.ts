// From the warehouse's indicator values to the public ones: suppression decided here, then every
// field that could give a suppressed number back (baseline, change, a baseline-based target,
// the over_100 flag, the status) is blanked with it.
import { SHARED_DENOMINATOR_GROUPS } from '@dtts/indicators';
import { isMinority } from './labels.ts';
import { suppress, type Cell, type Relation, type SuppressionReason } from './suppression.ts';

export interface ValueRow {
  indicator_id: string;
  year: number;
  geo_level: string;
  geo_code: string;
  ethnic_group: string;
  sex: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: string | null;
  flags: string | null;
  baseline_value: number | null;
  change_vs_baseline: number | null;
  geo_name: string | null;
  ethnic_name: string | null;
}

export interface PublicValueRow extends ValueRow {
  suppressed: boolean;
  suppression_reason: SuppressionReason | 'baseline' | null;
}

export interface SuppressionContext {
  /** commune_2020 code → the commune_2025 code it became part of. */
  parentOf: Map<string, string>;
  /** Indicators whose numerator is not a head count (VND sums). */
  nonCountNumerators: Set<string>;
  /** Indicators whose target is computed from the baseline value (2 × baseline, baseline − 4 points a year). */
  baselineTargets: Set<string>;
  /**
   * Indicators that count schools and classrooms, not persons (no ethnic or sex split): nothing
   * about a person can be learnt from them, so they are not suppressed.
   */
  notAboutPersons: Set<string>;
}

/** Secondary suppression hides cheap cells first: the plan's headline (area, DTTS) last. */
export function cellCost(r: ValueRow): number {
  if (r.geo_level !== 'area') return r.geo_level === 'commune_2025' ? 1 : 0;
  if (r.sex !== 'ALL') return 2;
  return r.ethnic_group === 'DTTS' ? 5 : r.ethnic_group === 'ALL' ? 4 : 3;
}

/**
 * Indicators that publish the same denominator at the same grain: their cells are suppressed
 * together, or one table would give back what another hides. Derived from the catalog's measures.
 */
export const SHARED_DENOMINATORS: string[][] = SHARED_DENOMINATOR_GROUPS;

const keyOf = (indicator: string, year: number, level: string, code: string, ethnic: string, sex: string) =>
  `${indicator}|${year}|${level}|${code}|${ethnic}|${sex}`;
const rowKey = (r: ValueRow) => keyOf(r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex);

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The additive relations between the published rows (see suppression.ts). */
export function relationsFor(rows: ValueRow[], parentOf: Map<string, string>): Relation[] {
  const relations: Relation[] = [];
  const k = (r: ValueRow, over: Partial<ValueRow>) => {
    const x = { ...r, ...over };
    return keyOf(x.indicator_id, x.year, x.geo_level, x.geo_code, x.ethnic_group, x.sex);
  };
  // Ethnic groups within a geography and sex.
  for (const group of groupBy(rows, (r) => [r.indicator_id, r.year, r.geo_level, r.geo_code, r.sex].join('|')).values()) {
    const first = group[0]!;
    const codes = group.map((r) => r.ethnic_group).filter((e) => e !== 'ALL' && e !== 'DTTS');
    if (codes.length === 0) continue;
    const at = (ethnic_group: string) => k(first, { ethnic_group });
    relations.push({ total: at('ALL'), parts: codes.map(at) });
    relations.push({ total: at('DTTS'), parts: codes.filter(isMinority).map(at) });
    relations.push({ total: at('ALL'), parts: [at('DTTS'), ...codes.filter((c) => !isMinority(c)).map(at)] });
  }
  // Sexes within a geography and ethnic group.
  for (const group of groupBy(rows, (r) => [r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group].join('|')).values()) {
    if (!group.some((r) => r.sex !== 'ALL')) continue;
    const first = group[0]!;
    relations.push({ total: k(first, { sex: 'ALL' }), parts: [k(first, { sex: 'Nam' }), k(first, { sex: 'Nữ' })] });
  }
  // Geographies: the area over each frame, each new commune over its former communes.
  for (const group of groupBy(rows, (r) => [r.indicator_id, r.year, r.ethnic_group, r.sex].join('|')).values()) {
    const first = group[0]!;
    const area = k(first, { geo_level: 'area', geo_code: 'BAO_YEN' });
    const of = (level: string) => group.filter((r) => r.geo_level === level).map(rowKey);
    for (const level of ['commune_2025', 'commune_2020']) if (of(level).length) relations.push({ total: area, parts: of(level) });
    const old = group.filter((r) => r.geo_level === 'commune_2020');
    for (const [parent, children] of groupBy(old, (r) => parentOf.get(r.geo_code) ?? '?')) {
      if (parent === '?') continue;
      relations.push({ total: k(first, { geo_level: 'commune_2025', geo_code: parent }), parts: children.map(rowKey) });
    }
  }
  return relations;
}

export function linksFor(rows: ValueRow[]): string[][] {
  const links: string[][] = [];
  const present = new Set(rows.map(rowKey));
  for (const family of SHARED_DENOMINATORS) {
    for (const r of rows) {
      if (r.indicator_id !== family[0]) continue;
      links.push(family.map((id) => keyOf(id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex)).filter((x) => present.has(x)));
    }
  }
  // The female share publishes the trained women (its numerator) and all trained (its denominator).
  for (const r of rows) {
    if (r.indicator_id !== 'trained_labour_female_share') continue;
    const at = (sex: string) => keyOf('trained_labour_15_60', r.year, r.geo_level, r.geo_code, r.ethnic_group, sex);
    links.push([rowKey(r), at('Nữ'), at('ALL')].filter((x) => present.has(x)));
  }
  return links.filter((l) => l.length > 1);
}

export function publicValues(rows: ValueRow[], ctx: SuppressionContext): PublicValueRow[] {
  const aboutPersons = rows.filter((r) => !ctx.notAboutPersons.has(r.indicator_id));
  const cells: Cell[] = aboutPersons.map((r) => ({
    key: rowKey(r),
    numerator: r.numerator,
    denominator: r.denominator,
    numeratorIsCount: !ctx.nonCountNumerators.has(r.indicator_id),
    cost: cellCost(r),
  }));
  const suppressed = suppress({ cells, relations: relationsFor(aboutPersons, ctx.parentOf), links: linksFor(aboutPersons) });
  const baselineSuppressed = (r: ValueRow) =>
    suppressed.has(keyOf(r.indicator_id, 2020, r.geo_level, r.geo_code, r.ethnic_group, r.sex));
  return rows.map((r) => {
    const reason = suppressed.get(rowKey(r)) ?? null;
    const baselineHidden = baselineSuppressed(r);
    const flags = (r.flags ?? '').split(';').filter((f) => f && !(reason && (f === 'over_100' || f === 'small_denominator')));
    if (reason) {
      return {
        ...r, numerator: null, denominator: null, value: null, status: null, change_vs_baseline: null,
        baseline_value: baselineHidden ? null : r.baseline_value,
        target: baselineHidden && ctx.baselineTargets.has(r.indicator_id) ? null : r.target,
        flags: flags.join(';') || null, suppressed: true, suppression_reason: reason,
      };
    }
    if (baselineHidden && r.year !== 2020) {
      // The value stands; what is computed from the hidden baseline goes.
      const targetHidden = ctx.baselineTargets.has(r.indicator_id);
      return {
        ...r, baseline_value: null, change_vs_baseline: null, target: targetHidden ? null : r.target,
        status: null, flags: flags.join(';') || null, suppressed: false, suppression_reason: 'baseline',
      };
    }
    return { ...r, flags: flags.join(';') || null, suppressed: false, suppression_reason: null };
  });
}
