// Suppression decided one year and one block of indicators at a time, with a cache across runs. Every
// relation (groups within a geography and sex, sexes within a group, communes within the area and a
// new commune) stays within one indicator and one year, and every shared number (a family's
// denominator, the trained workers the female share publishes) within one block of indicators
// (disclosureBlock), so a block-year's pattern depends only on that block-year's rows: a re-run in
// which one source-year changed decides again only the block-years whose rows changed (a changed card
// file: the health-insurance block of that year) and takes the others from the previous run's cache.
// A cached pattern was checked against the attacker when it was stored; a block-year decided now is
// checked now. A run from scratch decides the same block-years, so both give the same pattern.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { isMinority } from './labels.ts';
import { disclosureBlock, disclosureLeaks, groupBy, SHARED_DENOMINATORS, suppressionPattern, type SuppressionContext, type ValueRow } from './public-values.ts';
import type { SuppressionReason } from './suppression.ts';

/** Where a run reads the previous run's patterns and writes its own (both optional). */
export interface PatternCacheFiles {
  previous?: string;
  next?: string;
}

interface CacheFile {
  /** Fingerprint of the code that decided the patterns: another version's patterns are not used. */
  code: string;
  /** By block-year (`<year> <block>`). */
  parts: Record<string, { key: string; cells: [string, SuppressionReason][] }>;
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

/** Everything a block-year's pattern is decided from: its cells, the communes' parents, which numerators are counts, which groups are minorities. */
function partKey(rows: ValueRow[], ctx: SuppressionContext): string {
  const hash = createHash('sha256');
  for (const r of rows) {
    hash.update(`${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}|${r.numerator}|${r.denominator}\n`);
  }
  hash.update(JSON.stringify([...ctx.parentOf].sort()));
  hash.update(JSON.stringify([...ctx.nonCountNumerators].sort()));
  hash.update(JSON.stringify([...new Set(rows.map((r) => r.ethnic_group))].sort().map((e) => [e, isMinority(e)])));
  return hash.digest('hex');
}

function readCache(path: string | undefined, code: string): CacheFile['parts'] {
  if (!path || !existsSync(path)) return {};
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    return file.code === code && file.parts ? file.parts : {};
  } catch {
    return {}; // a damaged cache is no cache
  }
}

export interface DecidedPattern {
  suppressed: Map<string, SuppressionReason>;
  /** Years of which a block was decided now, and years wholly taken from the previous run. */
  decided: number[];
  reused: number[];
  /** Years of which a worker thread decided a block (the rest: this thread). */
  inWorkers: number[];
  /** The block-years (`<year> <block>`) decided now and taken from the previous run. */
  parts: { decided: string[]; reused: string[] };
}

/**
 * The suppression pattern of every year, block by block, each checked against the attacker (no
 * suppressed cell may be recoverable); block-years whose rows are those of the previous run come from
 * its cache. Block-years are independent, so with `workers` > 1 they are decided in that many worker
 * threads at once (pattern-worker.mjs); the pattern is the same either way.
 */
