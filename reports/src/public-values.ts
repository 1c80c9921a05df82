// From the warehouse's indicator values to the public ones: suppression decided here, then every
// field that could give a suppressed number back (baseline, change, a baseline-based target,
// the over_100 flag, the status) is blanked with it.
import { SHARED_DENOMINATOR_GROUPS } from '@dtts/indicators';
import { isMinority } from './labels.ts';
import { decidePattern, type PatternCacheFiles } from './pattern-cache.ts';
import { MIN_COUNT, primaryReason, recoverableFunctionals, suppress, type Cell, type Functional, type Relation, type SuppressionReason } from './suppression.ts';

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
  /** The plan in force for the row's year (absent in warehouses built before plans were data: 2020 → 2025). */
  plan_id?: string | null;
  baseline_year?: number | null;
  target_year?: number | null;
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
   * Indicators whose target is computed from the previous year's value (teen first births: 70% of last
   * year's count): a hidden count would come back as target / 0.7, so the next year's target goes with it.
   */
  previousYearTargets?: Set<string>;
  /**
   * Indicators that count schools and classrooms, not persons (no ethnic or sex split): nothing
   * about a person can be learnt from them, so they are not suppressed.
   */
  notAboutPersons: Set<string>;
}

/**
 * What a reader loses when a cell is hidden as a secondary (the cheapest goes first): the plan's
 * headline — DTTS, both sexes — costs most at every level, then the all-groups row (ALL, both
 * sexes), then any other area-level cell, then DTTS by sex (the female share of trained workers
 * is computed from it); one ethnic group or one sex of ALL in a commune costs least. Within a
 * tier the area costs more than a 2025 commune, which costs more than a 2020 commune; the tiers
 * are ten apart so a level never outweighs a tier.
 */
export function cellCost(r: ValueRow): number {
  const level = r.geo_level === 'area' ? 2 : r.geo_level === 'commune_2025' ? 1 : 0;
  const bothSexes = r.sex === 'ALL';
  const tier = bothSexes && r.ethnic_group === 'DTTS' ? 4
    : bothSexes && r.ethnic_group === 'ALL' ? 3
    : r.geo_level === 'area' ? 2
    : r.ethnic_group === 'DTTS' ? 1
    : 0;
  return tier * 10 + level;
}

/**
 * Indicators that publish the same denominator at the same grain: their cells are suppressed
 * together, or one table would give back what another hides. Derived from the catalog's measures.
 */
export const SHARED_DENOMINATORS: string[][] = SHARED_DENOMINATOR_GROUPS;

const keyOf = (indicator: string, year: number, level: string, code: string, ethnic: string, sex: string) =>
  `${indicator}|${year}|${level}|${code}|${ethnic}|${sex}`;
const rowKey = (r: ValueRow) => keyOf(r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex);

/** Rows by key, each list in the rows' order (Map.groupBy is Node 21+). */
export function groupBy<T, K = string>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
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
  const k = (r: ValueRow, over: Partial<Pick<ValueRow, 'geo_level' | 'geo_code' | 'ethnic_group' | 'sex'>>) =>
    keyOf(r.indicator_id, r.year, over.geo_level ?? r.geo_level, over.geo_code ?? r.geo_code, over.ethnic_group ?? r.ethnic_group, over.sex ?? r.sex);
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
  return relations.filter(holdsIn(rows));
}

/**
 * Only relations the published numbers satisfy exactly. `ALL` may count a record whose group has no
 * row of its own (a card holder with no census person of that group there): then ALL ≠ Σ groups, an
 * attacker solving with it gets a wrong number, and the solver would see a "leak" it can never close
 * (the suppression loop then found nothing left to hide and never ended).
 */
function holdsIn(rows: ValueRow[]): (r: Relation) => boolean {
  const byKey = new Map(rows.map((r) => [rowKey(r), r]));
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (relation) => {
    const total = byKey.get(relation.total);
    if (!total) return true;
    let num = 0;
    let den = 0;
    for (const k of relation.parts) {
      const part = byKey.get(k);
      num += part?.numerator ?? 0;
      den += part?.denominator ?? 0;
    }
    return close(num, total.numerator ?? 0) && close(den, total.denominator ?? 0);
  };
}

