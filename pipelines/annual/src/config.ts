// Options and environment, validated once; nothing else reads process.env or argv.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_DB_SETTINGS, type DbSettings, MEMORY_LIMIT_PATTERN } from '@dtts/db';
import { readGeographyDir, ReferenceDataError } from '@dtts/reference';
import { type BadFileLimits, DEFAULT_BAD_FILE_LIMITS } from './safety-nets.ts';

export class UsageError extends Error {}

/** The repository root: the folder with pnpm-workspace.yaml above this file. */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml)');
    dir = up;
  }
  return dir;
}

const yearsSchema = z
  .string()
  .regex(/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/, 'years look like 2025, 2020-2025 or 2020,2022-2025')
  .transform((text) =>
    text.split(',').flatMap((part) => {
      const [from, to = from] = part.split('-').map(Number) as [number, number?];
      return Array.from({ length: Math.max(0, (to ?? from) - from + 1) }, (_, i) => from + i);
    }),
  );

export interface PipelineConfig {
  sourcesDir: string;
  /** True when no --sources was given: the bundled sample is generated on first use. */
  usesSample: boolean;
  outDir: string;
  years?: number[];
  skipReports: boolean;
  hashKey: string;
  /** The key file the hash key was read from (none when given by `DTTS_HASH_KEY` or by a caller). */
  hashKeyFile?: string;
  /** Year checks and failing `error` data-quality checks fail the run instead of being reported. */
  strict?: boolean;
  /** Unless set, a file with too many quarantined rows fails its source (`badFiles` limits). */
  allowBadFiles?: boolean;
  badFiles?: BadFileLimits;
  /** Test hook (`DTTS_PAUSE_AT=<stage>`): the run stops before that stage until it is killed. */
  pauseAt?: string;
  /** Folder of plan files (packages/indicators/plans by default): targets of plans after the catalog's. */
  plansDir?: string;
  /** A reference folder with another geography (checked here); the bundled packages/reference/data by default. */
  referenceDir?: string;
  /** Read every file again instead of reusing the previous run's unchanged source-years (incremental.ts). */
  full?: boolean;
  /** DuckDB's memory limit and threads (`--memory-limit`, `--threads`; packages/db settings.ts); the cli applies them. */
  db?: Partial<DbSettings>;
}

export const USAGE = `Usage: pnpm pipeline [--sources DIR] [--out DIR] [--years 2020-2025] [--plans DIR] [--reference DIR] [--skip-reports] [--full] [--strict] [--allow-bad-files]

  --sources DIR    a sources folder laid out as in docs/SOURCES.md (default: the bundled sample)
  --out DIR        where the warehouse, exports, manifest and site are written (default: ./out)
  --years LIST     only these years, e.g. 2025, 2020-2025 or 2020,2022-2025 (default: every year found)
  --plans DIR      folder of plan files (default: packages/indicators/plans; see its README.md)
  --reference DIR  reference data of another geography: the five commune files of packages/reference/data
                   (bao_yen_communes_*.csv) with the same columns (default: the bundled Bảo Yên files)
  --skip-reports   compute and export, but build no site
  --full           read every file again (by default a source-year whose files are unchanged since the
                   previous run in --out, by sha256, is taken from its warehouse)

  --strict         fail the run on a file that looks like another year's and on failing error-level
                   data-quality checks (they are reported in the summary otherwise)
  --allow-bad-files  load the good rows of a file even when more than --max-bad-share of its rows and more
                   than --max-bad-rows rows are quarantined (by default such a file fails its source)
  --max-bad-share P  percent of a file's rows (default 5)
  --max-bad-rows N   rows of a file (default 10)
  --memory-limit SIZE  DuckDB's memory limit per database, e.g. 4GB (default ${DEFAULT_DB_SETTINGS.memoryLimit}); above it DuckDB
                   spills to a temp folder inside --out's build folder: lower it on a small PC, raise it if the
                   disk is slow and the RAM is free
  --threads N      DuckDB's threads, and the disclosure control's (years decided at once; default: one per core)
  --key-file FILE  the secret key for the keyed hashes of personal ids (default: the installation's key file,
                   $XDG_CONFIG_HOME/dtts-warehouse/hash-key or ~/.config/dtts-warehouse/hash-key, created on
                   first use with mode 0600; it is never written into --out)

Environment: DTTS_HASH_KEY  the key itself (≥ 16 characters), instead of a key file
             DTTS_MEMORY_LIMIT, DTTS_THREADS  as --memory-limit and --threads (the options win)`;

