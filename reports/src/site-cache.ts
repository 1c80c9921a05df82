// The bundle cache: Vite's server and client bundles of the site (two thirds of a full `evidence
// build`) depend on the pages, components, Evidence, SvelteKit and Vite, never on the data. After a
// full build the template folder Evidence built in (its `.svelte-kit/output` without what the data
// made) is kept under a key hashing every input that can change the bundles; the next build with
// the same key copies it back, puts the new data beside it and runs only SvelteKit's prerender,
// service worker and static adapter (site-prerender.mjs). Anything unexpected makes the caller fall
// back to the full build.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '@dtts/db';
import { BUNDLE_INPUTS, evidenceEnv, REPORTS_DIR } from './evidence.ts';

/** The SvelteKit whose internal modules site-prerender.mjs calls; any other version builds in full. */
export const PINNED_KIT = '2.5.4';
/** Bumped when what a cache entry holds changes. */
const FORMAT = 1;
/** SvelteKit's route analysis, kept in an entry by its first fast build (site-prerender.mjs). */
const ANALYSIS = 'analysis.v8';
/** Entries kept (newest first); older ones are removed after each save. */
const KEEP = 2;
export const DEFAULT_SITE_CACHE = join(REPORTS_DIR, 'node_modules', '.cache', 'dtts-site');
const ROOT = join(REPORTS_DIR, '..');
/** Packages whose code ends up in, or builds, the bundles. */
const BUNDLERS = ['@evidence-dev/evidence', '@evidence-dev/core-components', '@evidence-dev/duckdb', '@sveltejs/kit', '@sveltejs/adapter-static', '@sveltejs/vite-plugin-svelte', 'vite', 'svelte', 'svelte-preprocess', 'tailwindcss', 'postcss'];

export function packageDir(name: string): string {
  for (const modules of [join(REPORTS_DIR, 'node_modules'), join(ROOT, 'node_modules')]) {
    const dir = join(modules, name);
    if (existsSync(join(dir, 'package.json'))) return realpathSync(dir);
  }
  throw new Error(`${name} is not installed`);
}

/** The version of an installed package (this package's node_modules, then the root's); throws if not installed. */
export async function packageVersion(name: string): Promise<string> {
  return JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')).version;
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  if (!(await stat(dir)).isDirectory()) return [dir];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/**
 * Hash of every input the bundles are made from: the installed bundlers (the lockfile, and each
 * one's resolved folder, whose pnpm name carries its version and peers), the project's pages,
 * components, sources and settings as copied into `work`, the build's VITE_/EVIDENCE_/PUBLIC_
 * environment (baked into the bundles) and the Node version. Never the data.
 */
export async function siteCacheKey(work: string): Promise<string> {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => hash.update(`${label}\0`).update(value).update('\0');
  add('format', String(FORMAT));
  add('node', `${process.version} ${process.platform} ${process.arch}`);
  const lockfile = join(ROOT, 'pnpm-lock.yaml');
  if (existsSync(lockfile)) add('lockfile', await readFile(lockfile));
  for (const name of BUNDLERS) add(name, `${relative(ROOT, packageDir(name))} ${await packageVersion(name)}`);
  for (const entry of BUNDLE_INPUTS) {
    for (const file of await filesUnder(join(work, entry))) add(relative(work, file).split(sep).join('/'), await readFile(file));
  }
  const env = evidenceEnv();
  for (const name of Object.keys(env).sort()) if (/^(VITE_|EVIDENCE_|PUBLIC_|NODE_ENV$)/.test(name)) add(`env ${name}`, env[name] ?? '');
  return hash.digest('hex').slice(0, 24);
}

interface Meta {
  format: number;
  key: string;
  kit: string;
  evidence: string;
  savedAt: string;
}

const template = (work: string) => join(work, '.evidence', 'template');

/** Paths (relative, `/`-separated) of the files in `dir`. */
async function listFiles(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).map((f) => relative(dir, f).split(sep).join('/'));
}