/** Each indicator of a shared-denominator family → the family's first indicator, which names the denominator. */
const FAMILY_OF = new Map(SHARED_DENOMINATORS.flatMap((family) => family.map((id) => [id, family[0]!] as const)));

/** The female share of trained workers publishes two numerators of trained_labour_15_60: women (its numerator) and all (its denominator). */
const FEMALE_SHARE = 'trained_labour_female_share';
const TRAINED = 'trained_labour_15_60';

/**
 * The block of indicators whose published numbers are linked (a shared denominator; the female share
 * publishes numerators of trained_labour_15_60): every relation and every shared number stays within
 * one block and one year, so the disclosure control decides each block of a year on its own
 * (pattern-cache.ts). Named by the family's first indicator, else the indicator itself.
 */
export function disclosureBlock(indicator: string): string {
  const id = indicator === FEMALE_SHARE ? TRAINED : indicator;
  return FAMILY_OF.get(id) ?? id;
}

const trainedKey = (r: ValueRow, sex: string) => keyOf(TRAINED, r.year, r.geo_level, r.geo_code, r.ethnic_group, sex);

/**
 * The numbers a row publishes, named so that rows publishing the same number share the name:
 * a numerator is its own row's; a denominator is its family's (poor, near-poor and electrified
 * households all publish the census households); the female share publishes two numerators of
 * trained_labour_15_60.
 */
export function quantitiesOf(r: ValueRow): { numerator: string; denominator: string } {
  if (r.indicator_id === FEMALE_SHARE) return { numerator: `N:${trainedKey(r, 'Nữ')}`, denominator: `N:${trainedKey(r, 'ALL')}` };
  const family = FAMILY_OF.get(r.indicator_id) ?? r.indicator_id;
  return { numerator: `N:${rowKey(r)}`, denominator: `D:${keyOf(family, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex)}` };
}

const cellOf = (r: ValueRow, ctx: SuppressionContext): Cell => ({
  key: rowKey(r),
  numerator: r.numerator,
  denominator: r.denominator,
  numeratorIsCount: !ctx.nonCountNumerators.has(r.indicator_id),
  cost: cellCost(r),
});

/** A primary reason that is about the denominator: every indicator sharing it has the same one. */
const isDenominatorReason = (reason: SuppressionReason | null, c: Cell) =>
  reason === 'small_denominator' || (reason === 'small_count' && c.denominator !== null && c.denominator < MIN_COUNT);

/**
 * Decides the suppressed cells (key → reason) in three steps, so that a number shared by several
 * tables is hidden only where it must be:
 * 1. the shared denominators, as one table per family: hidden where small (under 20) and where
 *    needed to keep those from being subtracted back; every indicator of the family hides them;
 * 2. every indicator's own cells (but the female share), the cells of step 1 fixed as hidden;
 *    a cell hidden for its numerator (a count 1–4, a complement 1–4) no longer hides its
 *    siblings: the denominator they publish tells nothing without the numerator;
 * 3. the female share of trained workers, hidden with the trained women or all trained it
 *    publishes (a female share with fewer than 20 trained hides those trained too, in step 2).
 */
export function suppressionPattern(aboutPersons: ValueRow[], ctx: SuppressionContext): Map<string, SuppressionReason> {
  const denominators = new Map<string, ValueRow>();
  for (const r of aboutPersons) {
    const family = FAMILY_OF.get(r.indicator_id);
    if (!family) continue;
    const d = { ...r, indicator_id: `den:${family}`, numerator: null };
    denominators.set(rowKey(d), d);
  }
  const denRows = [...denominators.values()];
  const denHidden = suppress({
    cells: denRows.map((r) => ({ ...cellOf(r, ctx), numeratorIsCount: false })),
    relations: relationsFor(denRows, ctx.parentOf),
  });

  const fixed = new Map<string, SuppressionReason>();
  const own = aboutPersons.filter((r) => r.indicator_id !== FEMALE_SHARE);
  for (const r of own) {
    const family = FAMILY_OF.get(r.indicator_id);
    if (family && denHidden.has(rowKey({ ...r, indicator_id: `den:${family}` }))) fixed.set(rowKey(r), 'secondary');
  }
  const shares = aboutPersons.filter((r) => r.indicator_id === FEMALE_SHARE);
  for (const r of shares) {
    const c = cellOf(r, ctx);
    if (isDenominatorReason(primaryReason(c), c)) fixed.set(trainedKey(r, 'ALL'), 'secondary');
  }
  const suppressed = suppress({ cells: own.map((r) => cellOf(r, ctx)), relations: relationsFor(own, ctx.parentOf), fixed });
  for (const r of shares) {
    const reason = primaryReason(cellOf(r, ctx)) ?? (suppressed.has(trainedKey(r, 'Nữ')) || suppressed.has(trainedKey(r, 'ALL')) ? 'secondary' : null);
    if (reason) suppressed.set(rowKey(r), reason);
  }
  return suppressed;
}

