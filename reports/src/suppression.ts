// Statistical disclosure control for the public site (OUTPUTS.md "What reaches the public site").
//
// Primary: a head count from 1 to 4 (numerator or denominator), a rate whose complement
// (denominator − numerator: 18 of 20 insured tells that 2 are not) is from 1 to 4, or a rate whose
// denominator is under 20 is suppressed. Secondary: every published total is a linear relation
// (total = Σ parts: ALL = Σ ethnic groups, DTTS = Σ minority groups, ALL = Nam + Nữ,
// area = Σ communes, new commune = Σ its former communes). A suppressed cell that is the only
// unknown of a relation could be recovered by subtraction, so a second cell is suppressed
// there; then an exact check (is the cell's unit vector in the row space of the relations
// restricted to the suppressed cells?) catches recoveries that need several relations at once.
// Within one table numerators and denominators share one pattern and one set of relations, so one
// check covers both, and the complements too (denominator − numerator obeys the same relations).
// Across tables that publish the same denominator, public-values.ts suppresses the denominators as a
// table of their own and attacks the whole publication with recoverableFunctionals.

export const MIN_COUNT = 5;
export const MIN_DENOMINATOR = 20;

export interface Cell {
  key: string;
  numerator: number | null;
  denominator: number | null;
  /** false where the numerator is not a head count (income: a sum of VND); then neither it nor denominator − numerator is a count. */
  numeratorIsCount: boolean;
  /** How much the reader loses if this cell is hidden as a secondary; the cheapest goes first (default 0). */
  cost?: number;
}

/** total = Σ parts, for numerators and denominators alike. Keys of absent cells are known zeros. */
export interface Relation {
  total: string;
  parts: string[];
}

export type SuppressionReason = 'small_count' | 'small_complement' | 'small_denominator' | 'secondary';

export interface SuppressionInput {
  cells: Cell[];
  relations: Relation[];
  /** Groups of cells that publish the same quantity (a shared denominator): suppressed together. */
  links?: string[][];
  /**
   * Cells hidden from the start for a reason decided elsewhere (a shared denominator suppressed
   * across indicators): they are protected like the primary cells.
   */
  fixed?: Map<string, SuppressionReason>;
}

export function primaryReason(cell: Cell): SuppressionReason | null {
  const { numerator, denominator } = cell;
  if (denominator !== null && denominator < MIN_DENOMINATOR) {
    return denominator >= 1 && denominator < MIN_COUNT ? 'small_count' : 'small_denominator';
  }
  if (cell.numeratorIsCount && numerator !== null && numerator >= 1 && numerator < MIN_COUNT) return 'small_count';
  // The persons of the denominator not in the numerator are a head count too.
  if (cell.numeratorIsCount && numerator !== null && denominator !== null) {
    const rest = denominator - numerator;
    if (rest >= 1 && rest < MIN_COUNT) return 'small_complement';
  }
  return null;
}

interface Prepared {
  cells: Map<string, Cell>;
  relations: string[][]; // [total, ...parts], present cells only
  links: string[][];
}

function prepare(input: SuppressionInput): Prepared {
  const cells = new Map<string, Cell>();
  for (const c of input.cells) {
    if (cells.has(c.key)) throw new Error(`suppression: duplicate cell ${c.key}`);
    cells.set(c.key, c);
  }
  const relations: string[][] = [];
  for (const r of input.relations) {
    if (!cells.has(r.total)) continue; // no total row: the denominator was 0, so every part is 0 too
    const parts = [...new Set(r.parts)].filter((p) => p !== r.total && cells.has(p));
    if (parts.length > 0) relations.push([r.total, ...parts]);
  }
  const links = (input.links ?? []).map((g) => g.filter((k) => cells.has(k))).filter((g) => g.length > 1);
  return { cells, relations, links };
}

/**
 * The cell to hide next in a relation: the cheapest (headline cells cost more), then a part
 * before the total, then the smallest.
 */
function pickSecondary(members: string[], suppressed: Map<string, SuppressionReason>, cells: Map<string, Cell>, firstIsTotal = true): string | undefined {
  const rank = (k: string, i: number): number[] => {
    const c = cells.get(k)!;
    return [c.cost ?? 0, firstIsTotal && i === 0 ? 1 : 0, c.denominator ?? Infinity, c.numerator ?? Infinity];
  };
  const open = members
    .map((k, i) => ({ k, r: rank(k, i) }))
    .filter(({ k }) => !suppressed.has(k))
    .sort((a, b) => {
      for (let j = 0; j < a.r.length; j++) if (a.r[j] !== b.r[j]) return a.r[j]! - b.r[j]!;
      return a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    });
  return open[0]?.k;
}

