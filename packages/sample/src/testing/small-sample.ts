import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample, type SampleSummary } from '../generate.ts';

export const SMALL_SCALE = 0.02;

/** Generates the default years at a small scale into a fresh temporary folder. */
export async function smallSample(opts: { csvOnly?: boolean } = {}): Promise<{ dir: string; summary: SampleSummary }> {
  const dir = await mkdtemp(join(tmpdir(), 'dtts-sample-'));
  const summary = await generateSample({ dir, scale: SMALL_SCALE, csvOnly: opts.csvOnly ?? false });
  return { dir, summary };
}
