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

/** The input with every key numbered: cells 0..n−1, relations and links as lists of cell numbers. */
interface Prepared {
  keys: string[];
  cells: Cell[];
  /** [total, ...parts], present cells only. */
  relations: number[][];
  links: number[][];
}

function prepare(input: SuppressionInput): Prepared {
  const index = new Map<string, number>();
  for (const c of input.cells) {
    if (index.has(c.key)) throw new Error(`suppression: duplicate cell ${c.key}`);
    index.set(c.key, index.size);
  }
  const relations: number[][] = [];
  for (const r of input.relations) {
    const total = index.get(r.total);
    if (total === undefined) continue; // no total row: the denominator was 0, so every part is 0 too
    const parts = [...new Set(r.parts)].filter((k) => k !== r.total && index.has(k)).map((k) => index.get(k)!);
    if (parts.length > 0) relations.push([total, ...parts]);
  }
  const links = (input.links ?? []).map((g) => g.filter((k) => index.has(k)).map((k) => index.get(k)!)).filter((g) => g.length > 1);
  return { keys: input.cells.map((c) => c.key), cells: input.cells, relations, links };
}

/**
 * The cell to hide next in a relation: the cheapest (headline cells cost more), then a part
 * before the total, then the smallest.
 */
function pickSecondary(members: number[], hidden: Uint8Array, p: Prepared, firstIsTotal = true): number | undefined {
  let best: number | undefined;
  let bestRank: number[] = [];
  members.forEach((m, i) => {
    if (hidden[m]) return;
    const c = p.cells[m]!;
    const rank = [c.cost ?? 0, firstIsTotal && i === 0 ? 1 : 0, c.denominator ?? Infinity, c.numerator ?? Infinity];
    if (best === undefined || before(rank, p.keys[m]!, bestRank, p.keys[best]!)) {
      best = m;
      bestRank = rank;
    }
  });
  return best;
}

function before(a: number[], ak: string, b: number[], bk: string): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! < b[j]!;
  return ak < bk;
}

/** Decides which cells to suppress. Returns key → reason for every suppressed cell. */
export function suppress(input: SuppressionInput): Map<string, SuppressionReason> {
  const p = prepare(input);
  const suppressed = new Map<string, SuppressionReason>();
  const hidden = new Uint8Array(p.keys.length);
  const hide = (m: number, reason: SuppressionReason) => {
    hidden[m] = 1;
    suppressed.set(p.keys[m]!, reason);
  };
  p.cells.forEach((c, m) => {
    const reason = primaryReason(c) ?? input.fixed?.get(c.key);
    if (reason) hide(m, reason);
  });
  const byCell = relationsByCell(p);
  // A component's equations are fixed by its hidden cells, so one that an earlier round solved
  // and left unchanged is not solved again.
  const solved = new Map<string, Set<number>>();
  for (;;) {
    let changed = false;
    for (const group of p.links) {
      if (group.some((m) => hidden[m])) {
        for (const m of group) {
          if (hidden[m]) continue;
          hide(m, 'secondary');
          changed = true;
        }
      }
    }
    for (const members of p.relations) {
      let unknown = 0;
      for (const m of members) if (hidden[m] && ++unknown > 1) break;
      if (unknown !== 1) continue;
      const pick = pickSecondary(members, hidden, p);
      if (pick === undefined) continue;
      hide(pick, 'secondary');
      changed = true;
    }
    if (changed) continue;
    // Every relation now has 0 or ≥ 2 unknowns; look for recoveries through several relations.
    const leaks = recoverable(p, hidden, solved);
    if (leaks.length === 0) return suppressed;
    // One more cell for each leak: the cheapest open cell of any relation through it.
    let picked = false;
    for (const leak of leaks) {
      const open = byCell[leak]!.map((ri) => pickSecondary(p.relations[ri]!, hidden, p)).filter((m): m is number => m !== undefined);
      const pick = pickSecondary(open, hidden, p, false);
      if (pick === undefined) continue;
      hide(pick, 'secondary');
      picked = true;
    }
    if (!picked) throw new Error(`suppression: cannot protect ${leaks.slice(0, 3).map((m) => p.keys[m]).join(', ')}: every cell of their relations is hidden`);
  }
}

/** Cell number → the relations it is in. */
function relationsByCell(p: Prepared): number[][] {
  const out: number[][] = Array.from({ length: p.keys.length }, () => []);
  p.relations.forEach((members, i) => {
    for (const m of members) out[m]!.push(i);
  });
  return out;
}

/**
 * Suppressed cells that a reader could compute exactly from the published cells with any
 * linear combination of the relations.
 */
