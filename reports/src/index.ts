// Builds the public report site from a warehouse: public (suppressed) data first, then charts,
// then the Evidence build, whose static site is then moved into siteDir.
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeCharts } from './charts.ts';
import { writeExcelAppendix } from './excel-appendix.ts';
import { CHROMIUM, hasChromium, printPdf } from './chromium.ts';
import { printReportVariants } from './print-report.ts';
import { makeWorkCopy, runEvidence } from './evidence.ts';
import { writeEvidenceSources } from './evidence-sources.ts';
import { DEFAULT_SITE_CACHE, moveDir, saveSiteCache, siteCacheKey, siteCacheMiss, type StartedSiteBuild, startFromSiteCache } from './site-cache.ts';
import { type PublicData, writePublicData, type RunInfo } from './public-data.ts';

export interface BuildReportsOptions {
  warehousePath: string;
  siteDir: string;
  run: RunInfo;
  /** Where to write the Excel appendix (exports/bao-cao.xlsx); none when absent. */
  appendixPath?: string;
  /**
   * Where the Vite bundles of a full build are kept for the next build (site-cache.ts); default
   * reports/node_modules/.cache/dtts-site; false: always build in full, keep nothing.
   */
  siteCache?: string | false;
  onProgress?: (msg: string) => void;
}

export interface BuildReportsResult {
  seconds: number;
  bytes: number;
  files: number;
  /** Commune-level DTTS both-sex values no primary rule hides, and how many the site shows. */
  headline: { eligible: number; shown: number };
  /** Where the time went, step by step (BENCHMARKS.md). */
  steps: { name: string; seconds: number }[];
  /** hit: prerendered on kept bundles; miss: full build (then kept); failed: the fast path failed, full build; off. */
  siteCache: { state: 'hit' | 'miss' | 'failed' | 'off'; reason?: string };
}

