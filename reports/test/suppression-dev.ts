// Measures disclosure control on a real warehouse: `tsx test/suppression-dev.ts WAREHOUSE`.
// Prints how many values are hidden (primary, secondary) and the share of the headline cells
// (commune level, DTTS, both sexes) shown among those no primary rule hides.
import { Db } from '@dtts/db';
import { catalogRows } from '@dtts/indicators';
import { NOT_ABOUT_PERSONS } from '../src/public-data.ts';
import { disclosureLeaks, headlineShare, publicValues, type SuppressionContext, type ValueRow } from '../src/public-values.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: tsx test/suppression-dev.ts WAREHOUSE');
const db = await Db.open(':memory:');
await db.run(`attach '${path}' as wh (read_only)`);
const raw = await db.all<ValueRow>(`select indicator_id, cast(year as integer) as "year", geo_level, geo_code, ethnic_group, sex,
  cast(numerator as double) as "numerator", cast(denominator as double) as "denominator", cast(value as double) as "value", cast(target as double) as "target",
  status, cast(flags as varchar) as "flags", cast(baseline_value as double) as "baseline_value", cast(change_vs_baseline as double) as "change_vs_baseline",
  geo_name, ethnic_name from wh.marts.indicator_values`);
const geos = await db.all<{ geo_code: string; parent: string }>(`select geo_code, parent_2025_code parent from wh.marts.geographies where geo_level = 'commune_2020'`);
db.close();
const parentOf = new Map(geos.filter((g) => g.parent).map((g) => [g.geo_code, g.parent]));
const t0 = performance.now();
const ctx: SuppressionContext = {
  parentOf,
  nonCountNumerators: new Set(catalogRows.filter((c) => c.unit !== 'percent').map((c) => c.indicator_id)),
  baselineTargets: new Set(catalogRows.filter((c) => /baseline|yearly_decrease/.test(c.target_kind)).map((c) => c.indicator_id)),
  notAboutPersons: NOT_ABOUT_PERSONS,
};
const rows = await publicValues(raw, ctx);
const seconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const key = (r: ValueRow) => `${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}`;
const leaks = disclosureLeaks(raw.filter((r) => !NOT_ABOUT_PERSONS.has(r.indicator_id)),
  new Map(rows.filter((r) => r.suppressed).map((r) => [key(r), r.suppression_reason as 'secondary'])), ctx);
console.log(`attacker: ${leaks.length} suppressed cells recovered in ${((performance.now() - t1) / 1000).toFixed(1)} s ${leaks.slice(0, 3).join(', ')}`);
const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
console.log(`values ${rows.length}, hidden ${count((r) => r.suppressed)} (secondary ${count((r) => r.suppression_reason === 'secondary')}) in ${seconds.toFixed(1)} s`);
const share = headlineShare(rows, NOT_ABOUT_PERSONS);
console.log(`headline: ${share.shown} of ${share.eligible} shown (${((100 * share.shown) / share.eligible).toFixed(1)}%)`);
for (const level of ['commune_2025', 'commune_2020']) {
  const dtts = rows.filter((r) => r.geo_level === level && r.ethnic_group === 'DTTS' && r.sex === 'ALL' && !NOT_ABOUT_PERSONS.has(r.indicator_id));
  console.log(`  ${level}: DTTS both sexes hidden ${dtts.filter((r) => r.suppressed).length} of ${dtts.length}`);
}
const byIndicator = new Map<string, [number, number]>();
for (const r of rows) {
  if (r.geo_level === 'area' || r.ethnic_group !== 'DTTS' || r.sex !== 'ALL' || NOT_ABOUT_PERSONS.has(r.indicator_id)) continue;
  const e = byIndicator.get(r.indicator_id) ?? [0, 0];
  e[r.suppression_reason === 'secondary' ? 1 : 0]++;
  byIndicator.set(r.indicator_id, e);
}
for (const [id, [other, secondary]] of byIndicator) console.log(`  ${id}: secondary ${secondary} of ${other + secondary}`);
