// How the disclosure control's time grows with the communes: a synthetic table of one rate indicator
// and one year (N communes of the 2020 frame merged three into one in 2025, G ethnic groups, both
// sexes; a third of the finest cells small), suppressed and checked against the attacker as a run
// does it for every indicator and year. `pnpm --filter @dtts/reports bench:suppression 17 50 100`.
import { createHash } from 'node:crypto';
import { decidePattern } from '../src/pattern-cache.ts';
import type { SuppressionContext, ValueRow } from '../src/public-values.ts';

const G = 8;
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

function table(N: number): { rows: ValueRow[]; ctx: SuppressionContext } {
const groups = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].slice(0, G);
const minority = (g: string) => g !== '01';
const communes = Array.from({ length: N }, (_, i) => String(90001 + i));
const parentOf = new Map(communes.map((c, i) => [c, communes[i - (i % 3)]!]));
// finest cells: commune × group × sex → [den, num]
const fine = new Map<string, [number, number]>();
for (const c of communes) for (const g of groups) for (const s of ['Nam', 'Nữ']) {
  const den = Math.floor(rnd() < 0.3 ? rnd() * 15 : rnd() * 300);
  fine.set(`${c}|${g}|${s}`, [den, Math.floor(den * rnd())]);
}
const rows: ValueRow[] = [];
const add = (level: string, code: string, cs: string[], eth: string, sex: string) => {
  const gs = eth === 'ALL' ? groups : eth === 'DTTS' ? groups.filter(minority) : [eth];
  const ss = sex === 'ALL' ? ['Nam', 'Nữ'] : [sex];
  let n = 0;
  let d = 0;
  for (const c of cs) {
    for (const g of gs) {
      for (const s of ss) {
        const f = fine.get(`${c}|${g}|${s}`)!;
        d += f[0];
        n += f[1];
      }
    }
  }
  if (d === 0) return;
  rows.push({ indicator_id: 'poor_household_rate', year: 2024, geo_level: level, geo_code: code, ethnic_group: eth, sex, numerator: n, denominator: d, value: n / d, target: null, status: null, flags: null, baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null });
};
const c2025 = [...new Set(parentOf.values())];
for (const eth of ['ALL', 'DTTS', ...groups]) for (const sex of ['ALL', 'Nam', 'Nữ']) {
  add('area', 'BAO_YEN', communes, eth, sex);
  for (const c of communes) add('commune_2020', c, [c], eth, sex);
  for (const p of c2025) add('commune_2025', p, communes.filter((c) => parentOf.get(c) === p), eth, sex);
}
return { rows, ctx: { parentOf, nonCountNumerators: new Set(), baselineTargets: new Set(), notAboutPersons: new Set() } };
}

for (const N of (process.argv.slice(2).length ? process.argv.slice(2) : ['17', '50', '100']).map(Number)) {
  const { rows, ctx } = table(N);
  const t = performance.now();
  const { suppressed } = await decidePattern(rows, ctx);
  const seconds = (performance.now() - t) / 1000;
  // A digest of the pattern, so two versions of the solver can be compared on the same tables.
  const digest = createHash('sha256').update([...suppressed].map(([k, why]) => `${k}=${why}`).sort().join('\n')).digest('hex').slice(0, 12);
  console.log(`${N} communes, ${G} groups: ${rows.length} cells, ${suppressed.size} suppressed (pattern ${digest}), ${seconds.toFixed(2)} s`);
}
