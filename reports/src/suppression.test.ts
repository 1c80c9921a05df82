import { describe, expect, it } from 'vitest';
import { findRecoverable, primaryReason, recoverableFunctionals, suppress, type Cell, type Relation } from './suppression.ts';

const cell = (key: string, numerator: number | null, denominator: number | null, numeratorIsCount = true): Cell => ({
  key,
  numerator,
  denominator,
  numeratorIsCount,
});

/**
 * An attacker's try at every subtraction: each relation alone and each sum or difference of two
 * relations, on numerators, on denominators and on complements (denominator − numerator).
 * Returns the cells it recovered exactly.
 */
function subtractionAttack(cells: Cell[], relations: Relation[], suppressed: Set<string>): string[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const vectors = relations
    .filter((r) => byKey.has(r.total))
    .map((r) => {
      const v = new Map<string, number>([[r.total, 1]]);
      for (const p of r.parts) if (byKey.has(p)) v.set(p, (v.get(p) ?? 0) - 1);
      return v;
    });
  const combos: Map<string, number>[] = [...vectors];
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++)
      for (const sign of [1, -1]) {
        const v = new Map(vectors[i]);
        for (const [k, c] of vectors[j]!) v.set(k, (v.get(k) ?? 0) + sign * c);
        combos.push(v);
      }
  const found = new Set<string>();
  for (const v of combos) {
    const unknown = [...v].filter(([k, c]) => c !== 0 && suppressed.has(k));
    if (unknown.length !== 1) continue;
    const [target, coef] = unknown[0]!;
    const fields = {
      numerator: (c: Cell) => c.numerator ?? 0,
      denominator: (c: Cell) => c.denominator ?? 0,
      complement: (c: Cell) => (c.denominator ?? 0) - (c.numerator ?? 0),
    };
    for (const field of Object.values(fields)) {
      let rest = 0;
      for (const [k, c] of v) if (k !== target) rest += c * field(byKey.get(k)!);
      const guess = -rest / coef;
      if (guess === field(byKey.get(target)!)) found.add(target);
    }
  }
  return [...found];
}

/** A small two-way table (communes × ethnic groups) with margins, built from the finest cells. */
function communeEthnicTable(counts: Record<string, Record<string, [number, number]>>) {
  const cells: Cell[] = [];
  const relations: Relation[] = [];
  const groups = [...new Set(Object.values(counts).flatMap((g) => Object.keys(g)))];
  const communes = Object.keys(counts);
  const minority = (g: string) => g !== '01';
  const add = (geo: string, eth: string, n: number, d: number) => {
    if (d > 0) cells.push(cell(`${geo}|${eth}`, n, d));
  };
  const sum = (pick: (commune: string, group: string) => boolean, i: 0 | 1) =>
    communes.reduce((s, c) => s + groups.reduce((t, g) => t + (pick(c, g) ? (counts[c]![g]?.[i] ?? 0) : 0), 0), 0);
  for (const geo of ['AREA', ...communes]) {
    const inGeo = (c: string) => geo === 'AREA' || c === geo;
    for (const g of groups) add(geo, g, sum((c, gg) => inGeo(c) && gg === g, 0), sum((c, gg) => inGeo(c) && gg === g, 1));
    add(geo, 'ALL', sum((c) => inGeo(c), 0), sum((c) => inGeo(c), 1));
    add(geo, 'DTTS', sum((c, g) => inGeo(c) && minority(g), 0), sum((c, g) => inGeo(c) && minority(g), 1));
    relations.push({ total: `${geo}|ALL`, parts: groups.map((g) => `${geo}|${g}`) });
    relations.push({ total: `${geo}|DTTS`, parts: groups.filter(minority).map((g) => `${geo}|${g}`) });
    relations.push({ total: `${geo}|ALL`, parts: [`${geo}|DTTS`, ...groups.filter((g) => !minority(g)).map((g) => `${geo}|${g}`)] });
  }
  for (const eth of ['ALL', 'DTTS', ...groups]) relations.push({ total: `AREA|${eth}`, parts: communes.map((c) => `${c}|${eth}`) });
  return { cells, relations };
}

