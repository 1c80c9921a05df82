// The sources' sha256, kept between runs with each file's status (size, modification and change
// times, inode), so that a re-run does not read every unchanged file again only to hash it: the
// district's 105 MB took 0.6-0.85 s of a 9.5 s re-run. A file whose status is exactly the recorded
// one has the recorded content. Any write changes a file's change time (ctime), which no tool can
// set back, and an entry is recorded only once the file has been left alone for 2 s before it was
// read (a write in the same clock tick could otherwise leave the status as it was). `--full` reads
// and hashes everything, and records again.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashFile } from '@dtts/ingest-core';

/** Where a run keeps the table, in its --out folder. */
export const SOURCE_HASHES = '.cache/source-hashes.json';

/** A file's status; bigints as decimal texts (nanoseconds). */
interface Stamp { size: string; mtime: string; ctime: string; ino: string }
type Entry = Stamp & { sha256: string };
interface Stored { version: 1; sourcesDir: string; files: Record<string, Entry> }

/** How long a file must have been left alone before it was read for its hash to be recorded. */
const SETTLE_NS = 2_000_000_000n;

async function stampOf(path: string): Promise<Stamp> {
  const s = await stat(path, { bigint: true });
  return { size: String(s.size), mtime: String(s.mtimeNs), ctime: String(s.ctimeNs), ino: String(s.ino) };
}

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;

export interface SourceHashOptions {
  /** Reads a file's sha256 (tests count the reads). */
  hash?: (path: string) => Promise<string>;
  /** The clock, in nanoseconds since the epoch (tests move it on). */
  now?: () => bigint;
}

export class SourceHashes {
  /** The entries the next run may trust: those confirmed or recorded by this one. */
  private readonly next = new Map<string, Entry>();
  /** Files hashed by reading them this run (the others' status matched). */
  read = 0;
  private readonly hash: (path: string) => Promise<string>;
  private readonly now: () => bigint;

  private constructor(readonly sourcesDir: string, private readonly known: Map<string, Entry>, options: SourceHashOptions) {
    this.hash = options.hash ?? hashFile;
    this.now = options.now ?? (() => BigInt(Date.now()) * 1_000_000n);
  }

  /** The table kept in `outDir` by the previous run of the same sources folder; empty if none (or unreadable). */
  static async load(outDir: string | undefined, sourcesDir: string, options: SourceHashOptions = {}): Promise<SourceHashes> {
    let known = new Map<string, Entry>();
    if (outDir) {
      try {
        const stored = JSON.parse(await readFile(join(outDir, SOURCE_HASHES), 'utf8')) as Stored;
        if (stored.version === 1 && stored.sourcesDir === sourcesDir) known = new Map(Object.entries(stored.files));
      } catch {
        // no table yet, or not one this code wrote: every file is read
      }
    }
    return new SourceHashes(sourcesDir, known, options);
  }

  /** The sha256 of `file` (its path under the sources folder, with `/`): the recorded one if its status is unchanged, else read. */
  async sha256(file: string, path = join(this.sourcesDir, file)): Promise<string> {
    const stamp = await stampOf(path);
    const known = this.known.get(file);
    if (known && sameStamp(known, stamp)) {
      this.next.set(file, known);
      return known.sha256;
    }
    const since = this.now();
    this.read++;
    const sha256 = await this.hash(path);
    await this.record(file, sha256, since, path);
    return sha256;
  }

  /**
   * Records the sha256 of `file` as read after `since` (ns since the epoch): kept only if the file was
   * last written at least 2 s before `since`, so that its content then is its content now.
   */
  async record(file: string, sha256: string, since: bigint, path = join(this.sourcesDir, file)): Promise<void> {
    const stamp = await stampOf(path).catch(() => undefined);
    if (stamp && BigInt(stamp.ctime) < since - SETTLE_NS && BigInt(stamp.mtime) < since - SETTLE_NS) this.next.set(file, { ...stamp, sha256 });
  }

  /** Writes the table into `outDir` (the run's staged output folder). */
  async save(outDir: string): Promise<void> {
    const path = join(outDir, SOURCE_HASHES);
    await mkdir(dirname(path), { recursive: true });
    const files = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFile(path, `${JSON.stringify({ version: 1, sourcesDir: this.sourcesDir, files } satisfies Stored)}\n`);
  }

  /** The clock now, for `record`'s `since`. */
  stamp(): bigint {
    return this.now();
  }
}
