// The output folder: built aside, swapped in only when the whole run succeeded, and never a folder
// the product did not write. A failed or killed run leaves the previous outputs exactly as they were;
// the next run clears what dead runs left behind. One run at a time per output folder (a lock file).
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { hostname } from 'node:os';
import { link, mkdir, readdir, readFile, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAlive } from '@dtts/db';

/** Written by the product into every output folder: what it wrote, so nothing else is ever replaced. */
export const OUTPUT_MARKER = '.dtts-output.json';

export class OutDirRefused extends Error {}

export interface StagedOutput {
  /** Where this run writes. */
  dir: string;
  /** Replace the output folder with the staged one. */
  commit(): Promise<void>;
  /** Throw the staged folder away. */
  discard(): Promise<void>;
  /** Release the lock (after commit or discard). */
  release(): Promise<void>;
  /** What the preparation found and did (stale lock taken over, leftovers removed), for the log. */
  notes: string[];
}

interface Marker {
  product: 'dtts-warehouse';
  runId: string;
  /** Every file the run wrote, relative to the output folder, `/`-separated. */
  files: string[];
}

interface LockInfo {
  pid: number;
  host: string;
  runId: string;
  startedAt: string;
}

/**
 * Refuses an output folder equal to, inside or above the sources folder (symlinks resolved), and a key
 * file inside either: the output folder is replaced by each run, and the key must never be published.
 */
export async function checkOutAgainstSources(outDir: string, sourcesDir: string, keyFile?: string): Promise<void> {
  const out = await resolveReal(outDir);
  const sources = await resolveReal(sourcesDir);
  if (keyFile !== undefined) {
    const key = await resolveReal(keyFile);
    for (const [dir, what] of [[out, '--out'], [sources, '--sources']] as const) {
      if (isInside(key, dir)) {
        throw new OutDirRefused(`the hash key file ${keyFile} is inside the ${what} folder; keep it outside both, where no output or copy of the sources carries it.`);
      }
    }
  }
  const message = (where: string) =>
    `--out ${outDir} is ${where} the sources folder ${sourcesDir}: the run replaces its output folder, so it would ` +
    `delete the agencies' files. Choose an output folder outside the sources folder (for example ./out).`;
  if (out === sources) throw new OutDirRefused(message('the same folder as'));
  if (isInside(out, sources)) throw new OutDirRefused(message('inside'));
  if (isInside(sources, out)) throw new OutDirRefused(message('above'));
}

/**
 * Takes the lock of `outDir`, clears what dead runs left, checks that an existing `outDir` holds only
 * a previous run's outputs, and creates this run's build folder beside it.
 */
