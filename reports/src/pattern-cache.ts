// Suppression decided one year at a time, with a cache across runs. Every relation (groups within a
// geography and sex, sexes within a group, communes within the area and a new commune), every shared
// denominator and the attacker's equations stay within one year, so a year's pattern depends only on
// that year's rows: a re-run in which one source-year changed decides again only the years whose rows
// changed and takes the others from the previous run's cache. A cached pattern was checked against the
// attacker when it was stored; a year decided now is checked now.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { isMinority } from './labels.ts';
import { disclosureLeaks, groupBy, SHARED_DENOMINATORS, suppressionPattern, type SuppressionContext, type ValueRow } from './public-values.ts';
import type { SuppressionReason } from './suppression.ts';

/** Where a run reads the previous run's patterns and writes its own (both optional). */
export interface PatternCacheFiles {
  previous?: string;
  next?: string;
}

interface CacheFile {
  /** Fingerprint of the code that decided the patterns: another version's patterns are not used. */
  code: string;
  years: Record<string, { key: string; cells: [string, SuppressionReason][] }>;
}

/** The disclosure-control code's own text: a change to it makes every cached pattern stale. */
function codeFingerprint(): string | undefined {
  try {
    const hash = createHash('sha256');
    for (const f of ['./suppression.ts', './public-values.ts', './pattern-cache.ts']) hash.update(readFileSync(fileURLToPath(new URL(f, import.meta.url))));
    hash.update(JSON.stringify(SHARED_DENOMINATORS));
    return hash.digest('hex');
  } catch {
    return undefined; // not running from source: no cache
  }
}

/** Everything a year's pattern is decided from: its cells, the communes' parents, which numerators are counts, which groups are minorities. */
function yearKey(rows: ValueRow[], ctx: SuppressionContext): string {
  const hash = createHash('sha256');
  for (const r of rows) {
    hash.update(`${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}|${r.numerator}|${r.denominator}\n`);
  }
  hash.update(JSON.stringify([...ctx.parentOf].sort()));
  hash.update(JSON.stringify([...ctx.nonCountNumerators].sort()));
  hash.update(JSON.stringify([...new Set(rows.map((r) => r.ethnic_group))].sort().map((e) => [e, isMinority(e)])));
  return hash.digest('hex');
}

function readCache(path: string | undefined, code: string): CacheFile['years'] {
  if (!path || !existsSync(path)) return {};
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    return file.code === code ? file.years : {};
  } catch {
    return {}; // a damaged cache is no cache
  }
}

export interface DecidedPattern {
  suppressed: Map<string, SuppressionReason>;
  /** Years decided now, and years taken from the previous run. */
  decided: number[];
  reused: number[];
  /** Of the decided years, those a worker thread decided (the rest: this thread). */
  inWorkers: number[];
}

/**
 * The suppression pattern of every year, each checked against the attacker (no suppressed cell may be
 * recoverable); years whose rows are those of the previous run come from its cache. The years to
 * decide are independent, so with `workers` > 1 they are decided in that many worker threads at once
 * (pattern-worker.mjs); the pattern is the same either way.
 */
export async function decidePattern(aboutPersons: ValueRow[], ctx: SuppressionContext, files: PatternCacheFiles = {}, workers = 1): Promise<DecidedPattern> {
  const code = files.previous || files.next ? codeFingerprint() : undefined;
  const previous = code ? readCache(files.previous, code) : {};
  const byYear = [...groupBy(aboutPersons, (r) => r.year)].sort(([a], [b]) => a - b);
  const keys = new Map(byYear.map(([year, rows]) => [year, code ? yearKey(rows, ctx) : '']));
  const reusable = (year: number) => (code && previous[year]?.key === keys.get(year) ? previous[year]!.cells : undefined);
  const { patterns: fresh, inWorkers } = await decideYears(byYear.filter(([year]) => !reusable(year)), ctx, workers);
  const next: CacheFile['years'] = {};
  const suppressed = new Map<string, SuppressionReason>();
  const decided: number[] = [];
  const reused: number[] = [];
  for (const [year] of byYear) {
    const cells = reusable(year) ?? fresh.get(year)!;
    (fresh.has(year) ? decided : reused).push(year);
    next[year] = { key: keys.get(year)!, cells };
    for (const [k, reason] of cells) suppressed.set(k, reason);
  }
  if (code && files.next) {
    mkdirSync(dirname(files.next), { recursive: true });
    writeFileSync(files.next, JSON.stringify({ code, years: next } satisfies CacheFile));
  }
  return { suppressed, decided, reused, inWorkers: inWorkers.sort((a, b) => a - b) };
}

/** One year's pattern, checked: the last line of defence, no suppressed cell may be recoverable. */
export function decideYear(rows: ValueRow[], ctx: SuppressionContext): [string, SuppressionReason][] {
  const pattern = suppressionPattern(rows, ctx);
  const leaks = disclosureLeaks(rows, pattern, ctx);
  if (leaks.length) throw new Error(`disclosure control: ${leaks.length} suppressed cells are recoverable, e.g. ${leaks.slice(0, 3).join(', ')}`);
  return [...pattern];
}

/**
 * The years' patterns, in `workers` threads at once. A worker that cannot start (or dies) leaves its
 * years to this thread; a year whose pattern fails the check fails the whole decision, as inline.
 */
async function decideYears(years: [number, ValueRow[]][], ctx: SuppressionContext, workers: number) {
  const out = new Map<number, [string, SuppressionReason][]>();
  const inWorkers: number[] = [];
  if (workers <= 1 || years.length <= 1) {
    for (const [year, rows] of years) out.set(year, decideYear(rows, ctx));
    return { patterns: out, inWorkers };
  }
  const queue = [...years];
  const runner = async () => {
    let worker: Worker | undefined = new Worker(new URL('./pattern-worker.mjs', import.meta.url));
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const [year, rows] = job;
        let answer: WorkerAnswer | undefined;
        if (worker) answer = await ask(worker, rows, ctx).catch(() => undefined);
        if (!answer) {
          await worker?.terminate();
          worker = undefined;
          out.set(year, decideYear(rows, ctx));
        } else if ('error' in answer) throw new Error(answer.error);
        else {
          out.set(year, answer.cells);
          inWorkers.push(year);
        }
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, years.length) }, runner));
  return { patterns: out, inWorkers };
}

export type WorkerAnswer = { cells: [string, SuppressionReason][] } | { error: string };

function ask(worker: Worker, rows: ValueRow[], ctx: SuppressionContext): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage).off('error', reject).off('exit', onExit);
    };
    const onMessage = (answer: WorkerAnswer) => {
      done();
      resolve(answer);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`pattern worker exited (${code})`));
    };
    worker.on('message', onMessage).on('error', reject).on('exit', onExit);
    worker.postMessage({ rows, ctx });
  });
}