/**
 * Keeps the template folder of a successful full build under `cacheDir/<key>`: its bundles and
 * generated files, without the static folder, the prerendered pages and query results, the
 * adapter's output, and the static files and service worker the client build copied (all made
 * from the data). Written beside and renamed into place, so a reader never sees half an entry.
 */
export async function saveSiteCache(work: string, cacheDir: string, key: string): Promise<void> {
  const from = template(work);
  const skip = new Set(['static', 'build', '.evidence-queries', join('.svelte-kit', 'output', 'prerendered')].map((p) => join(from, p)));
  await mkdir(cacheDir, { recursive: true });
  await removeDeadSaves(cacheDir);
  const temp = join(cacheDir, `.${key}.saving-${process.pid}-${Date.now()}`);
  try {
    await cp(from, join(temp, 'template'), { recursive: true, filter: (src) => !skip.has(src) });
    const client = join(temp, 'template', '.svelte-kit', 'output', 'client');
    for (const file of [...(await listFiles(join(from, 'static'))), 'service-worker.js']) await rm(join(client, file), { force: true });
    await removeEmptyDirs(client);
    const meta: Meta = { format: FORMAT, key, kit: await packageVersion('@sveltejs/kit'), evidence: await packageVersion('@evidence-dev/evidence'), savedAt: new Date().toISOString() };
    await writeFile(join(temp, 'meta.json'), JSON.stringify(meta, null, 2));
    if (existsSync(join(cacheDir, key))) return; // another build saved the same key first
    await rename(temp, join(cacheDir, key));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await pruneSiteCache(cacheDir);
}

/** Keeps the KEEP most recently used entries. */
export async function pruneSiteCache(cacheDir: string, keep = KEEP): Promise<string[]> {
  const entries: { name: string; used: number }[] = [];
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith('.')) continue;
    const meta = join(cacheDir, name, 'meta.json');
    entries.push({ name, used: existsSync(meta) ? (await stat(meta)).mtimeMs : 0 });
  }
  entries.sort((a, b) => b.used - a.used || a.name.localeCompare(b.name));
  const removed = entries.slice(keep).map((e) => e.name);
  for (const name of removed) await rm(join(cacheDir, name), { recursive: true, force: true });
  return removed;
}

