// `pnpm bench`: the whole `pnpm pipeline` command against a bare DuckDB read_csv of the same files,
// in one run, with the peak memory of the pipeline's whole process tree. The sample is generated as
// plain CSV (generateSample csvOnly), at the district's size or `--scale N`, optionally on a synthetic
// geography of `--communes N` (with its reference folder, passed as --reference).
//
//   pnpm bench                                    district size: bare load vs pnpm pipeline --skip-reports
//   pnpm bench --scale 3                          three times the district (time per row, peak RSS)
//   pnpm bench --communes 100 --scale 0.2 --site  the site's build time and size at 100 communes
//   pnpm bench --scale 20 --memory-limit 1GB      26 million rows with DuckDB held to 1 GB per database
//   pnpm bench --incremental                      then one file changed at a time, each re-run against the full run
//   pnpm bench --runs 5                           bare load and pipeline alternated five times: the median ratios
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Db, dbSettings, quoteLiteral } from '@dtts/db';
import { generateSample, useSyntheticGeography } from '@dtts/sample';
import { repoRoot } from './config.ts';
import { connectors } from './connectors.ts';
import type { RunManifest } from './manifest.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' }, communes: { type: 'string' }, site: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // Passed on to the pipeline (DuckDB's memory limit per database; default packages/db settings.ts).
    'memory-limit': { type: 'string' },
    // Where the sources and outputs go (default .bench/ in the repository): two benchmarks at once need two.
    dir: { type: 'string' },
    // Passed on to the pipeline (a file with many quarantined rows loads its good rows instead of failing its source).
    'allow-bad-files': { type: 'boolean', default: false },
    // After the full run: one file changed at a time (a data row taken out), each followed by a re-run
    // without --full, timed against the full run (issue 10: at most a quarter).
    incremental: { type: 'boolean', default: false },
    // The bare load and the full run alternated N times on the same files: the ratios' median and range
    // (one pair on this 2-core VM swings ±15–25 % with its neighbours' load).
    runs: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);
const scale = Number(values.scale);
const root = repoRoot();
const dir = values.dir ? resolve(values.dir) : join(root, '.bench');
const sources = join(dir, 'sources');
const referenceDir = join(dir, 'reference');
const out = join(dir, 'out');

const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const r = await fn();
  return [(performance.now() - t0) / 1000, r];
};

/** Bare DuckDB: one read_csv per table and year, all of its files at once, into a database file. */
async function bareLoad(path: string): Promise<number> {
  const db = await Db.open(path);
  let rows = 0;
  try {
    for (const connector of connectors) {
      const years = await readdir(join(sources, connector.id)).catch(() => [] as string[]);
      for (const year of years) {
        const files = await readdir(join(sources, connector.id, year));
        for (const table of connector.tables) {
          const mine = files.filter((f) => f.startsWith(`${table.name}_`) || f === `${table.name}.csv`).map((f) => join(sources, connector.id, year, f));
          if (mine.length === 0) continue;
          const name = `${connector.warehouseTable(table.name)}_${year}`;
          await db.run(`CREATE TABLE "${name}" AS SELECT * FROM read_csv([${mine.map(quoteLiteral).join(', ')}], header = true, union_by_name = true)`);
          rows += (await db.one<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))?.n ?? 0;
        }
      }
    }
  } finally {
    db.close();
  }
  return rows;
}

/** The files `--incremental` changes, one at a time: the card file of a year, then a village file. */
const INCREMENTAL_FILES = ['health-insurance/2024/the_bhyt.csv', 'villages/2024/thon.csv'];

/** Takes the fifth data row out of a CSV file (the sample writes its header on the first line). */
async function takeOutRow(path: string): Promise<void> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  if (lines.length < 7) throw new Error(`${path} has too few rows to change one`);
  lines.splice(5, 1);
  await writeFile(path, lines.join('\n'));
}

/** Resident memory of a process and all its descendants (bytes), from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU seconds (user + system) of this process's children that have ended, from /proc/self/stat. */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: cutime and cstime are fields 16 and 17 of stat(5), here 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** The machine's load average over the last minute (the VM's neighbours show in it). */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

/** This process's own CPU seconds. */
const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** A stage's seconds in a run's manifest (NaN if the run had no such stage). */
const stageSeconds = (manifest: RunManifest, name: string) => manifest.stages.find((s) => s.name === name)?.seconds ?? Number.NaN;

/** Ratios' lowest and highest, for the lines over several pairs. */
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;

/** What `pnpm pipeline` runs (root package.json): the launcher of the cached bundle of cli.ts. */
const launcher = join(root, 'pipelines/annual/launch.mjs');