describe('primary suppression', () => {
  it('suppresses counts 1–4 and rates with a denominator under 20, keeps zeros', () => {
    expect(primaryReason(cell('a', 3, 200))).toBe('small_count');
    expect(primaryReason(cell('a', 0, 200))).toBeNull();
    expect(primaryReason(cell('a', 5, 20))).toBeNull();
    expect(primaryReason(cell('a', 10, 19))).toBe('small_denominator');
    expect(primaryReason(cell('a', 0, 4))).toBe('small_count');
    expect(primaryReason(cell('a', 3, 200, false))).toBeNull(); // a VND sum is not a head count
    expect(primaryReason(cell('a', null, 40))).toBeNull();
  });

  it('suppresses a rate whose complement (denominator − numerator) is from 1 to 4', () => {
    expect(primaryReason(cell('a', 18, 20))).toBe('small_complement'); // 2 of 20 are not insured
    expect(primaryReason(cell('a', 16, 20))).toBe('small_complement');
    expect(primaryReason(cell('a', 196, 200))).toBe('small_complement');
    expect(primaryReason(cell('a', 20, 20))).toBeNull(); // nobody left out: a zero, kept
    expect(primaryReason(cell('a', 15, 20))).toBeNull(); // 5 left out
    expect(primaryReason(cell('a', 21, 20))).toBeNull(); // over 100%: no complement
    expect(primaryReason(cell('a', 18, 19))).toBe('small_denominator');
    expect(primaryReason(cell('a', 18, 20, false))).toBeNull(); // VND − persons is not a count
    expect(primaryReason(cell('a', null, 20))).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('suppresses the next-smallest group when one group of a total is suppressed', () => {
    const cells = [cell('ALL', 60, 300), cell('01', 20, 100), cell('02', 3, 90), cell('09', 15, 50), cell('08', 22, 60)];
    const relations = [{ total: 'ALL', parts: ['01', '02', '09', '08'] }];
    const s = suppress({ cells, relations });
    expect(s.get('02')).toBe('small_count');
    expect(s.get('09')).toBe('secondary'); // smallest denominator among the rest
    expect(s.has('ALL')).toBe(false);
    expect(subtractionAttack(cells, relations, new Set(s.keys()))).toEqual([]);
  });

  it('suppresses Nam when only Nữ is small and ALL is shown', () => {
    const cells = [cell('ALL', 40, 100), cell('Nam', 38, 60), cell('Nữ', 2, 40)];
    const relations = [{ total: 'ALL', parts: ['Nam', 'Nữ'] }];
    const s = suppress({ cells, relations });
    expect([...s.keys()].sort()).toEqual(['Nam', 'Nữ']);
  });

  it('hides the cheaper of two cells: ALL rather than the DTTS headline when Kinh is small', () => {
    const cells = [{ ...cell('ALL', 50, 400), cost: 4 }, { ...cell('DTTS', 47, 380), cost: 5 }, { ...cell('01', 3, 20), cost: 3 }];
    const s = suppress({ cells, relations: [{ total: 'ALL', parts: ['DTTS', '01'] }] });
    expect([...s.keys()].sort()).toEqual(['01', 'ALL']);
  });

  it('suppresses the total when the suppressed part is its only part', () => {
    const cells = [cell('NEW', 3, 30), cell('OLD', 3, 30)];
    const s = suppress({ cells, relations: [{ total: 'NEW', parts: ['OLD'] }] });
    expect([...s.keys()].sort()).toEqual(['NEW', 'OLD']);
  });

  it('leaves no cell of a communes × ethnic groups table recoverable by any subtraction', () => {
    const { cells, relations } = communeEthnicTable({
      X1: { '01': [40, 200], '02': [30, 150], '09': [3, 60], '08': [12, 80] },
      X2: { '01': [55, 220], '02': [18, 17], '09': [25, 90], '08': [40, 130] },
      X3: { '01': [20, 100], '02': [35, 140], '09': [44, 150], '08': [2, 25] },
    });
    const s = suppress({ cells, relations });
    const suppressed = new Set(s.keys());
    expect(suppressed.has('X1|09')).toBe(true);
    expect(suppressed.has('X2|02')).toBe(true);
    expect(suppressed.has('X3|08')).toBe(true);
    expect([...s.values()].filter((r) => r === 'secondary').length).toBeGreaterThan(0);
    expect(subtractionAttack(cells, relations, suppressed)).toEqual([]);
    expect(findRecoverable({ cells, relations }, suppressed)).toEqual([]);
  });

  it('hides a second cell where a small complement could be subtracted back', () => {
    // 18 of 20 women insured: 2 are not. Without a second hidden cell, ALL − Nam gives both back.
    const cells = [cell('ALL', 48, 80), cell('Nam', 30, 60), cell('Nữ', 18, 20)];
    const relations = [{ total: 'ALL', parts: ['Nam', 'Nữ'] }];
    expect(subtractionAttack(cells, relations, new Set(['Nữ']))).toEqual(['Nữ']);
    const s = suppress({ cells, relations });
    expect(s.get('Nữ')).toBe('small_complement');
    expect(s.get('Nam')).toBe('secondary');
    expect(s.has('ALL')).toBe(false);
    expect(subtractionAttack(cells, relations, new Set(s.keys()))).toEqual([]);
    expect(findRecoverable({ cells, relations }, s.keys())).toEqual([]);
  });

  it('leaves no complement of a communes × ethnic groups table recoverable', () => {
    const { cells, relations } = communeEthnicTable({
      X1: { '01': [40, 200], '02': [148, 150], '09': [30, 60], '08': [12, 80] },
      X2: { '01': [55, 220], '02': [60, 140], '09': [25, 90], '08': [97, 100] },
      X3: { '01': [20, 100], '02': [35, 140], '09': [44, 150], '08': [20, 25] },
    });
    const s = suppress({ cells, relations });
    expect(s.get('X1|02')).toBe('small_complement');
    expect(s.get('X2|08')).toBe('small_complement');
    expect(primaryReason(cells.find((c) => c.key === 'X3|08')!)).toBeNull(); // 5 of 25 left out: no primary
    const suppressed = new Set(s.keys());
    expect([...s.values()].filter((r) => r === 'secondary').length).toBeGreaterThan(0);
    expect(subtractionAttack(cells, relations, suppressed)).toEqual([]);
    expect(findRecoverable({ cells, relations }, suppressed)).toEqual([]);
  });

  it('suppresses together the cells that share a denominator', () => {
    const cells = [
      cell('poor|ALL', 30, 120), cell('poor|01', 2, 60), cell('poor|02', 28, 60),
      cell('elec|ALL', 110, 120), cell('elec|01', 58, 60), cell('elec|02', 52, 60),
    ];
    const relations = [
      { total: 'poor|ALL', parts: ['poor|01', 'poor|02'] },
      { total: 'elec|ALL', parts: ['elec|01', 'elec|02'] },
    ];
    const s = suppress({ cells, relations, links: [['poor|01', 'elec|01'], ['poor|02', 'elec|02'], ['poor|ALL', 'elec|ALL']] });
    expect([...s.keys()].sort()).toEqual(['elec|01', 'elec|02', 'poor|01', 'poor|02']);
  });
});

describe('the recovery check', () => {
  it('fails a pattern that hand-picked "two per line" suppression leaves open', () => {
    // x+y, y+z and x+z are each known: x = (T1 − T2 + T3) / 2 although every relation has two unknowns.
    const cells = [cell('T1', 50, 100), cell('T2', 50, 100), cell('T3', 50, 100), cell('x', 25, 50), cell('y', 25, 50), cell('z', 25, 50)];
    const relations = [
      { total: 'T1', parts: ['x', 'y'] },
      { total: 'T2', parts: ['y', 'z'] },
      { total: 'T3', parts: ['x', 'z'] },
    ];
    expect(findRecoverable({ cells, relations }, ['x', 'y', 'z']).sort()).toEqual(['x', 'y', 'z']);
    // ...and the attack finds what a single relation gives away.
    expect(subtractionAttack(cells, relations, new Set(['x']))).toEqual(['x']);
    // suppress() closes the gap.
    const fixed = suppress({ cells: cells.map((c) => (c.key === 'x' ? { ...c, numerator: 3 } : c)), relations });
    expect(findRecoverable({ cells, relations }, fixed.keys())).toEqual([]);
  });
});

describe('recoverable functionals', () => {
  it('finds exactly the combinations the published totals fix', () => {
    // T1 = x + y and T2 = y + z published; x, y, z hidden; w hidden and in no relation.
    const relations = [{ total: 'T1', parts: ['x', 'y'] }, { total: 'T2', parts: ['y', 'z'] }];
    const hidden = new Set(['x', 'y', 'z', 'w']);
    const f = (key: string, ...terms: [string, number][]) => ({ key, terms });
    const found = recoverableFunctionals(relations, hidden, [
      f('x', ['x', 1]), f('x+y', ['x', 1], ['y', 1]), f('x-z', ['x', 1], ['z', -1]), f('x+z', ['x', 1], ['z', 1]),
      f('w', ['w', 1]), f('T1', ['T1', 1]), f('T1-x', ['T1', 1], ['x', -1]),
    ]);
    // x + y = T1; x − z = T1 − T2; a published quantity is known; T1 − x = y is not.
    expect(found.sort()).toEqual(['T1', 'x+y', 'x-z']);
  });
});

describe('the exact attacker on a two-way table', () => {
  // Interior cells of an R × C table whose row and column totals are published: the hidden cells
  // are the edges of a bipartite graph (row – column), a solution of the homogeneous equations is
  // a signed cycle of it, so a hidden cell is recoverable exactly when its edge lies on no cycle
  // (a bridge). The bridges are found here by brute force: drop the edge, is its row still joined
  // to its column through the other hidden cells?
  const R = 9;
  const C = 11;
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  function bridges(hidden: [number, number][]): string[] {
    const out: string[] = [];
    hidden.forEach(([r, c], skip) => {
      const reached = new Set([`r${r}`]);
      const todo = [`r${r}`];
      while (todo.length) {
        const node = todo.pop()!;
        hidden.forEach(([r2, c2], i) => {
          if (i === skip) return;
          const [a, b] = [`r${r2}`, `c${c2}`];
          const next = node === a ? b : node === b ? a : null;
          if (!next || reached.has(next)) return;
          reached.add(next);
          todo.push(next);
        });
      }
      if (!reached.has(`c${c}`)) out.push(`${r}|${c}`);
    });
    return out.sort();
  }

  it.each([0.12, 0.2, 0.3])('finds exactly the bridges when %s of the cells are hidden', (share) => {
    const cells: Cell[] = [];
    const relations: Relation[] = [];
    const hidden: [number, number][] = [];
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        cells.push(cell(`${r}|${c}`, 10, 50));
        if (rnd() < share) hidden.push([r, c]);
      }
      cells.push(cell(`${r}|T`, 10 * C, 50 * C));
      relations.push({ total: `${r}|T`, parts: Array.from({ length: C }, (_, c) => `${r}|${c}`) });
    }
    for (let c = 0; c < C; c++) {
      cells.push(cell(`T|${c}`, 10 * R, 50 * R));
      relations.push({ total: `T|${c}`, parts: Array.from({ length: R }, (_, r) => `${r}|${c}`) });
    }
    const expected = bridges(hidden);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(hidden.length);
    expect(findRecoverable({ cells, relations }, hidden.map(([r, c]) => `${r}|${c}`)).sort()).toEqual(expected);
  });
});