/** Decides which cells to suppress. Returns key → reason for every suppressed cell. */
export function suppress(input: SuppressionInput): Map<string, SuppressionReason> {
  const p = prepare(input);
  const suppressed = new Map<string, SuppressionReason>();
  for (const c of p.cells.values()) {
    const reason = primaryReason(c) ?? input.fixed?.get(c.key);
    if (reason) suppressed.set(c.key, reason);
  }
  const byKey = relationsByKey(p.relations);
  // A component's equations are fixed by its hidden cells, so one that an earlier round solved
  // and left unchanged is not solved again.
  const solved = new Map<string, Set<string>>();
  for (;;) {
    let changed = false;
    for (const group of p.links) {
      if (group.some((k) => suppressed.has(k))) {
        for (const k of group) if (!suppressed.has(k)) (suppressed.set(k, 'secondary'), (changed = true));
      }
    }
    for (const members of p.relations) {
      if (members.filter((k) => suppressed.has(k)).length !== 1) continue;
      const pick = pickSecondary(members, suppressed, p.cells);
      if (pick) (suppressed.set(pick, 'secondary'), (changed = true));
    }
    if (changed) continue;
    // Every relation now has 0 or ≥ 2 unknowns; look for recoveries through several relations.
    const leaks = recoverable(p, new Set(suppressed.keys()), solved);
    if (leaks.length === 0) return suppressed;
    // One more cell for each leak: the cheapest open cell of any relation through it.
    let picked = false;
    for (const leak of leaks) {
      const open = (byKey.get(leak) ?? []).map((ri) => pickSecondary(p.relations[ri]!, suppressed, p.cells)).filter((k): k is string => k !== undefined);
      const pick = pickSecondary(open, suppressed, p.cells, false);
      if (pick) (suppressed.set(pick, 'secondary'), (picked = true));
    }
    if (!picked) throw new Error(`suppression: cannot protect ${leaks.slice(0, 3).join(', ')}: every cell of their relations is hidden`);
  }
}

function relationsByKey(relations: string[][]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  relations.forEach((members, i) => {
    for (const k of members) m.set(k, [...(m.get(k) ?? []), i]);
  });
  return m;
}

/**
 * Suppressed cells that a reader could compute exactly from the published cells with any
 * linear combination of the relations.
 */
export function findRecoverable(input: SuppressionInput, suppressedKeys: Iterable<string>): string[] {
  return recoverable(prepare(input), new Set(suppressedKeys));
}

function recoverable(p: Prepared, suppressed: Set<string>, solved = new Map<string, Set<string>>()): string[] {
  // Components of suppressed cells joined by a common relation; each is solved on its own.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const touching: string[][] = [];
  for (const members of p.relations) {
    const unknown = members.filter((k) => suppressed.has(k));
    if (unknown.length === 0) continue;
    touching.push(members);
    for (const k of unknown) if (!parent.has(k)) parent.set(k, k);
    for (const k of unknown.slice(1)) parent.set(find(k), find(unknown[0]!));
  }
  const components = new Map<string, { columns: string[]; rows: string[][] }>();
  for (const k of parent.keys()) {
    const root = find(k);
    if (!components.has(root)) components.set(root, { columns: [], rows: [] });
    components.get(root)!.columns.push(k);
  }
  for (const members of touching) {
    const first = members.find((k) => suppressed.has(k))!;
    components.get(find(first))!.rows.push(members);
  }
  const out: string[] = [];
  for (const { columns, rows } of components.values()) {
    const id = [...columns].sort().join('\n');
    const found = solved.get(id) ?? new Set(solvableColumns(columns, rows, suppressed));
    solved.set(id, found);
    out.push(...columns.filter((k) => found.has(k)));
  }
  return out;
}

/** Columns x_i fixed by A_S x_S = b: e_i lies in the row space of A_S (checked on its reduced row echelon form). */
function solvableColumns(columns: string[], relations: string[][], suppressed: Set<string>): string[] {
  const { pivots } = reduce(columns, relations, suppressed);
  const out: string[] = [];
  for (const [col, row] of pivots) {
    let alone = true;
    for (let j = 0; j < columns.length && alone; j++) if (j !== col && Math.abs(row[j]!) > EPS) alone = false;
    if (alone) out.push(columns[col]!);
  }
  return out;
}

/** A linear combination of quantities (Σ coefficient × quantity) an attacker may try to compute. */
export interface Functional {
  key: string;
  terms: [string, number][];
}

