// Options and environment, validated once; nothing else reads process.env or argv.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

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
}

export const USAGE = `Usage: pnpm pipeline [--sources DIR] [--out DIR] [--years 2020-2025] [--skip-reports]

  --sources DIR    a sources folder laid out as in docs/SOURCES.md (default: the bundled sample)
  --out DIR        where the warehouse, exports, manifest and site are written (default: ./out)
  --years LIST     only these years, e.g. 2025, 2020-2025 or 2020,2022-2025 (default: every year found)
  --skip-reports   compute and export, but build no site

Environment: DTTS_HASH_KEY  secret for the keyed hashes of personal ids (default: a new random key per run)`;

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
        'skip-reports': { type: 'boolean', default: false },
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
  const key = z.string().min(16, 'DTTS_HASH_KEY must have at least 16 characters').optional().safeParse(env.DTTS_HASH_KEY || undefined);
  if (!key.success) throw new UsageError(key.error.issues[0]?.message ?? 'bad DTTS_HASH_KEY');
  return {
    sourcesDir: resolve(values.sources ?? join(root, '.sample', 'sources')),
    usesSample: values.sources === undefined,
    outDir: resolve(values.out ?? join(root, 'out')),
    ...(years && { years }),
    skipReports: values['skip-reports'] ?? false,
    hashKey: key.data ?? randomBytes(32).toString('hex'),
  };
}
