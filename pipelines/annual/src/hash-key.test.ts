// The hash key: one per installation, outside every output, so a person hashes the same way in
// every run and year, and no output ever carries the key.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { defaultKeyFile, readConfig, UsageError } from './config.ts';
import { runPipeline } from './run.ts';

const repo = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'dtts-key-'));
const env = { XDG_CONFIG_HOME: join(work, 'config') };
const quiet = { info: () => {}, progress: () => {} };
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the hash key', () => {
  it('is created once per installation, mode 0600, and read back the same', () => {
    const first = readConfig(['--out', join(work, 'a')], env);
    const second = readConfig(['--out', join(work, 'b')], env);
    if (first === 'help' || second === 'help') throw new Error('unexpected help');
    expect(first.hashKeyFile).toBe(defaultKeyFile(env));
    expect(statSync(defaultKeyFile(env)).mode & 0o777).toBe(0o600);
    expect(first.hashKey).toMatch(/^[0-9a-f]{64}$/);
    expect(second.hashKey).toBe(first.hashKey);
  });

  it('comes from DTTS_HASH_KEY first, then --key-file', () => {
    const keyFile = join(work, 'other-key');
    writeFileSync(keyFile, 'a-key-from-a-file-0123\n');
    const fromEnv = readConfig(['--key-file', keyFile], { ...env, DTTS_HASH_KEY: 'a-key-from-the-environment' });
    const fromFile = readConfig(['--key-file', keyFile], env);
    if (fromEnv === 'help' || fromFile === 'help') throw new Error('unexpected help');
    expect(fromEnv.hashKey).toBe('a-key-from-the-environment');
    expect(fromEnv.hashKeyFile).toBeUndefined();
    expect(fromFile.hashKey).toBe('a-key-from-a-file-0123');
    expect(() => readConfig(['--key-file', join(work, 'missing')], env)).toThrow(UsageError);
    expect(() => readConfig([], { ...env, DTTS_HASH_KEY: 'short' })).toThrow(/at least 16 characters/);
  });

  it('gives the same hashes in two runs, and no output holds it', async () => {
    const sources = join(work, 'sources');
    cpSync(join(repo, 'packages/connectors/census/fixtures/census'), join(sources, 'census'), { recursive: true });
    const hashes: string[][] = [];
    for (const out of [join(work, 'out-1'), join(work, 'out-2')]) {
      const config = readConfig(['--sources', sources, '--out', out, '--skip-reports'], env);
      if (config === 'help') throw new Error('unexpected help');
      await runPipeline(config, quiet);
      const db = await Db.open(join(out, 'warehouse.duckdb'));
      try {
        const rows = await db.all<{ h: string }>('SELECT so_dinh_danh_hash AS h FROM ingest.census_nhan_khau WHERE so_dinh_danh_hash IS NOT NULL ORDER BY source_file, source_row');
        hashes.push(rows.map((r) => r.h));
      } finally {
        db.close();
      }
      const key = readFileSync(defaultKeyFile(env), 'utf8').trim();
      for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) expect(readFileSync(join(entry.parentPath, entry.name)).includes(key), entry.name).toBe(false);
      }
    }
    expect(hashes[0]!.length).toBeGreaterThan(0);
    expect(hashes[1]).toEqual(hashes[0]);
  }, 120_000);

  it('is refused inside the output or sources folder', async () => {
    const out = join(work, 'out-with-key');
    const sources = join(work, 'sources');
    const keyFile = join(sources, 'key');
    writeFileSync(keyFile, 'a-key-inside-the-sources\n');
    const config = readConfig(['--sources', sources, '--out', out, '--key-file', keyFile, '--skip-reports'], env);
    if (config === 'help') throw new Error('unexpected help');
    await expect(runPipeline(config, quiet)).rejects.toThrow(/hash key file .* is inside the --sources folder/);
    expect(existsSync(out)).toBe(false);
  });
});