/**
 * The functionals a reader can compute exactly: the hidden quantities are unknowns, every other
 * quantity is known (published, or absent and so zero), and each relation (total = Σ parts) is
 * an equation. A functional is fixed when its hidden part lies in the row space of the equations
 * restricted to the hidden quantities (checked per connected component of hidden quantities:
 * the equations of different components share no unknown, so each part must lie in its own).
 * This is the attacker that knows every published table at once — numerators, denominators and
 * the denominators other indicators publish.
 */
export function recoverableFunctionals(relations: Relation[], hidden: Set<string>, targets: Functional[]): string[] {
  const rows = relations
    .map((r) => [r.total, ...r.parts.filter((k) => k !== r.total)])
    .filter((members) => members.some((k) => hidden.has(k)));
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const members of rows) {
    const unknown = members.filter((k) => hidden.has(k));
    for (const k of unknown) if (!parent.has(k)) parent.set(k, k);
    for (const k of unknown.slice(1)) parent.set(find(k), find(unknown[0]!));
  }
  const components = new Map<string, { columns: string[]; rows: string[][]; reduced?: Reduced }>();
  const componentOf = (k: string) => {
    const root = find(k);
    let c = components.get(root);
    if (!c) components.set(root, (c = { columns: [], rows: [] }));
    return c;
  };
  for (const k of parent.keys()) componentOf(k).columns.push(k);
  for (const members of rows) componentOf(members.find((k) => hidden.has(k))!).rows.push(members);

  const out: string[] = [];
  for (const t of targets) {
    const parts = new Map<string, Map<string, number>>();
    for (const [k, coef] of t.terms) {
      if (!hidden.has(k) || coef === 0) continue;
      if (!parent.has(k)) parent.set(k, k); // a hidden quantity in no relation: its own component
      const root = find(k);
      const part = parts.get(root) ?? new Map<string, number>();
      part.set(k, (part.get(k) ?? 0) + coef);
      parts.set(root, part);
    }
    let fixed = true;
    for (const [root, part] of parts) {
      const c = components.get(root);
      if (!c) {
        fixed = false; // no equation mentions it
        break;
      }
      c.reduced ??= reduce(c.columns, c.rows, hidden);
      if (!inRowSpace(c.reduced, part)) {
        fixed = false;
        break;
      }
    }
    if (fixed) out.push(t.key);
  }
  return out;
}

interface Reduced {
  index: Map<string, number>;
  /** Column → its pivot row of the reduced row echelon form (1 in that column, 0 in every other pivot column). */
  pivots: Map<number, Float64Array>;
}

const EPS = 1e-9;

/** Reduced row echelon form of the equations restricted to the component's hidden quantities. */
function reduce(columns: string[], relations: string[][], hidden: Set<string>): Reduced {
  const index = new Map(columns.map((k, i) => [k, i]));
  const n = columns.length;
  const rows = relations.map((members) => {
    const row = new Float64Array(n);
    members.forEach((k, j) => {
      if (hidden.has(k)) row[index.get(k)!]! += j === 0 ? 1 : -1;
    });
    return row;
  });
  const pivots = new Map<number, Float64Array>();
  let r = 0;
  for (let col = 0; col < n && r < rows.length; col++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![col]!) > EPS && (best < 0 || Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!))) best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const pv = pivot[col]!;
    for (let j = 0; j < n; j++) pivot[j]! /= pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i]!;
      const f = row[col]!;
      if (Math.abs(f) <= EPS) continue;
      for (let j = 0; j < n; j++) row[j]! -= f * pivot[j]!;
    }
    pivots.set(col, pivot);
    r++;
  }
  return { index, pivots };
}

/**
 * v lies in the row space exactly when v = Σ v[pivot column] × pivot row: the only combination that
 * can match v in the pivot columns. v is sparse (one or two quantities), so this costs a row or two.
 */
function inRowSpace(reduced: Reduced, part: Map<string, number>): boolean {
  const n = reduced.index.size;
  const v = new Float64Array(n);
  for (const [k, coef] of part) v[reduced.index.get(k)!]! += coef;
  const w = new Float64Array(n);
  for (const [k] of part) {
    const col = reduced.index.get(k)!;
    const row = reduced.pivots.get(col);
    if (!row) continue;
    const f = v[col]!;
    for (let j = 0; j < n; j++) w[j]! += f * row[j]!;
  }
  for (let j = 0; j < n; j++) if (Math.abs(w[j]! - v[j]!) > 1e-7) return false;
  return true;
}
