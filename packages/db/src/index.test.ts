import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db, quoteIdent, quoteLiteral, withDb } from './index.ts';

describe('Db', () => {
  it('runs scripts and reads rows as objects', async () => {
    await withDb(':memory:', async (db) => {
      await db.exec(`create table t (a integer, b varchar); insert into t values (1, 'Bảo Yên'), (2, 'x');`);
      const rows = await db.all<{ a: number; b: string }>('select a, b from t order by a');
      expect(rows).toEqual([{ a: 1, b: 'Bảo Yên' }, { a: 2, b: 'x' }]);
    });
  });
  it('never loads extensions it would have to download', async () => {
    const db = await Db.open();
    try {
      await expect(db.run(`select * from read_xlsx('x.xlsx')`)).rejects.toThrow();
    } finally {
      db.close();
    }
  });
  it('quotes identifiers and literals', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteLiteral("O'Neil")).toBe("'O''Neil'");
  });
});

describe('plain values', () => {
  it('turns counts, decimals and dates into plain JavaScript', async () => {
    await withDb(':memory:', async (db) => {
      const row = await db.one(`select count(*) n, 1.5::decimal(10,2) d, date '2020-10-01' dt, [1,2] l`);
      expect(row).toEqual({ n: 1, d: 1.5, dt: '2020-10-01', l: [1, 2] });
    });
  });
});

describe('fork', () => {
  it('gives a second connection to the same database, closed on its own', async () => {
    await withDb(':memory:', async (db) => {
      await db.run('create table t as select 42 as x');
      const other = await db.fork();
      expect(await other.one('select x from t')).toEqual({ x: 42 });
      other.close();
      expect(await db.one('select x from t')).toEqual({ x: 42 });
    });
  });
});

describe('a database file opened with a row group size', () => {
  it('writes row groups of that size, under the catalog name DuckDB gives the file, on every connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtts-db-rowgroups-'));
    try {
      const path = join(dir, 'warehouse.duckdb');
      const rowGroups = async (db: Db) => (await db.one<{ n: number; most: number }>(
        `SELECT count(DISTINCT row_group_id)::INTEGER AS n, max(count)::INTEGER AS most FROM pragma_storage_info('t')`))!;
      const db = await Db.open(path, { rowGroupSize: 16_384 });
      try {
        await db.run('CREATE TABLE t AS SELECT range AS i FROM range(50000)');
        await db.run('CHECKPOINT');
        expect(await db.one('SELECT current_database() AS name')).toEqual({ name: 'warehouse' });
        expect(await rowGroups(db)).toEqual({ n: 4, most: 16_384 });
        const fork = await db.fork();
        try {
          await fork.run('INSERT INTO t SELECT 50000 + range FROM range(40000)');
          expect(await fork.one('SELECT count(*) AS n FROM main.t')).toEqual({ n: 90_000 });
        } finally {
          fork.close();
        }
      } finally {
        db.close();
      }
      // DuckDB's own default elsewhere, and the file reads back the plain way
      const plain = await Db.open(path);
      try {
        expect(await plain.one('SELECT count(*) AS n FROM t')).toEqual({ n: 90_000 });
        await plain.run('CREATE TABLE u AS SELECT range AS i FROM range(200000)');
        await plain.run('CHECKPOINT');
        expect(await plain.one(`SELECT max(count)::INTEGER AS most FROM pragma_storage_info('u')`)).toEqual({ most: 122_880 });
      } finally {
        plain.close();
      }
      await expect(Db.open(path, { rowGroupSize: 1000 })).rejects.toThrow(/multiple of 2048/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
