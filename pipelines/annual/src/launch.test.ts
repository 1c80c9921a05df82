// launch.mjs, `pnpm pipeline`'s launcher: builds the bundle of cli.ts once per key into its cache folder,
// reuses it after, and runs through tsx on request; the CLI's output and exit codes are the same either way.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const LAUNCHER = join(import.meta.dirname, '../launch.mjs');
const CLI = join(import.meta.dirname, 'cli.ts');
const cache = mkdtempSync(join(tmpdir(), 'dtts-launch-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, DTTS_PIPELINE_CACHE: cache, DTTS_PIPELINE_LAUNCH_LOG: '1', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
const launch = (args: string[], env?: Record<string, string>) => run([LAUNCHER, ...args], env);
const bundles = () => readdirSync(cache).filter((name) => !name.startsWith('.')).sort();

describe('launch.mjs', { timeout: 60_000 }, () => {
  it('builds the bundle on the first start and reuses it on the next', async () => {
    const first = await launch(['--help']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Usage: pnpm pipeline/);
    const built = /\[launch\] built (\w+)/.exec(first.stderr)?.[1];
    expect(built, first.stderr).toBeDefined();
    expect(bundles()).toEqual([built]);
    const bundle = join(cache, built!, 'cli.mjs');
    const mtime = statSync(bundle).mtimeMs;

    const second = await launch(['--help']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain(`[launch] reusing ${built}`);
    expect(second.stderr).not.toContain('built');
    expect(bundles()).toEqual([built]);
    expect(statSync(bundle).mtimeMs).toBe(mtime);
  });

  it('builds a new bundle when the key changes', async () => {
    const before = bundles();
    const other = await launch(['--help'], { DTTS_PIPELINE_KEY_EXTRA: 'another key' });
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^Usage: pnpm pipeline/);
    const built = /\[launch\] built (\w+)/.exec(other.stderr)?.[1];
    expect(built, other.stderr).toBeDefined();
    expect(before).not.toContain(built);
    expect(bundles()).toEqual([...before, built].sort());
  });

  it('two first starts at once both run, and leave one bundle', async () => {
    const env = { DTTS_PIPELINE_KEY_EXTRA: 'at once' };
    const before = bundles();
    const [a, b] = await Promise.all([launch(['--help'], env), launch(['--help'], env)]);
    for (const r of [a, b]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Usage: pnpm pipeline/);
    }
    expect(bundles().length).toBe(before.length + 1);
    expect(readdirSync(cache).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('DTTS_NO_BUNDLE=1 runs cli.ts through tsx', async () => {
    const before = bundles();
    const r = await launch(['--help'], { DTTS_NO_BUNDLE: '1', DTTS_PIPELINE_KEY_EXTRA: 'not built' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pnpm pipeline/);
    expect(r.stderr).toContain('[launch] tsx');
    expect(bundles()).toEqual(before);
  });

  it('runs through tsx, after one note, when the bundle cannot be built', async () => {
    const file = join(cache, '.not-a-folder');
    writeFileSync(file, '');
    const r = await launch(['--help'], { DTTS_PIPELINE_CACHE: join(file, 'cache') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pnpm pipeline/);
    expect(r.stderr).toMatch(/^\(pipeline launcher: no bundle, running through tsx: .+\)$/m);
    expect(r.stderr).toContain('[launch] tsx');
  });

  it('a usage error looks as it does through tsx: message and exit code', async () => {
    const args = ['--years', 'last year', '--skip-reports'];
    const [bundled, tsx] = await Promise.all([launch(args, { DTTS_PIPELINE_LAUNCH_LOG: '' }), run(['--import', 'tsx', CLI, ...args])]);
    expect(bundled.code).toBe(2);
    expect(tsx.code).toBe(2);
    expect(bundled.stderr).toBe(tsx.stderr);
    expect(bundled.stdout).toBe(tsx.stdout);
  });
});