export async function decidePattern(aboutPersons: ValueRow[], ctx: SuppressionContext, files: PatternCacheFiles = {}, workers = 1, workerMinRows = WORKER_MIN_ROWS): Promise<DecidedPattern> {
  const code = files.previous || files.next ? codeFingerprint() : undefined;
  const previous = code ? readCache(files.previous, code) : {};
  const byPart = [...groupBy(aboutPersons, (r) => `${r.year} ${disclosureBlock(r.indicator_id)}`)]
    .map(([part, rows]) => ({ part, year: rows[0]!.year, rows }))
    .sort((a, b) => a.year - b.year || (a.part < b.part ? -1 : a.part > b.part ? 1 : 0));
  const keys = new Map(byPart.map(({ part, rows }) => [part, code ? partKey(rows, ctx) : '']));
  const reusable = (part: string) => (code && previous[part]?.key === keys.get(part) ? previous[part]!.cells : undefined);
  const { patterns: fresh, inWorkers } = await decideParts(byPart.filter(({ part }) => !reusable(part)), ctx, workers, workerMinRows);
  const next: CacheFile['parts'] = {};
  const suppressed = new Map<string, SuppressionReason>();
  const parts: DecidedPattern['parts'] = { decided: [], reused: [] };
  for (const { part } of byPart) {
    const cells = reusable(part) ?? fresh.get(part)!;
    (fresh.has(part) ? parts.decided : parts.reused).push(part);
    next[part] = { key: keys.get(part)!, cells };
    for (const [k, reason] of cells) suppressed.set(k, reason);
  }
  if (code && files.next) {
    mkdirSync(dirname(files.next), { recursive: true });
    writeFileSync(files.next, JSON.stringify({ code, parts: next } satisfies CacheFile));
  }
  const years = [...new Set(byPart.map((p) => p.year))];
  const decided = years.filter((y) => byPart.some((p) => p.year === y && fresh.has(p.part)));
  return {
    suppressed, decided, reused: years.filter((y) => !decided.includes(y)),
    inWorkers: [...new Set(byPart.filter((p) => inWorkers.has(p.part)).map((p) => p.year))], parts,
  };
}

/** One block-year's pattern (or any rows closed under relations and shared numbers), checked: the last line of defence, no suppressed cell may be recoverable. */
export function decidePart(rows: ValueRow[], ctx: SuppressionContext): [string, SuppressionReason][] {
  const pattern = suppressionPattern(rows, ctx);
  const leaks = disclosureLeaks(rows, pattern, ctx);
  if (leaks.length) throw new Error(`disclosure control: ${leaks.length} suppressed cells are recoverable, e.g. ${leaks.slice(0, 3).join(', ')}`);
  return [...pattern];
}

/**
 * Fewer rows to decide than this are decided in this thread alone. A worker thread costs ≈ 0.5 s to
 * start (tsx, the modules) and decides small block-years far slower than this thread (a fresh engine,
 * its code not yet optimised): on the district's 50,344 rows (125 block-years of ≤ 1,351 rows) this
 * thread alone took 2.3 s, one worker 3.2 s of work plus its start, two workers 3.9 s and twice the CPU
 * time (BENCHMARKS.md, "1 Dec, morning"). At 100 communes a block-year is 10–20× larger.
 */
export const WORKER_MIN_ROWS = 200_000;

/**
 * The block-years' patterns, in `workers` threads at once (one below `workerMinRows` rows), the largest
 * first: this thread and `workers` − 1 worker threads, which take the next block-year as they finish
 * one. This thread yields between block-years, so that the workers' answers, and the rest of the run
 * (checks and exports beside the public numbers), go on meanwhile. A worker that cannot start
 * (or dies) leaves its block-years to this thread; one whose pattern fails the check fails the whole
 * decision, as inline.
 */
async function decideParts(parts: { part: string; rows: ValueRow[] }[], ctx: SuppressionContext, workers: number, workerMinRows: number) {
  const out = new Map<string, [string, SuppressionReason][]>();
  const inWorkers = new Set<string>();
  const queue = [...parts].sort((a, b) => b.rows.length - a.rows.length);
  const here = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      out.set(job.part, decidePart(job.rows, ctx));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const inWorker = async () => {
    let worker: Worker | undefined = new Worker(new URL('./pattern-worker.mjs', import.meta.url));
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { part, rows } = job;
        let answer: WorkerAnswer | undefined;
        if (worker) answer = await ask(worker, rows, ctx).catch(() => undefined);
        if (!answer) {
          await worker?.terminate();
          worker = undefined;
          out.set(part, decidePart(rows, ctx));
        } else if ('error' in answer) throw new Error(answer.error);
        else {
          out.set(part, answer.cells);
          inWorkers.add(part);
        }
      }
    } finally {
      await worker?.terminate();
    }
  };
  // The workers first: they start (≈ 0.5 s) while this thread decides its first block-years.
  const rows = parts.reduce((n, p) => n + p.rows.length, 0);
  const started = Array.from({ length: rows < workerMinRows ? 0 : Math.min(workers - 1, parts.length) }, inWorker);
  await Promise.all([...started, here()]);
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