export function findRecoverable(input: SuppressionInput, suppressedKeys: Iterable<string>): string[] {
  const p = prepare(input);
  const index = new Map(p.keys.map((k, m) => [k, m]));
  const hidden = new Uint8Array(p.keys.length);
  for (const k of suppressedKeys) {
    const m = index.get(k);
    if (m !== undefined) hidden[m] = 1;
  }
  return recoverable(p, hidden).map((m) => p.keys[m]!);
}

/** Union-find over numbered items, with path halving. */
function unionFind(size: number) {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  return { find, union };
}

/** Items by the union-find root of the unknown each names, in the items' order. */
function byRoot<T>(uf: ReturnType<typeof unionFind>, items: readonly T[], unknown: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const root = uf.find(unknown(item));
    const list = out.get(root);
    if (list) list.push(item);
    else out.set(root, [item]);
  }
  return out;
}

function recoverable(p: Prepared, hidden: Uint8Array, solved = new Map<string, Set<number>>()): number[] {
  // Components of suppressed cells joined by a common relation; each is solved on its own.
  const uf = unionFind(p.keys.length);
  const seen = new Uint8Array(p.keys.length);
  const order: number[] = []; // hidden cells in the order the relations first name them
  const touching: number[][] = [];
  for (const members of p.relations) {
    let first = -1;
    for (const m of members) {
      if (!hidden[m]) continue;
      if (!seen[m]) {
        seen[m] = 1;
        order.push(m);
      }
      if (first < 0) first = m;
      else uf.union(m, first);
    }
    if (first >= 0) touching.push(members);
  }
  const rowsOf = byRoot(uf, touching, (members) => members.find((m) => hidden[m])!);
  const out: number[] = [];
  for (const [root, columns] of byRoot(uf, order, (m) => m)) {
    const rows = rowsOf.get(root)!;
    const id = Int32Array.from(columns).sort().join(',');
    let found = solved.get(id);
    if (!found) {
      const local = new Map(columns.map((m, i) => [m, i]));
      const equations = rows.map((members) => members.flatMap((m, j): [number, number][] => (hidden[m] ? [[local.get(m)!, j === 0 ? 1 : -1]] : [])));
      const { samples } = nullSpace(columns.length, equations);
      found = new Set(columns.filter((_, i) => samples.every((z) => z[i] === 0)));
      solved.set(id, found);
    }
    for (const m of columns) if (found.has(m)) out.push(m);
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
  // The hidden quantities numbered; each relation that names one is an equation on them.
  const index = new Map<string, number>();
  const number = (k: string) => {
    if (!index.has(k)) index.set(k, index.size);
    return index.get(k)!;
  };
  const equations: [number, number][][] = [];
  for (const r of relations) {
    const terms: [number, number][] = [];
    for (const [j, k] of [r.total, ...r.parts.filter((q) => q !== r.total)].entries()) if (hidden.has(k)) terms.push([number(k), j === 0 ? 1 : -1]);
    if (terms.length > 0) equations.push(terms);
  }
  for (const t of targets) for (const [k] of t.terms) if (hidden.has(k)) number(k);
  const uf = unionFind(index.size);
  for (const terms of equations) for (const [m] of terms.slice(1)) uf.union(m, terms[0]![0]);
  const equationsOf = byRoot(uf, equations, (terms) => terms[0]![0]);
  const components = new Map<number, { columns: number[]; equations: [number, number][][]; space?: NullSpace; local?: Map<number, number> }>();
  for (const [root, columns] of byRoot(uf, Array.from({ length: index.size }, (_, m) => m), (m) => m)) {
    components.set(root, { columns, equations: equationsOf.get(root) ?? [] });
  }

  const out: string[] = [];
  for (const t of targets) {
    const parts = new Map<number, Map<number, number>>();
    for (const [k, coef] of t.terms) {
      if (!hidden.has(k) || coef === 0) continue;
      const m = index.get(k)!;
      const root = uf.find(m);
      const part = parts.get(root) ?? new Map<number, number>();
      part.set(m, (part.get(m) ?? 0) + coef);
      parts.set(root, part);
    }
    let fixed = true;
    for (const [root, part] of parts) {
      const c = components.get(root)!;
      if (c.equations.length === 0) {
        fixed = false; // no equation mentions it
        break;
      }
      if (!c.space) {
        c.local = new Map(c.columns.map((m, i) => [m, i]));
        c.space = nullSpace(c.columns.length, c.equations.map((terms) => terms.map(([m, a]): [number, number] => [c.local!.get(m)!, a])));
      }
      const local = new Map([...part].map(([m, a]) => [c.local!.get(m)!, a]));
      if (!inRowSpace(c.space, local)) {
        fixed = false;
        break;
      }
    }
    if (fixed) out.push(t.key);
  }
  return out;
}

/**
 * The exact attacker's linear algebra, on the equations restricted to a component's hidden
 * quantities (A_S). A functional v of them is fixed by the published cells exactly when v lies in
 * A_S's row space, that is when v·z = 0 for every z with A_S z = 0. The equations are eliminated
 * sparsely (Markowitz: the pivot in the column with the fewest entries, from its shortest row, so
 * the hierarchies' equations stay short) in exact arithmetic modulo a prime, then a few random
 * solutions z of A_S z = 0 are drawn by back-substitution from random values of the free unknowns.
 * v·z = 0 for all of them decides it: if v is in the row space it holds for every z; if not, v·z is a
 * non-zero linear form of the random values and vanishes with probability 1/P per draw (then the
 * cell is hidden one more time than needed, never the other way). The draws come from a fixed seed,
 * so runs are reproducible. Modulo P the rank could come out lower than over the rationals only where a
 * pivot's minor is a multiple of P (≈ 9.5·10⁷); the relations here are sums with coefficients ±1, whose
 * minors are small, so this is not expected — a probability argument, not a proof.
 */
interface NullSpace {
  /** Random solutions of A_S z = 0, modulo P. */
  samples: Float64Array[];
}

/** The largest prime whose square is below 2^53, so a product of two residues is exact in a double. */
const P = 94906249;
const SAMPLES = 3;

const mulmod = (a: number, b: number) => (a * b) % P;

function invmod(a: number): number {
  // Extended Euclid; a is in 1..P−1 and P is prime.
  let [r0, r1, s0, s1] = [a, P, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % P) + P) % P;
}

