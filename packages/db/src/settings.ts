// DuckDB's resources, set in one place for every database the product opens. DuckDB's own defaults
// (80 % of the machine's RAM, a thread per core) let a province-sized run take whatever the machine has;
// a limit makes DuckDB spill to its temp directory instead. The analyst changes them with
// `pnpm pipeline --memory-limit 4GB --threads 2` (or DTTS_MEMORY_LIMIT / DTTS_THREADS), read in the
// pipeline's config and handed here with setDbSettings.
export interface DbSettings {
  /** DuckDB `memory_limit` of each database instance, e.g. `2GB` or `1500MB`. */
  memoryLimit: string;
  /** DuckDB `threads`; undefined: one per core (DuckDB's default). */
  threads?: number;
}

/**
 * 2 GB per instance: at the district's size a run peaks below 1 GiB in all, so the limit costs nothing
 * there; at 5× the district (6.6 million rows) the whole run peaked at 2.3 GiB with it, 1.7 GiB with
 * 1 GB, at the same CPU time (BENCHMARKS.md, "Bounded memory").
 */
export const DEFAULT_DB_SETTINGS: Readonly<DbSettings> = { memoryLimit: '2GB' };

/** What DuckDB accepts for memory_limit: a number and a unit (KB, MB, GB, KiB, MiB, GiB …). */
export const MEMORY_LIMIT_PATTERN = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export class DbSettingsError extends Error {}

let current: DbSettings = { ...DEFAULT_DB_SETTINGS };

/** Settings for every database opened from now on in this process (the pipeline calls it once, from its config). */
export function setDbSettings(settings: Partial<DbSettings>): void {
  const memoryLimit = (settings.memoryLimit ?? current.memoryLimit).trim();
  if (!MEMORY_LIMIT_PATTERN.test(memoryLimit)) throw new DbSettingsError(`memory limit "${memoryLimit}": a size such as 2GB, 1500MB or 3GiB`);
  // `threads: undefined` given explicitly goes back to DuckDB's default (a thread per core).
  const threads = 'threads' in settings ? settings.threads : current.threads;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new DbSettingsError(`threads "${threads}": a whole number from 1`);
  current = { memoryLimit, ...(threads !== undefined && { threads }) };
}

export function dbSettings(): Readonly<DbSettings> {
  return current;
}

/**
 * DuckDB instance options for a database at `path`. A database file spills to `<file>.tmp` beside it
 * (for the pipeline: inside the run's output folder, removed when the database closes), and so do the
 * in-memory work databases attached to it; an in-memory database spills to DuckDB's default `.tmp`.
 */
export function instanceOptions(path: string, settings: DbSettings = current): Record<string, string> {
  return {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    memory_limit: settings.memoryLimit,
    ...(settings.threads !== undefined && { threads: String(settings.threads) }),
    ...(path !== ':memory:' && path !== '' && { temp_directory: `${path}.tmp` }),
  };
}
