// Times the fast build's steps by hand on a real warehouse, without a pipeline run:
// `tsx test/prerender-dev.ts WAREHOUSE [PATTERN_CACHE] [REPEAT] [--keep]` (e.g. out/warehouse.duckdb
// out/.cache/suppression-patterns.json). Needs a kept bundle cache entry (a full build before, e.g.
// `pnpm pipeline`). Prints each step's seconds, one after another (the build runs some side by side).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeCharts } from '../src/charts.ts';
import { makeWorkCopy, runEvidence } from '../src/evidence.ts';
import { printReportVariants } from '../src/print-report.ts';
import { printPdf } from '../src/chromium.ts';
import { writePublicData } from '../src/public-data.ts';
import { buildFromSiteCache, DEFAULT_SITE_CACHE, siteCacheKey, siteCacheMiss } from '../src/site-cache.ts';

const [warehouse, patterns, repeat = '1'] = process.argv.slice(2);
if (!warehouse) throw new Error('usage: prerender-dev.ts WAREHOUSE [PATTERN_CACHE] [REPEAT]');
let t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  console.log(`${((now - t) / 1000).toFixed(1).padStart(7)} s  ${name}`);
  t = now;
};
const work = await makeWorkCopy(`build-${process.pid}-dev`);
try {
  const run = { runId: 'dev', builtAt: '2026-11-30T10:00:00Z', sourcesDir: work, manifestPath: join(work, 'm.json'), patternCache: { previous: patterns && resolve(patterns) } };
  const data = await writePublicData(resolve(warehouse), join(work, 'public.duckdb'), work, run);
  lap('public data');
  await runEvidence(work, ['sources']);
  lap('evidence sources');
  await writeCharts(join(work, 'static', 'charts'), data.rows, data.catalog, data.geoNames);
  lap('charts');
  await mkdir(join(work, 'static', 'bao-cao'), { recursive: true });
  const html = printReportVariants(data, run);
  await writeFile(join(work, 'static', 'bao-cao', 'index.html'), html('bao-cao.pdf'));
  await writeFile(join(work, 'print.html'), html(null));
  lap('printable report HTML');
  await printPdf(join(work, 'print.html'), join(work, 'bao-cao.pdf'));
  lap('printable report PDF (Chromium)');
  const key = await siteCacheKey(work);
  const miss = await siteCacheMiss(DEFAULT_SITE_CACHE, key);
  if (miss) throw new Error(`no kept bundles: ${miss}`);
  for (let i = 0; i < Number(repeat); i++) {
    for (const st of await buildFromSiteCache(work, DEFAULT_SITE_CACHE, key)) console.log(`${st.seconds.toFixed(1).padStart(7)} s    ${st.name}`);
    lap('fast build');
  }
} finally {
  if (process.argv.includes('--keep')) console.log(`kept: ${work}`);
  else await rm(work, { recursive: true, force: true });
}