/** n unknowns; each equation a list of [unknown, coefficient] (a repeated unknown adds up). */
function nullSpace(n: number, equations: [number, number][][]): NullSpace {
  const rows: Map<number, number>[] = [];
  const colRows: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const terms of equations) {
    const row = new Map<number, number>();
    for (const [c, a] of terms) {
      const v = ((row.get(c) ?? 0) + ((a % P) + P)) % P;
      if (v === 0) row.delete(c);
      else row.set(c, v);
    }
    if (row.size === 0) continue;
    for (const c of row.keys()) colRows[c]!.add(rows.length);
    rows.push(row);
  }
  const pivots: { col: number; row: Map<number, number> }[] = [];
  const isPivot = new Uint8Array(n);
  for (;;) {
    let col = -1;
    for (let c = 0; c < n; c++) {
      const size = colRows[c]!.size;
      if (size > 0 && (col < 0 || size < colRows[col]!.size)) col = c;
    }
    if (col < 0) break;
    let p = -1;
    for (const i of colRows[col]!) if (p < 0 || rows[i]!.size < rows[p]!.size) p = i;
    const pivot = rows[p]!;
    for (const c of pivot.keys()) colRows[c]!.delete(p);
    const inv = invmod(pivot.get(col)!);
    for (const i of [...colRows[col]!]) {
      const row = rows[i]!;
      const f = mulmod(row.get(col)!, inv);
      for (const [c, a] of pivot) {
        const v = ((row.get(c) ?? 0) - mulmod(f, a) + P) % P;
        if (v === 0) {
          row.delete(c);
          colRows[c]!.delete(i);
        } else {
          if (!row.has(c)) colRows[c]!.add(i);
          row.set(c, v);
        }
      }
    }
    pivots.push({ col, row: pivot });
    isPivot[col] = 1;
  }
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: the free unknowns' values, 1..P−1, the same every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) % (P - 1)) + 1;
  };
  const samples: Float64Array[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const z = new Float64Array(n);
    for (let c = 0; c < n; c++) if (!isPivot[c]) z[c] = random();
    // Each pivot row names its pivot and unknowns eliminated later (or free): solve backwards.
    for (let k = pivots.length - 1; k >= 0; k--) {
      const { col, row } = pivots[k]!;
      let sum = 0;
      for (const [c, a] of row) if (c !== col) sum = (sum + mulmod(a, z[c]!)) % P;
      z[col] = mulmod((P - sum) % P, invmod(row.get(col)!));
    }
    samples.push(z);
  }
  return { samples };
}

/** v (sparse: one or two unknowns) is in the row space: v·z = 0 for every sampled null vector. */
function inRowSpace(space: NullSpace, v: Map<number, number>): boolean {
  return space.samples.every((z) => {
    let dot = 0;
    for (const [c, coef] of v) dot = (dot + mulmod(((coef % P) + P) % P, z[c]!)) % P;
    return dot === 0;
  });
}
