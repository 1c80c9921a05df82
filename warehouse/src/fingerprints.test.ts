// A source table's content as the model runner fingerprints it: hashed row by row, or — for the
// ingest tables that only ingestion writes (the pipeline) — keyed by its source-year's files.
import { Db } from '@dtts/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingTables, sourceContents } from './fingerprints.ts';

describe('source contents', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(':memory:');
    await db.run('create schema ingest');
    await db.run(`create table ingest.files (source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR, rows_loaded INTEGER)`);
    await db.run(`insert into ingest.files values ('census', 'ho', 2024, 'census/2024/ho.csv', 'aaa', 2), ('census', 'nhan_khau', 2024, 'census/2024/nhan_khau.csv', 'bbb', 5),
      ('census', 'ho', 2025, 'census/2025/ho.csv', 'ccc', 1), ('school', 'hoc_sinh', 2024, 'school/2024/hoc_sinh.csv', 'ddd', 9)`);
    await db.run(`create table ingest.census_ho (year INTEGER, ma_ho VARCHAR)`);
    await db.run(`insert into ingest.census_ho values (2024, 'H1'), (2024, 'H2'), (2025, 'H3')`);
  });
  afterAll(() => db.close());

  const contents = async (fileKeyed?: Map<string, string>) =>
    (await sourceContents(db, ['ingest.census_ho'], await existingTables(db), fileKeyed)).get('ingest.census_ho')!;
  const keyed = new Map([['ingest.census_ho', 'census']]);

  it('keys a file-keyed table by its row count and its source-year files, year by year', async () => {
    const before = await contents(keyed);
    expect([...before.byYear!]).toEqual([
      ['2024', '2:files:ho/census/2024/ho.csv/aaa/2,nhan_khau/census/2024/nhan_khau.csv/bbb/5'],
      ['2025', '1:files:ho/census/2025/ho.csv/ccc/1'],
    ]);
    // another file of the same source-year (its persons decide which households load): 2024 changes, 2025 not
    await db.run(`update ingest.files set sha256 = 'bbb2' where file = 'census/2024/nhan_khau.csv'`);
    const after = await contents(keyed);
    expect(after.byYear!.get('2024')).not.toBe(before.byYear!.get('2024'));
    expect(after.byYear!.get('2025')).toBe(before.byYear!.get('2025'));
    // another source's files do not count
    await db.run(`update ingest.files set sha256 = 'eee' where source = 'school'`);
    expect((await contents(keyed)).whole).toBe(after.whole);
  });

  it('hashes the rows of a table that is not file-keyed: a changed value changes its year', async () => {
    const before = await contents();
    expect(before.byYear!.get('2024')).toMatch(/^2:-?\d+$/);
    await db.run(`update ingest.census_ho set ma_ho = 'H9' where ma_ho = 'H1'`);
    const after = await contents();
    expect(after.byYear!.get('2024')).not.toBe(before.byYear!.get('2024'));
    expect(after.byYear!.get('2025')).toBe(before.byYear!.get('2025'));
  });
});
