import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ensureSample, STAMP_FILE } from './ensure.ts';
import { GENERATOR_VERSION, resolveOptions } from './generate.ts';

describe('ensureSample', () => {
  it('does nothing when the stamp holds the same generator version and options', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtts-ensure-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, STAMP_FILE), `${JSON.stringify({ generator: GENERATOR_VERSION, options: resolveOptions({}) })}\n`);
    await ensureSample(dir);
    expect(await readdir(dir)).toEqual([STAMP_FILE]);
  });

  it('resolves the default options: 2020–2025, real size, seed 28', () => {
    expect(resolveOptions({})).toEqual({ years: [2020, 2021, 2022, 2023, 2024, 2025], scale: 1, seed: 28, csvOnly: false });
    expect(() => resolveOptions({ years: [2019] })).toThrow(/2019/);
  });
});