export async function stageOutput(outDir: string, runId: string): Promise<StagedOutput> {
  const parent = dirname(outDir);
  const base = basename(outDir);
  await mkdir(parent, { recursive: true });
  const notes: string[] = [];
  const lockPath = join(parent, `.${base}.lock`);
  await takeLock(lockPath, runId, notes);
  let dir = '';
  try {
    await clearLeftovers(parent, base, outDir, notes);
    await checkReplaceable(outDir);
    // The pid and a random part keep two runs (even of the same second) off each other's folder.
    dir = join(parent, `.${base}.building-${runId}-${process.pid}-${randomBytes(3).toString('hex')}`);
    await mkdir(dir);
  } catch (error) {
    await unlink(lockPath).catch(() => {});
    throw error;
  }
  return {
    dir,
    notes,
    async commit() {
      const marker: Marker = { product: 'dtts-warehouse', runId, files: (await listFiles(dir)).filter((f) => f !== OUTPUT_MARKER) };
      await writeFile(join(dir, OUTPUT_MARKER), `${JSON.stringify(marker, null, 1)}\n`);
      const old = join(parent, `.${base}.previous-${basename(dir).replace(/^.*\.building-/, '')}`);
      const hadPrevious = await exists(outDir);
      if (hadPrevious) await rename(outDir, old);
      try {
        await rename(dir, outDir);
      } catch (error) {
        if (hadPrevious) await rename(old, outDir);
        throw error;
      }
      if (hadPrevious) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
    async release() {
      const held = await readLock(lockPath);
      if (held?.runId === runId && held.pid === process.pid) await unlink(lockPath).catch(() => {});
    },
  };
}

/** An existing output folder is replaced only when it is empty or holds exactly what a previous run wrote. */
async function checkReplaceable(outDir: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(outDir);
  } catch {
    return;
  }
  if (!info.isDirectory()) throw new OutDirRefused(`--out ${outDir} is a file, not a folder; nothing was changed.`);
  const files = await listFiles(outDir);
  if (files.length === 0) return;
  let marker: Marker | undefined;
  try {
    marker = JSON.parse(await readFile(join(outDir, OUTPUT_MARKER), 'utf8')) as Marker;
  } catch {
    marker = undefined;
  }
  if (marker?.product !== 'dtts-warehouse' || !Array.isArray(marker.files)) {
    throw new OutDirRefused(
      `--out ${outDir} already exists and was not written by this pipeline (no ${OUTPUT_MARKER}); ` +
        `nothing was changed. Choose a new or empty folder, or an earlier run's output folder.`,
    );
  }
  const written = new Set([...marker.files, OUTPUT_MARKER]);
  const unknown = files.filter((f) => !written.has(f));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
    throw new OutDirRefused(
      `--out ${outDir} holds files the pipeline did not write (${shown}); the run would replace the folder and ` +
        `lose them, so nothing was changed. Move them elsewhere and run again.`,
    );
  }
}

/** Restores an output folder a killed swap left aside, and removes dead runs' build and previous folders. */
async function clearLeftovers(parent: string, base: string, outDir: string, notes: string[]): Promise<void> {
  const names = await readdir(parent);
  const previous = names.filter((n) => n.startsWith(`.${base}.previous-`)).sort();
  if (!(await exists(outDir)) && previous.length > 0) {
    const latest = previous.pop()!;
    await rename(join(parent, latest), outDir);
    notes.push(`restored ${outDir} from ${latest}, left by a run killed while swapping its outputs in`);
  }
  for (const name of [...previous, ...names.filter((n) => n.startsWith(`.${base}.building-`))]) {
    await rm(join(parent, name), { recursive: true, force: true });
    notes.push(`removed ${join(parent, name)}, left by a run that did not finish`);
  }
}

async function takeLock(lockPath: string, runId: string, notes: string[]): Promise<void> {
  const mine: LockInfo = { pid: process.pid, host: hostname(), runId, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside and linked in: the lock appears whole or not at all (link fails if it exists).
    const pending = `${lockPath}.${process.pid}-${randomBytes(3).toString('hex')}`;
    await writeFile(pending, `${JSON.stringify(mine)}\n`);
    try {
      await link(pending, lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(pending).catch(() => {});
    }
    const held = await readLock(lockPath);
    if (held && held.host === mine.host && isAlive(held.pid)) {
      throw new OutDirRefused(
        `another run (pid ${held.pid}, run ${held.runId}, started ${held.startedAt}) is writing to this output folder; ` +
          `wait for it to finish. Lock: ${lockPath}`,
      );
    }
    if (held && held.host !== mine.host) {
      throw new OutDirRefused(
        `a run on ${held.host} (pid ${held.pid}, started ${held.startedAt}) holds the lock ${lockPath}; ` +
          `if no run is going on there, delete that file and run again.`,
      );
    }
    notes.push(`took over a stale lock (${held ? `pid ${held.pid}, started ${held.startedAt}, no longer running` : 'unreadable'})`);
    await unlink(lockPath).catch(() => {});
  }
  throw new OutDirRefused(`could not take the lock ${lockPath}: another run took it first`);
}

async function readLock(lockPath: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(lockPath, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The real path of `path`, resolving symlinks of the part that exists. */
async function resolveReal(path: string): Promise<string> {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(existing), ...rest);
    } catch {
      const up = dirname(existing);
      if (up === existing) return absolute;
      rest.unshift(basename(existing));
      existing = up;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
