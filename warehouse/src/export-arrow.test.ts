import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@dtts/db';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { writeArrowIpc } from './export-arrow.ts';

let db: Db;
beforeAll(async () => { db = await Db.open(':memory:'); });
afterAll(() => db.close());

/** Every cell of the file next to the same query's rows from DuckDB (BIGINT read back as bigint, compared as numbers). Call in a test. */
async function compareWithDuckDb(sql: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dtts-arrow-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'x.arrow');
  const rows = await writeArrowIpc(db, sql, path);
  const table = tableFromIPC(readFileSync(path));
  const expected = await db.all<Record<string, unknown>>(sql);
  expect(rows).toBe(expected.length);
  expect(table.numRows).toBe(expected.length);
  const names = table.schema.fields.map((f) => f.name);
  const got = Array.from({ length: table.numRows }, (_, i) => {
    const row: Record<string, unknown> = {};
    names.forEach((n) => {
      const v = table.getChild(n)!.get(i);
      row[n] = typeof v === 'bigint' ? Number(v) : v;
    });
    return row;
  });
  expect(got).toEqual(expected);
  return { table, expected };
}

describe('writeArrowIpc', () => {
  it('writes every cell as DuckDB returns it: NULLs, Vietnamese and other non-ASCII texts, empty texts', async () => {
    const { table } = await compareWithDuckDb(`select * from (values
      ('Nữ', 1::integer, 10::bigint, 0.5::double, true),
      (null, null, null, null, null),
      ('Đồng Văn — xã Việt Tiến', -2::integer, -9007199254740991::bigint, -1.25e300::double, false),
      ('', 2147483647::integer, 0::bigint, 0.0::double, null),
      ('Nữ', 0::integer, null, 1e-9::double, true),
      ('😀 mixed ☃ and an apostrophe''s quote', null, 42::bigint, null, false)
    ) t(text, int, big, dbl, yes) order by int nulls first, text`);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}`)).toEqual(
      ['text:Utf8:true', 'int:Int32:true', 'big:Int64:true', 'dbl:Float64:true', 'yes:Bool:true']);
    expect(table.getChild('text')!.nullCount).toBe(1);
    expect(table.getChild('int')!.nullCount).toBe(2);
  });

  it('keeps the rows in order and every NULL across many chunks (DuckDB hands results over 2,048 rows at a time)', async () => {
    const { table } = await compareWithDuckDb(`select
        case when i % 7 = 0 then null else 'mã ' || (i % 13) end as code,
        case when i % 5 = 0 then null else i::integer end as n,
        case when i % 3 = 0 then null else (i * 1000000007)::bigint end as big,
        case when i % 11 = 0 then null else i / 4 end as ratio,
        -- NULLs in the last chunk only: the chunks before have no NULL mask at all
        case when i < 10 then null else i::integer end as late
      from range(5000) r(i) order by i desc`);
    expect(table.numRows).toBe(5000);
    // hand-counted NULLs: multiples of 7, 5, 3, 11 in 0..4999
    expect(table.getChild('code')!.nullCount).toBe(715);
    expect(table.getChild('n')!.nullCount).toBe(1000);
    expect(table.getChild('big')!.nullCount).toBe(1667);
    expect(table.getChild('ratio')!.nullCount).toBe(455);
    expect(table.getChild('late')!.nullCount).toBe(10);
    expect(table.getChild('code')!.get(0)).toBe(`mã ${4999 % 13}`);
  });

  it('writes an empty result with its schema', async () => {
    const { table } = await compareWithDuckDb(`select 'a' as text, 1::bigint as big from range(3) where false`);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Int64']);
  });

  it('refuses a type it has no mapping for, naming the column', async () => {
    await expect(writeArrowIpc(db, `select date '2025-07-01' as reference_date`, join(tmpdir(), 'never.arrow')))
      .rejects.toThrow(/reference_date has DuckDB type DATE/);
  });
});