/**
 * The attacker: knows every published number of every table (numerators, denominators, and the
 * same denominators published by other indicators) and every additive relation between them, and
 * solves exactly. Returns the suppressed rows it breaks: a value whose numerator and denominator
 * are both fixed, or a primary cell whose small number (count, complement, denominator) is fixed.
 */
export function disclosureLeaks(aboutPersons: ValueRow[], suppressed: Map<string, SuppressionReason>, ctx: SuppressionContext): string[] {
  const known = new Set<string>();
  const present = new Set<string>();
  // A count (no denominator: births, marriages) publishes its numerator alone.
  const isCount = (r: ValueRow) => r.denominator === null;
  for (const r of aboutPersons) {
    const q = quantitiesOf(r);
    present.add(q.numerator);
    if (!isCount(r)) present.add(q.denominator);
    if (!suppressed.has(rowKey(r))) known.add(q.numerator).add(q.denominator);
  }
  const hidden = new Set([...present].filter((q) => !known.has(q)));
  // The relations of every table, on numerators and on (shared) denominators.
  // Tables that share a denominator give the same relation on it: each goes in once, told apart by
  // the numbers of its quantities (shorter keys than the names).
  const relations = new Map<string, Relation>();
  const numbers = new Map<string, number>();
  const numberOf = (name: string) => {
    if (!numbers.has(name)) numbers.set(name, numbers.size);
    return numbers.get(name)!;
  };
  const own = aboutPersons.filter((r) => r.indicator_id !== FEMALE_SHARE);
  const byKey = new Map(own.map((r) => [rowKey(r), quantitiesOf(r)]));
  for (const rel of relationsFor(own, ctx.parentOf)) {
    const total = byKey.get(rel.total);
    if (!total) continue;
    const parts = rel.parts.flatMap((k) => byKey.get(k) ?? []);
    for (const side of ['numerator', 'denominator'] as const) {
      const q = { total: total[side], parts: parts.map((p) => p[side]) };
      relations.set(`${numberOf(q.total)}=${q.parts.map(numberOf).join('+')}`, q);
    }
  }
  const targets: Functional[] = [];
  const why = new Map<string, string>();
  for (const r of aboutPersons) {
    const reason = suppressed.get(rowKey(r));
    if (!reason) continue;
    const q = quantitiesOf(r);
    const k = rowKey(r);
    targets.push({ key: `${k}#N`, terms: [[q.numerator, 1]] });
    if (!isCount(r)) targets.push({ key: `${k}#D`, terms: [[q.denominator, 1]] });
    const c = cellOf(r, ctx);
    const primary = primaryReason(c);
    if (primary === 'small_complement') targets.push({ key: `${k}#C`, terms: [[q.denominator, 1], [q.numerator, -1]] });
    if (primary) why.set(k, isDenominatorReason(primary, c) ? '#D' : primary === 'small_complement' ? '#C' : '#N');
  }
  const fixedFunctionals = new Set(recoverableFunctionals([...relations.values()], hidden, targets));
  const leaks: string[] = [];
  const counts = new Set(aboutPersons.filter(isCount).map(rowKey));
  const keys = new Set(aboutPersons.map(rowKey));
  for (const [k] of suppressed) {
    if (!keys.has(k)) continue;
    const valueKnown = fixedFunctionals.has(`${k}#N`) && (counts.has(k) || fixedFunctionals.has(`${k}#D`));
    const smallKnown = why.has(k) && fixedFunctionals.has(`${k}${why.get(k)}`);
    if (valueKnown || smallKnown) leaks.push(k);
  }
  return leaks;
}

