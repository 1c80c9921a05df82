// The appendix stage of a run without the site, alone, on a copy of a warehouse: the public numbers
// (with the previous run's pattern cache) and the workbook, each with wall and CPU time, and an md5 of
// the public rows (sorted JSON) to compare two versions of the code. The cache is the one a run keeps
// in `<out>/.cache/suppression-patterns.json`; a change to suppression.ts, public-values.ts or
// pattern-cache.ts makes it stale (every year decided again): run twice, the second run reading
// `<xlsx>.cache.json` that the first one wrote.
//   tsx scripts/bench-appendix.ts WAREHOUSE.duckdb CACHE.json OUT.xlsx
import { createHash } from 'node:crypto';
import { writeExcelAppendix } from '../src/excel-appendix.ts';
import { readPublicData } from '../src/public-data.ts';

const [warehouse, cache, xlsx] = process.argv.slice(2);
if (!warehouse || !cache || !xlsx) throw new Error('usage: tsx scripts/bench-appendix.ts WAREHOUSE.duckdb CACHE.json OUT.xlsx');
const run = {
  runId: 'bench', builtAt: '2026-11-30T20:00:00.000Z', sourcesDir: '/bench', manifestPath: '/bench/run-manifest.json',
  patternCache: { previous: cache, next: `${xlsx}.cache.json` }, workers: 2,
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
  return result;
}

const data = await timed('appendix stage', async () => {
  const numbers = await timed('  public numbers (readPublicData)', () => readPublicData(warehouse, run));
  await timed('  workbook (writeExcelAppendix)', () => writeExcelAppendix(xlsx, numbers, run));
  return numbers;
});
const sorted = data.rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
console.log(`${data.rows.length} public rows, md5 of the sorted JSON ${createHash('md5').update(sorted.join('\n')).digest('hex')}`);