/** Runs `pnpm pipeline` as a child process, sampling its tree's memory every 200 ms. */
function pipeline(args: string[]): Promise<{ seconds: number; cpuSeconds: number; peakRss: number; samples: [number, number][] }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const cpu0 = childrenCpuSeconds();
    const child = spawn(process.execPath, [launcher, ...args], {
      cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DTTS_HASH_KEY: 'benchmark-key-0123456789' },
    });
    let peakRss = 0;
    // [epoch ms, bytes]: which stage the memory peaks in (stagePeaks).
    const samples: [number, number][] = [];
    const timer = setInterval(() => {
      const rss = treeRss(child.pid!);
      samples.push([Date.now(), rss]);
      peakRss = Math.max(peakRss, rss);
    }, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`pnpm pipeline ${args.join(' ')} failed (exit ${code})`));
      else resolvePromise({ seconds: (performance.now() - t0) / 1000, cpuSeconds: childrenCpuSeconds() - cpu0, peakRss, samples });
    });
  });
}

/**
 * Peak RSS within each stage, from its start and length in the manifest (stages that run at the same
 * time, the exports and the public numbers, share their peaks). A manifest without starts (older runs)
 * has its stages laid end to end from the run's start.
 */
function stagePeaks(manifest: RunManifest, samples: [number, number][]): { name: string; peak: number }[] {
  const runStart = Date.parse(manifest.startedAt);
  let next = runStart;
  return manifest.stages.map((s) => {
    const start = s.start === undefined ? next : runStart + s.start * 1000;
    const end = start + s.seconds * 1000;
    const peak = Math.max(0, ...samples.filter(([t]) => t >= start && t < end).map(([, rss]) => rss));
    next = end;
    return { name: s.name, peak };
  });
}

async function dirBytes(path: string): Promise<number> {
  const { statSync } = await import('node:fs');
  let bytes = 0;
  for (const f of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) bytes += statSync(join(f.parentPath, f.name)).size;
  }
  return bytes;
}

const started = new Date();
await rm(dir, { recursive: true, force: true });
const communes = values.communes === undefined ? undefined : await useSyntheticGeography(Number(values.communes), referenceDir);
console.log(`Generating the sample at scale ${scale}${communes ? ` on ${communes.communes} synthetic communes` : ''} as plain CSV in ${sources} …`);
const [genSeconds] = await time(() => generateSample({ dir: sources, scale, csvOnly: true }));
// The generator runs in this process: its peak is this process's peak so far (maxRSS, KiB).
const generatorPeakRss = process.resourceUsage().maxRSS * 1024;
console.log(`  generated in ${genSeconds.toFixed(1)} s (peak RSS of the generator ${(generatorPeakRss / 2 ** 30).toFixed(2)} GiB)`);

