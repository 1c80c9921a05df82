import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SOURCES } from './doc.ts';
import { GENERATOR_VERSION, generateSample, resolveOptions } from './generate.ts';

export const STAMP_FILE = '.sample-stamp';

/**
 * Generates the default sample into dir unless dir/.sample-stamp says it is already there
 * (same generator version and options). The stamp is written last, so an interrupted run is
 * redone; the source folders are cleared first, so no stale file survives.
 */
export async function ensureSample(dir: string): Promise<void> {
  const stamp = `${JSON.stringify({ generator: GENERATOR_VERSION, options: resolveOptions({}) })}\n`;
  const current = await readFile(join(dir, STAMP_FILE), 'utf8').catch(() => null);
  if (current === stamp) return;
  await rm(join(dir, STAMP_FILE), { force: true });
  for (const folder of SOURCES) await rm(join(dir, folder), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await generateSample({ dir });
  await writeFile(join(dir, STAMP_FILE), stamp);
}