async function removeDeadSaves(cacheDir: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const pid = Number(/^\..+\.saving-(\d+)-/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

async function removeEmptyDirs(dir: string): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && (await removeEmptyDirs(join(dir, entry.name)))) await rm(join(dir, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

/** Why the cache cannot serve this build, or null when it can. */
export async function siteCacheMiss(cacheDir: string, key: string): Promise<string | null> {
  const meta = join(cacheDir, key, 'meta.json');
  if (!existsSync(meta)) return `no entry for key ${key.slice(0, 12)}`;
  const kept: Meta = JSON.parse(await readFile(meta, 'utf8'));
  const kit = await packageVersion('@sveltejs/kit');
  if (kept.format !== FORMAT || kept.key !== key) return 'entry of another format';
  if (kit !== PINNED_KIT || kept.kit !== kit) return `SvelteKit ${kit} is not the pinned ${PINNED_KIT}`;
  return null;
}

/**
 * The fast build: the kept template back into `work/.evidence/template` (whose static/data holds
 * the pub source's files just written: evidence-sources.ts), the static files as Evidence's build would copy them
 * (its template's, then the project's: charts, printed report), those also into the client
 * output as Vite's client build does, then site-prerender.mjs. Leaves `work/build` as
 * `evidence build` does. Returns its steps.
 */
export async function buildFromSiteCache(
  work: string, cacheDir: string, key: string, onLine?: (line: string) => void,
  /** Called once the prerender process is told to go on: work of the caller's own may go beside it. */
  onStarted?: () => void,
): Promise<{ name: string; seconds: number }[]> {
  const started = await startFromSiteCache(work, cacheDir, key, onLine);
  return started.finish(onStarted);
}

/** A fast build started by startFromSiteCache: its prerender process waits for finish(). */
export interface StartedSiteBuild {
  /**
   * Copies the static files in (charts, printed report, data: all must be written by now), lets the
   * waiting process prerender (`onStarted` is called then), and leaves `work/build`. Returns every step,
   * the start's included.
   */
  finish(onStarted?: () => void): Promise<{ name: string; seconds: number }[]>;
  /** Stops the waiting process (the caller failed before finish); resolves once it has exited. */
  cancel(): Promise<void>;
}

/**
 * The first half of the fast build, which depends on the kept bundles only: the kept template copied
 * back into `work/.evidence/template` (everything there but static/, which evidence-sources.ts may be
 * writing), and site-prerender.mjs started, which loads SvelteKit's modules and Evidence's config (≈ 1.8 s,
 * none of it from the data) and then waits. The caller starts it while Chromium prints the PDF, when one
 * core is free, and calls finish() once the static files are written (BENCHMARKS.md, "1 Dec, late night").
 */
export async function startFromSiteCache(work: string, cacheDir: string, key: string, onLine?: (line: string) => void): Promise<StartedSiteBuild> {
  const entry = join(cacheDir, key);
  const to = template(work);
  const steps: { name: string; seconds: number }[] = [];
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ name, seconds: Math.round((now - t) / 100) / 10 });
    t = now;
  };
  await utimes(join(entry, 'meta.json'), new Date(), new Date()); // most recently used
  await mkdir(to, { recursive: true });
  for (const name of await readdir(to)) if (name !== 'static') await rm(join(to, name), { recursive: true, force: true });
  await cp(join(entry, 'template'), to, { recursive: true });
  step('site cache: bundles copied in');

  const script = join(dirname(fileURLToPath(import.meta.url)), 'site-prerender.mjs');
  // The heap limit `evidence build` gives its Vite child.
  const env = { ...evidenceEnv(), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096` };
  const child = spawn(process.execPath, [script, packageDir('@sveltejs/kit'), join(entry, ANALYSIS), '--wait'], { cwd: to, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const childSteps: { name: string; seconds: number }[] = [];
  const tail: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      const m = /^@@step ([\d.]+) (.+)$/.exec(line);
      if (m) {
        childSteps.push({ name: m[2]!, seconds: Number(m[1]) });
        continue;
      }
      tail.push(line);
      if (tail.length > 40) tail.shift();
      onLine?.(line);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  child.stdin.on('error', () => {}); // a child that died: its exit code says why
  let cancelled = false;
  const closed = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 || cancelled) resolve();
      else reject(new Error(`prerender on the kept bundles failed (exit ${code}): ${tail.findLast((l) => /Error/.test(l)) ?? tail.at(-1) ?? ''}\n${tail.slice(-15).join('\n')}`));
    });
  });
  closed.catch(() => {}); // awaited in finish() or cancel()
  const cancel = async () => {
    cancelled = true;
    child.kill();
    await closed.catch(() => {});
  };

  return {
    async finish(onStarted) {
      t = performance.now();
      try {
        await cp(join(packageDir('@evidence-dev/evidence'), 'template', 'static'), join(to, 'static'), { recursive: true });
        if (existsSync(join(work, 'static'))) await cp(join(work, 'static'), join(to, 'static'), { recursive: true });
        await cp(join(to, 'static'), join(to, '.svelte-kit', 'output', 'client'), { recursive: true });
      } catch (error) {
        await cancel(); // the waiting process does not outlive a failed copy
        throw error;
      }
      step('site cache: new data copied in');
      child.stdin.end('go\n');
      onStarted?.();
      await closed;
      steps.push(...childSteps);
      t = performance.now();
      await rm(join(work, 'build'), { recursive: true, force: true });
      await moveDir(join(to, 'build'), join(work, 'build'));
      step('build moved out of the template');
      return steps;
    },
    cancel,
  };
}

/**
 * Moves a folder: renamed where both places are on one file system (the build's ≈ 1,000 files were
 * copied twice a build, ≈ 2 s), copied then removed where not. `to` must not exist.
 */
export async function moveDir(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
