import { Db } from '@dtts/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from './read-rows.ts';

let db: Db;
beforeAll(async () => {
  db = await Db.open(':memory:');
  // 'b' is met first, so it comes first among the distinct texts; sorted, 'a' goes first
  await db.run(`create table t as select * from (values
    ('b', 'Nữ', 2::integer, 10::bigint, 1.5::double, true, date '2025-07-01', null::varchar),
    ('a', null, null, null, null, null, null, null),
    ('Đồng Văn', 'Nam''s', 1, 9007199254740991, -0.25, false, date '2020-01-01', null),
    ('a', 'Nữ', 3, -4, 0.0, true, date '2024-12-31', null)
  ) v(code, sex, n, big, x, yes, day, empty)`);
});
afterAll(() => db.close());

describe('readRows', () => {
  it('gives the rows Db.all gives, in the order asked, NULLs, non-ASCII texts, BIGINT and DATE included', async () => {
    const rows = await readRows(db, 'select * from t', 'code, n nulls first');
    expect(rows).toEqual(await db.all('select * from t order by code, n nulls first'));
    // sorted on the texts ('Đồng Văn' after 'a' and 'b'), not on the order the texts were met in
    expect(rows.map((r) => (r as { code: string }).code)).toEqual(['a', 'a', 'b', 'Đồng Văn']);
    expect(rows[0]).toEqual({ code: 'a', sex: null, n: null, big: null, x: null, yes: null, day: null, empty: null });
    expect(rows[3]).toEqual({ code: 'Đồng Văn', sex: "Nam's", n: 1, big: 9007199254740991, x: -0.25, yes: false, day: '2020-01-01', empty: null });
  });

  it('keeps the query order over many chunks (DuckDB hands results over 2,048 rows at a time)', async () => {
    const sql = `select 'mã ' || (i % 7) as code, case when i % 3 = 0 then null else i end as n from range(5000) r(i)`;
    const rows = await readRows<{ code: string; n: number | null }>(db, sql, 'code desc, n');
    expect(rows).toEqual(await db.all(`${sql} order by code desc, n`));
    expect(rows[0]).toEqual({ code: 'mã 6', n: 13 });
  });
});
