// DuckDB's memory limit and threads: --memory-limit / --threads, or DTTS_MEMORY_LIMIT / DTTS_THREADS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig, UsageError, USAGE } from './config.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-memory-'));
const env = { DTTS_HASH_KEY: 'a-key-for-the-memory-test' };
afterAll(() => rmSync(work, { recursive: true, force: true }));

const db = (argv: string[], e: NodeJS.ProcessEnv = env) => {
  const config = readConfig(['--out', join(work, 'out'), ...argv], e);
  if (config === 'help') throw new Error('unexpected help');
  return config.db;
};

describe('DuckDB resources', () => {
  it('are DuckDB-and-packages/db defaults unless given', () => {
    expect(db([])).toBeUndefined();
    expect(USAGE).toContain('--memory-limit SIZE');
    expect(USAGE).toContain('default 2GB');
  });

  it('come from the options, else the environment', () => {
    expect(db(['--memory-limit', '3GB', '--threads', '2'])).toEqual({ memoryLimit: '3GB', threads: 2 });
    expect(db([], { ...env, DTTS_MEMORY_LIMIT: '1500MB', DTTS_THREADS: '1' })).toEqual({ memoryLimit: '1500MB', threads: 1 });
    expect(db(['--memory-limit', '4GiB'], { ...env, DTTS_MEMORY_LIMIT: '1500MB' })).toEqual({ memoryLimit: '4GiB' });
  });

  it('refuse what DuckDB would not read, naming the option', () => {
    expect(() => db(['--memory-limit', '2 gigs'])).toThrow(UsageError);
    expect(() => db(['--memory-limit', '2 gigs'])).toThrow(/--memory-limit 2 gigs: a size such as 4GB/);
    expect(() => db(['--threads', '0'])).toThrow(/--threads 0/);
    expect(() => db([], { ...env, DTTS_THREADS: 'many' })).toThrow(/DTTS_THREADS many: a whole number/);
  });
});
