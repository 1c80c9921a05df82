// `pnpm forms` options, validated once.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {}

export const USAGE = `Usage: pnpm forms --year YEAR [--sources DIR] [--out DIR] [--due dd/mm/yyyy]

  --year YEAR      the year the forms collect (e.g. 2026)
  --sources DIR    a sources folder (docs/SOURCES.md): the previous year's files there pre-fill
                   the lists (villages, schools); without it the forms carry only the fixed lists
  --out DIR        where the forms are written, as <source>/<year>/<table>_bieu_mau_<year>.xlsx
                   (default: ./bieu-mau)
  --due DATE       the date the filled forms are due (default: 30 days after each reference date)`;

export interface FormsConfig {
  year: number;
  sourcesDir?: string;
  outDir: string;
  /** ISO. */
  due?: string;
}

const args = z.object({
  year: z.coerce.number({ error: '--year is required' }).int().min(2020, '--year must be 2020 or later').max(2100),
  sources: z.string().optional(),
  out: z.string().optional(),
  due: z
    .string()
    .regex(/^\d{2}\/\d{2}\/\d{4}$/, '--due looks like 15/11/2026')
    .transform((t) => t.split('/').reverse().join('-'))
    .refine((iso) => !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso, '--due is not a date')
    .optional(),
});

export function readConfig(argv: string[]): FormsConfig | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { year: { type: 'string' }, sources: { type: 'string' }, out: { type: 'string' }, due: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const parsed = args.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message}\n\n${USAGE}`);
  const { year, sources, out, due } = parsed.data;
  if (sources !== undefined && !existsSync(sources)) throw new UsageError(`--sources ${sources}: no such folder`);
  return {
    year,
    ...(sources !== undefined && { sourcesDir: resolve(sources) }),
    outDir: resolve(out ?? join(repoRoot(), 'bieu-mau')),
    ...(due !== undefined && { due }),
  };
}

function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