export function readConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): PipelineConfig | 'help' {
  // biome-ignore lint/suspicious/noImplicitAnyLet: its type is parseArgs's, inferred from the options below
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        sources: { type: 'string' },
        out: { type: 'string' },
        years: { type: 'string' },
        plans: { type: 'string' },
        reference: { type: 'string' },
        'skip-reports': { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        'key-file': { type: 'string' },
        strict: { type: 'boolean', default: false },
        'allow-bad-files': { type: 'boolean', default: false },
        'max-bad-share': { type: 'string' },
        'max-bad-rows': { type: 'string' },
        'memory-limit': { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const root = repoRoot();
  let years: number[] | undefined;
  if (values.years !== undefined) {
    const y = yearsSchema.safeParse(values.years);
    if (!y.success) throw new UsageError(`--years ${values.years}: ${y.error.issues[0]?.message}`);
    years = y.data;
  }
  const referenceDir = values.reference === undefined ? undefined : resolve(values.reference);
  if (referenceDir !== undefined) {
    try {
      readGeographyDir(referenceDir);
    } catch (error) {
      if (error instanceof ReferenceDataError) throw new UsageError(`--reference ${values.reference}: ${error.message}`);
      throw error;
    }
  }
  const { hashKey, hashKeyFile } = readHashKey(values['key-file'], env);
  const share = z.coerce.number().min(0).max(100).safeParse(values['max-bad-share'] ?? DEFAULT_BAD_FILE_LIMITS.maxShare * 100);
  if (!share.success) throw new UsageError(`--max-bad-share ${values['max-bad-share']}: a percentage from 0 to 100`);
  const rows = z.coerce.number().int().min(0).safeParse(values['max-bad-rows'] ?? DEFAULT_BAD_FILE_LIMITS.maxRows);
  if (!rows.success) throw new UsageError(`--max-bad-rows ${values['max-bad-rows']}: a whole number of rows`);
  const db = readDbSettings(
    values['memory-limit'] !== undefined ? ['--memory-limit', values['memory-limit']] : env.DTTS_MEMORY_LIMIT !== undefined ? ['DTTS_MEMORY_LIMIT', env.DTTS_MEMORY_LIMIT] : undefined,
    values.threads !== undefined ? ['--threads', values.threads] : env.DTTS_THREADS !== undefined ? ['DTTS_THREADS', env.DTTS_THREADS] : undefined,
  );
  return {
    sourcesDir: resolve(values.sources ?? join(root, '.sample', 'sources')),
    usesSample: values.sources === undefined,
    outDir: resolve(values.out ?? join(root, 'out')),
    ...(years && { years }),
    skipReports: values['skip-reports'] ?? false,
    full: values.full ?? false,
    hashKey,
    ...(hashKeyFile && { hashKeyFile }),
    strict: values.strict ?? false,
    allowBadFiles: values['allow-bad-files'] ?? false,
    badFiles: { maxShare: share.data / 100, maxRows: rows.data },
    ...(env.DTTS_PAUSE_AT && { pauseAt: env.DTTS_PAUSE_AT }),
    ...(values.plans !== undefined && { plansDir: resolve(values.plans) }),
    ...(referenceDir !== undefined && { referenceDir }),
    ...(Object.keys(db).length > 0 && { db }),
  };
}

const memoryLimitSchema = z.string().trim().regex(MEMORY_LIMIT_PATTERN, 'a size such as 4GB, 1500MB or 3GiB');
const threadsSchema = z.coerce.number().int().min(1, 'a whole number from 1').max(256);

/** Each as [where it was given, its text]: an option wins over the environment. */
function readDbSettings(memoryLimit: [string, string] | undefined, threads: [string, string] | undefined): Partial<DbSettings> {
  const db: Partial<DbSettings> = {};
  if (memoryLimit !== undefined) {
    const m = memoryLimitSchema.safeParse(memoryLimit[1]);
    if (!m.success) throw new UsageError(`${memoryLimit.join(' ')}: ${m.error.issues[0]?.message}`);
    db.memoryLimit = m.data;
  }
  if (threads !== undefined) {
    const t = threadsSchema.safeParse(threads[1]);
    if (!t.success) throw new UsageError(`${threads.join(' ')}: a whole number from 1 to 256`);
    db.threads = t.data;
  }
  return db;
}

const keySchema = z.string().trim().min(16, 'the hash key must have at least 16 characters');

/** The installation's key file: outside every output folder, so no output ever holds the key. */
export function defaultKeyFile(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'dtts-warehouse', 'hash-key');
}

/**
 * The secret for the keyed hashes of personal ids: the same key in every run and year, so a person
 * hashes the same way throughout. `DTTS_HASH_KEY` wins, then `--key-file`, then the installation's key
 * file, created with a random key (mode 0600) the first time.
 */
function readHashKey(keyFile: string | undefined, env: NodeJS.ProcessEnv): { hashKey: string; hashKeyFile?: string } {
  if (env.DTTS_HASH_KEY) {
    const key = keySchema.safeParse(env.DTTS_HASH_KEY);
    if (!key.success) throw new UsageError(`DTTS_HASH_KEY: ${key.error.issues[0]?.message}`);
    return { hashKey: key.data };
  }
  const path = resolve(keyFile ?? defaultKeyFile(env));
  if (!existsSync(path)) {
    if (keyFile !== undefined) throw new UsageError(`--key-file ${keyFile}: no such file`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = keySchema.safeParse(readFileSync(path, 'utf8'));
  if (!key.success) throw new UsageError(`hash key file ${path}: ${key.error.issues[0]?.message}`);
  return { hashKey: key.data, hashKeyFile: path };
}