const args = ['--sources', sources, '--out', out, '--full', ...(communes ? ['--reference', referenceDir] : []), ...(values.site ? [] : ['--skip-reports']), ...(values['allow-bad-files'] ? ['--allow-bad-files'] : []), ...(values['memory-limit'] ? ['--memory-limit', values['memory-limit']] : [])];
// The bundle is built (once per change of the code) before the clock starts, as an analyst's runs find it.
execFileSync(process.execPath, [launcher, '--help'], { cwd: root, stdio: 'ignore' });
const readManifest = () => JSON.parse(readFileSync(join(out, 'run-manifest.json'), 'utf8')) as RunManifest;
const pairs: { bare: number; bareCpu: number; run: Awaited<ReturnType<typeof pipeline>>; manifest: RunManifest }[] = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  await rm(join(dir, 'bare.duckdb'), { force: true });
  const bareCpu0 = ownCpuSeconds();
  const [bare, n] = await time(() => bareLoad(join(dir, 'bare.duckdb')));
  rows = n;
  const bareCpu = ownCpuSeconds() - bareCpu0;
  const r = await pipeline(args);
  const pairManifest = readManifest();
  pairs.push({ bare, bareCpu, run: r, manifest: pairManifest });
  if (runs > 1) console.log(`  pair ${i + 1} of ${runs}: bare ${bare.toFixed(2)} s, pipeline ${r.seconds.toFixed(2)} s = ${(r.seconds / bare).toFixed(2)}× wall, ${(r.cpuSeconds / bareCpu).toFixed(2)}× CPU, its ingest stage ${(stageSeconds(pairManifest, 'ingest') / bare).toFixed(2)}× wall (load ${loadAverage()})`);
}
// The pair whose wall ratio is the median stands for the run (its stages and memory are printed); the
// ratios' range over all pairs is printed beside it.
const middle = Math.floor((runs - 1) / 2); // the lower of the two middle pairs for an even count
const byRatio = [...pairs].sort((a, b) => a.run.seconds / a.bare - b.run.seconds / b.bare);
const { bare, bareCpu, run, manifest } = byRatio[middle]!;
const stages = manifest.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)}`).join(', ');

const gib = (b: number) => (b / 2 ** 30).toFixed(2);
console.log(`\n${started.toISOString().slice(0, 10)}, scale ${scale}${communes ? `, ${communes.communes} communes (${communes.communes2025} from 2025)` : ''}: ${rows.toLocaleString('en')} rows`);
console.log(`Bare DuckDB read_csv load       : ${bare.toFixed(2)} s`);
console.log(`pnpm pipeline ${values.site ? '' : '--skip-reports '}(whole command): ${run.seconds.toFixed(2)} s   (stages: ${stages})`);
console.log(`Ratio pipeline / bare           : ${(run.seconds / bare).toFixed(2)}× wall time, ${(run.cpuSeconds / bareCpu).toFixed(2)}× CPU time (${run.cpuSeconds.toFixed(1)} s / ${bareCpu.toFixed(1)} s; CPU time is the fairer measure on a shared machine)`);
if (runs > 1) {
  const cpuRatios = pairs.map((p) => p.run.cpuSeconds / p.bareCpu).sort((a, b) => a - b);
  console.log(`  over ${runs} alternated pairs   : median ${(run.seconds / bare).toFixed(2)}× wall (the pair above), range ${range(pairs.map((p) => p.run.seconds / p.bare))}; median ${cpuRatios[middle]!.toFixed(2)}× CPU, range ${range(cpuRatios)}`);
}
// The bare load's counterpart in the command is the ingest stage alone (which validates, keeps line numbers and
// hashes ids besides); the rest of the command (models, checks, exports, disclosure control, workbook) has none.
const ingest = stageSeconds(manifest, 'ingest');
const ingestRatios = pairs.map((p) => stageSeconds(p.manifest, 'ingest') / p.bare).sort((a, b) => a - b);
console.log(`  of which the ingest stage     : ${ingest.toFixed(2)} s = ${(ingest / bare).toFixed(2)}× the bare load's wall time${runs > 1 ? ` (over ${runs} pairs: median ${ingestRatios[middle]!.toFixed(2)}×, range ${range(ingestRatios)})` : ''}`);
console.log(`Time per million rows           : ${((run.seconds / rows) * 1e6).toFixed(2)} s (bare ${((bare / rows) * 1e6).toFixed(2)} s)`);
console.log(`Peak RSS of the process tree    : ${gib(Math.max(...pairs.map((p) => p.run.peakRss)))} GiB (DuckDB memory limit ${values['memory-limit'] ?? `${dbSettings().memoryLimit}, the default`}; the generator's own peak ${gib(generatorPeakRss)} GiB)`);
console.log(`Peak RSS by stage (≈)          : ${stagePeaks(manifest, run.samples).map((s) => `${s.name} ${gib(s.peak)}`).join(', ')} GiB`);
if (values.site) {
  const reports = stageSeconds(manifest, 'reports');
  console.log(`Site: reports stage ${reports.toFixed(1)} s, site/ ${((await dirBytes(join(out, 'site'))) / 1e6).toFixed(1)} MB`);
  console.log(`  steps: ${(manifest.reportSteps ?? []).map((s) => `${s.name} ${s.seconds.toFixed(1)}`).join(', ')}`);
}
if (values.incremental) {
  // A large source (the cards: the models that read them are the heaviest) and a small one.
  console.log('Re-runs after one changed file (pnpm pipeline without --full, same --out):');
  for (const file of INCREMENTAL_FILES) {
    await takeOutRow(join(sources, file));
    const again = await pipeline(args.filter((a) => a !== '--full'));
    const after = readManifest();
    if (after.ingestPlan?.kind !== 'incremental') throw new Error(`the re-run after ${file} changed was not incremental: ${after.ingestPlan?.note}`);
    console.log(`  ${file.padEnd(38)}: ${again.seconds.toFixed(2)} s, ${again.cpuSeconds.toFixed(1)} CPU s = ${(again.seconds / run.seconds).toFixed(2)} of the full run's wall time, ${(again.cpuSeconds / run.cpuSeconds).toFixed(2)} of its CPU time`);
    console.log(`    (stages: ${after.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)}`).join(', ')}; models kept ${after.models?.kept.length ?? 0} of ${(after.models?.kept.length ?? 0) + (after.models?.built.length ?? 0)})`);
  }
}
if (!values.keep) await rm(dir, { recursive: true, force: true });
