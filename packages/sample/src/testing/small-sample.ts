import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generateSample, type SampleSummary } from '../generate.ts';

export const SMALL_SCALE = 0.02;

// Test files only (this registers a vitest hook when imported). A file's tests share the samples it
// makes (in a beforeAll, or in a test), so each is removed when the whole file is done, passed or
// failed. vitest gives every test file its own copy of this module, hence its own list and hook.
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Generates the default years at a small scale into a fresh temporary folder, removed after the test file. */
export async function smallSample(opts: { csvOnly?: boolean } = {}): Promise<{ dir: string; summary: SampleSummary }> {
  const dir = await mkdtemp(join(tmpdir(), 'dtts-sample-'));
  made.push(dir);
  const summary = await generateSample({ dir, scale: SMALL_SCALE, csvOnly: opts.csvOnly ?? false });
  return { dir, summary };
}
