import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Db, DEFAULT_DB_SETTINGS, DbSettingsError, setDbSettings } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'db-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setDbSettings({ memoryLimit: DEFAULT_DB_SETTINGS.memoryLimit, threads: undefined }));

const setting = async (db: Db, name: string) => (await db.one<{ value: string }>('SELECT value FROM duckdb_settings() WHERE name = ?', [name]))?.value;

describe('DuckDB settings', () => {
  it('opens every database with the memory limit, and a file database spills beside itself', async () => {
    const path = join(dir, 'a.duckdb');
    const db = await Db.open(path);
    try {
      // 2 GB = 2,000,000,000 bytes = 1.86 GiB, which DuckDB prints with one decimal.
      expect(await setting(db, 'memory_limit')).toBe('1.8 GiB');
      expect(await setting(db, 'temp_directory')).toBe(`${path}.tmp`);
      expect(await setting(db, 'autoinstall_known_extensions')).toBe('false');
    } finally {
      db.close();
    }
  });

  it('takes the analyst’s limit and threads, and refuses what DuckDB would not read', async () => {
    setDbSettings({ memoryLimit: '100MB', threads: 1 });
    const db = await Db.open(':memory:');
    try {
      // 100,000,000 bytes = 95.37 MiB.
      expect(await setting(db, 'memory_limit')).toBe('95.3 MiB');
      expect(await setting(db, 'threads')).toBe('1');
    } finally {
      db.close();
    }
    setDbSettings({ threads: undefined });
    const again = await Db.open(':memory:');
    try {
      // Back to DuckDB's default, a thread per core; the limit given before stays.
      expect(await setting(again, 'threads')).toBe(String(availableParallelism()));
      expect(await setting(again, 'memory_limit')).toBe('95.3 MiB');
    } finally {
      again.close();
    }
    expect(() => setDbSettings({ memoryLimit: '2 gigs' })).toThrow(DbSettingsError);
    expect(() => setDbSettings({ threads: 0 })).toThrow(DbSettingsError);
  });

  it('spills an in-memory work database attached to a file database to the temp folder, and leaves nothing behind', async () => {
    setDbSettings({ memoryLimit: '64MB', threads: 1 });
    const path = join(dir, 'spill.duckdb');
    const db = await Db.open(path);
    try {
      await db.run(`ATTACH ':memory:' AS work`);
      // About 2 million 40-character strings: well over 64 MB, so DuckDB must write blocks to its temp folder.
      await db.run(`CREATE TABLE work.t AS SELECT i, repeat(chr(65 + (i % 26)::INTEGER), 40) || i::VARCHAR AS s FROM range(2000000) r(i)`);
      const spilled = await db.one<{ n: number }>('SELECT count(*) AS n FROM duckdb_temporary_files()');
      expect(spilled?.n).toBeGreaterThan(0);
      expect(existsSync(`${path}.tmp`)).toBe(true);
      // The data is all there, read back through the buffer manager: Σ i for i < 2,000,000 = 1,999,999,000,000.
      expect(await db.one('SELECT count(*) AS n, sum(i) AS total FROM work.t')).toEqual({ n: 2_000_000, total: 1_999_999_000_000 });
    } finally {
      db.close();
    }
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});