/**
 * The public rows. The pattern is decided (and checked against the attacker) block by block of each
 * year (disclosureBlock); with `cache`, blocks whose rows are unchanged since the previous run take
 * that run's pattern (pattern-cache.ts); with `workers` > 1 they are decided in that many threads at once.
 */
export async function publicValues(rows: ValueRow[], ctx: SuppressionContext, cache?: PatternCacheFiles, workers = 1): Promise<PublicValueRow[]> {
  const aboutPersons = rows.filter((r) => !ctx.notAboutPersons.has(r.indicator_id));
  const { suppressed } = await decidePattern(aboutPersons, ctx, cache, workers);
  const baselineSuppressed = (r: ValueRow) =>
    suppressed.has(keyOf(r.indicator_id, r.baseline_year ?? 2020, r.geo_level, r.geo_code, r.ethnic_group, r.sex));
  const previousSuppressed = (r: ValueRow) =>
    (ctx.previousYearTargets?.has(r.indicator_id) ?? false) && suppressed.has(keyOf(r.indicator_id, r.year - 1, r.geo_level, r.geo_code, r.ethnic_group, r.sex));
  return rows.map((r) => publicRow(r, suppressed.get(rowKey(r)) ?? null, baselineSuppressed(r), ctx, previousSuppressed(r)));
}

/**
 * A row's public copy, every field written out: on the district's 51k rows a spread with overrides
 * (`{ ...row, numerator: null }`) was several times slower and left most of the stage's garbage.
 */
const publicCopy = (r: ValueRow, target: number | null, flags: string | null): PublicValueRow => ({
  indicator_id: r.indicator_id, year: r.year, geo_level: r.geo_level, geo_code: r.geo_code, ethnic_group: r.ethnic_group, sex: r.sex,
  numerator: r.numerator, denominator: r.denominator, value: r.value, target, status: r.status, flags,
  baseline_value: r.baseline_value, change_vs_baseline: r.change_vs_baseline, geo_name: r.geo_name, ethnic_name: r.ethnic_name,
  plan_id: r.plan_id, baseline_year: r.baseline_year, target_year: r.target_year,
  suppressed: false, suppression_reason: null,
});

function publicRow(row: ValueRow, reason: SuppressionReason | null, baselineHidden: boolean, ctx: SuppressionContext, previousHidden: boolean): PublicValueRow {
  const flags = row.flags === null ? null
    : row.flags.split(';').filter((f) => f && !(reason && (f === 'over_100' || f === 'small_denominator'))).join(';') || null;
  const out = publicCopy(row, previousHidden ? null : row.target, flags);
  if (reason) {
    out.numerator = null;
    out.denominator = null;
    out.value = null;
    out.status = null;
    out.change_vs_baseline = null;
    if (baselineHidden) {
      out.baseline_value = null;
      if (ctx.baselineTargets.has(row.indicator_id)) out.target = null;
    }
    out.suppressed = true;
    out.suppression_reason = reason;
  } else if (baselineHidden && row.year !== (row.baseline_year ?? 2020)) {
    // The value stands; what is computed from the hidden baseline goes.
    out.baseline_value = null;
    out.change_vs_baseline = null;
    if (ctx.baselineTargets.has(row.indicator_id)) out.target = null;
    out.status = null;
    out.suppression_reason = 'baseline';
  }
  return out;
}

/** The plan's headline at commune level: DTTS, both sexes, a value about persons. */
export const isCommuneHeadline = (r: ValueRow): boolean => r.geo_level !== 'area' && r.ethnic_group === 'DTTS' && r.sex === 'ALL';

/**
 * How much of the headline the site shows: commune-level DTTS both-sex values that no primary
 * rule hides (eligible), and how many of them are shown (not hidden as a secondary).
 */
export function headlineShare(rows: PublicValueRow[], notAboutPersons: Set<string> = new Set()): { eligible: number; shown: number } {
  let eligible = 0;
  let shown = 0;
  for (const r of rows) {
    if (!isCommuneHeadline(r) || notAboutPersons.has(r.indicator_id)) continue;
    if (r.suppression_reason !== null && r.suppression_reason !== 'secondary' && r.suppression_reason !== 'baseline') continue;
    eligible++;
    if (!r.suppressed) shown++;
  }
  return { eligible, shown };
}
