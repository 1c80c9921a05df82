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