export async function buildReports(opts: BuildReportsOptions): Promise<BuildReportsResult> {
  const started = Date.now();
  const say = opts.onProgress ?? (() => {});
  const steps: BuildReportsResult['steps'] = [];
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ name, seconds: Math.round((now - stepStart) / 100) / 10 });
    stepStart = now;
  };
  const absorb = (list: BuildReportsResult['steps']) => {
    steps.push(...list);
    stepStart = performance.now();
  };
  if (!existsSync(opts.warehousePath)) throw new Error(`reports: warehouse not found: ${opts.warehousePath}`);
  const work = await makeWorkCopy(`build-${process.pid}-${Date.now()}`);
  step('work copy');
  let appendix: Promise<void> | undefined;
  try {
    say('public data: suppressing small cells');
    const data = await writePublicData(opts.warehousePath, join(work, 'public.duckdb'), work, opts.run);
    step('public data');
    const hidden = data.rows.filter((r) => r.suppressed).length;
    say(`public data: ${data.rows.length} values, ${hidden} suppressed`);
    // Evidence's data files (what `evidence sources` writes, from public.duckdb) are written by DuckDB's
    // threads while the charts and the printable report are drawn: none of them reads what another writes
    // (evidence-sources.ts; Evidence's CLI where that cannot). The printable report goes first, so
    // Chromium prints its PDF (another process) while the charts are drawn here.
    say('evidence sources');
    const sources = writeEvidenceSources(work, join(work, 'public.duckdb'))
      .then((written) => (written ? undefined : runEvidence(work, ['sources'])));
    sources.catch(() => {}); // awaited below; a failure is reported there
    const printable = writePrintable(work, data, opts.run, say);
    printable.catch(() => {}); // awaited below
    const charts = await writeCharts(join(work, 'static', 'charts'), data.rows, data.catalog, data.geoNames);
    say(`charts: ${charts} SVG files`);
    step('charts');
    await sources;
    step('evidence sources (the rest of it)');
    // The Excel appendix (not part of the site) is written here while the site builds in a child
    // process: started once that process runs, so that it does not hold up its start.
    const startAppendix = () => {
      if (appendix || !opts.appendixPath) return;
      const path = opts.appendixPath;
      appendix = writeExcelAppendix(path, data, opts.run).then(() => say(`Excel appendix: ${path}`));
      appendix.catch(() => {}); // awaited below
    };
    const cacheDir = opts.siteCache === false ? null : (opts.siteCache ?? DEFAULT_SITE_CACHE);
    let siteCache: BuildReportsResult['siteCache'] = { state: 'off' };
    let key: string | null = null;
    if (cacheDir) {
      try {
        key = await siteCacheKey(work);
        const miss = await siteCacheMiss(cacheDir, key);
        siteCache = miss ? { state: 'miss', reason: miss } : { state: 'hit' };
      } catch (error) {
        siteCache = { state: 'failed', reason: `cache key: ${firstLine(error)}` };
      }
    }
    const fastFailed = async (error: unknown) => {
      siteCache = { state: 'failed', reason: firstLine(error) };
      // The entry goes: the full build below keeps a fresh one.
      await rm(join(cacheDir!, key!), { recursive: true, force: true }).catch(() => {});
      say(`site cache: the fast path failed (${siteCache.reason}); full evidence build instead`);
      step(`site cache: fast path failed (${siteCache.reason}), full build follows`);
    };
    // On kept bundles, the prerender process starts now, while Chromium prints the PDF: it loads
    // SvelteKit and Evidence's config (no data) on the core the printing leaves free, then waits.
    let fast: StartedSiteBuild | null = null;
    if (siteCache.state === 'hit') {
      say('site cache: bundles kept from an earlier build with the same pages and tools; prerendering the new data only');
      try {
        fast = await startFromSiteCache(work, cacheDir!, key!);
        stepStart = performance.now(); // its own step ('bundles copied in') comes with finish()'s
      } catch (error) {
        await fastFailed(error);
      }
    } else if (cacheDir) say(`site cache: ${siteCache.reason}; full evidence build`);
    try {
      await printable;
    } catch (error) {
      await fast?.cancel();
      throw error;
    }
    step('printable report: its PDF (the rest of it)');
    if (fast) {
      try {
        absorb(await fast.finish(startAppendix));
      } catch (error) {
        await fastFailed(error);
      }
    }
    if (siteCache.state !== 'hit') {
      startAppendix();
      await fullBuild(work, say, step, steps);
      if (cacheDir && key) {
        try {
          await saveSiteCache(work, cacheDir, key);
          step('site cache: bundles kept for the next build');
        } catch (error) {
          say(`site cache: bundles not kept (${firstLine(error)})`);
        }
      }
    }
    if (appendix) {
      stepStart = performance.now();
      await appendix;
      step('Excel appendix (the rest of it: written while the site built)');
    }
    const built = join(work, 'build');
    if (!existsSync(join(built, 'index.html'))) throw new Error(`reports: evidence build wrote no index.html in ${built}`);

    await rm(opts.siteDir, { recursive: true, force: true });
    await mkdir(dirname(opts.siteDir), { recursive: true });
    // the work copy goes once this returns: its build is moved, not copied
    await moveDir(built, opts.siteDir);
    step('site moved into place');
    const { bytes, files } = await sizeOf(opts.siteDir);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    say(`site: ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s → ${opts.siteDir}`);
    return { seconds, bytes, files, headline: data.headline, steps, siteCache };
  } catch (error) {
    // nothing is left writing once this returns
    await appendix?.catch(() => {});
    throw new Error(`reports: ${(error as Error).message}`, { cause: error });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `evidence build`: Vite's server and client bundles, then prerender, service worker, adapter. */
async function fullBuild(work: string, say: (m: string) => void, step: (name: string) => void, steps: BuildReportsResult['steps']) {
  say('evidence build (about a minute)');
  let clientSeen = false;
  await runEvidence(work, ['build'], (line) => {
    const built = /✓ built in (.+)$/.exec(line.replace(/\x1b\[[0-9;]*m/g, '').trim());
    if (!built) return;
    say(`  vite: ${built[0]}`);
    // SvelteKit builds the client inside the server build: its line comes first, with its own duration.
    if (clientSeen) return;
    clientSeen = true;
    const client = viteSeconds(built[1]!);
    step('vite: server bundle');
    const server = steps.at(-1)!;
    server.seconds = Math.round((server.seconds - client) * 10) / 10;
    steps.push({ name: 'vite: client bundle', seconds: Math.round(client * 10) / 10 });
  });
  step('prerender, service worker, adapter and copy');
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0]!;
}

/**
 * The printable report: bao-cao/index.html (A4, print CSS, inline SVG, no JavaScript) and, where
 * Chromium is installed, bao-cao/bao-cao.pdf printed from it. Written into the Evidence project's
 * static/ before the build, so the site ships both and the overview can link them. The report is
 * rendered once (its charts are most of the cost); the PDF is printed from it without its link.
 * (Printing while the site builds was tried: one warm run hung after the PDF was written, cause not
 * found in time, so the PDF is awaited here as before.)
 */
async function writePrintable(work: string, data: PublicData, run: RunInfo, say: (m: string) => void) {
  const dir = join(work, 'static', 'bao-cao');
  await mkdir(dir, { recursive: true });
  const html = printReportVariants(data, run);
  if (!hasChromium()) {
    await writeFile(join(dir, 'index.html'), html(null));
    say(`printable report: HTML only — no Chromium at ${CHROMIUM}, PDF skipped (the HTML prints from any browser)`);
    return;
  }
  // Printed outside static/, so a failed print leaves nothing half-written in the site.
  const printDir = join(work, '.printable');
  await mkdir(printDir, { recursive: true });
  await writeFile(join(printDir, 'index.html'), html(null));
  try {
    await printPdf(join(printDir, 'index.html'), join(printDir, PDF));
  } catch (error) {
    // The site does not depend on the PDF: say why it is missing and go on.
    await writeFile(join(dir, 'index.html'), html(null));
    say(`printable report: HTML only — PDF failed: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  await copyFile(join(printDir, PDF), join(dir, PDF));
  await writeFile(join(dir, 'index.html'), html(PDF));
  say(`printable report: HTML and PDF (${pdfPages(await readFile(join(dir, PDF)))} A4 pages)`);
}
const PDF = 'bao-cao.pdf';

/** Vite's "2m 48s", "5.21s", "73ms" in seconds. */
export function viteSeconds(text: string): number {
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) seconds += Number(n) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  return seconds;
}

/** Pages of a PDF, counted from its page objects. */
export function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

export async function sizeOf(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

export { writePublicData } from './public-data.ts';

/** The run summary's line on what disclosure control left of the headline. */
export function headlineSummary({ eligible, shown }: { eligible: number; shown: number }): string {
  const share = eligible ? ((100 * shown) / eligible).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) : '–';
  return `Headline kept: ${shown.toLocaleString('vi-VN')} of ${eligible.toLocaleString('vi-VN')} commune-level DTTS both-sex values that no primary rule hides are shown (${share}%)`;
}
export { writeExcelAppendix } from './excel-appendix.ts';
export { printReportHtml } from './print-report.ts';
