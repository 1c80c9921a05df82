// The keyed hash of personal ids: what DuckDB computes is sha256("<key>|<value>"), its first 9 bytes in
// base64url, as computed here independently with node:crypto.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { keyedHashSql } from './load-table.ts';

const expected = (key: string, value: string) => createHash('sha256').update(`${key}|${value}`).digest().subarray(0, 9).toString('base64url');

let db: Db;
beforeAll(async () => {
  db = await Db.open();
});
afterAll(() => db.close());

describe('keyedHashSql', () => {
  it('is the first 72 bits of sha256(key|value) as 12 base64url characters, NULL for NULL', async () => {
    const key = 'a-test-key-0123456789';
    const values = ['001089012345', 'DT2010123456789', 'Nguyễn Văn A', ...Array.from({ length: 200 }, (_, i) => `id-${i}`)];
    const rows = await db.all<{ v: string; h: string | null }>(
      `SELECT v, ${keyedHashSql(key, 'v')} AS h FROM unnest([${values.map((x) => `'${x}'`).join(', ')}, NULL]) t(v) ORDER BY v NULLS LAST`,
    );
    const byValue = new Map(rows.map((r) => [r.v, r.h]));
    for (const v of values) expect(byValue.get(v), v).toBe(expected(key, v));
    expect(rows.at(-1)).toEqual({ v: null, h: null });
    const all = values.map((v) => expected(key, v)).join('');
    // the 200 values give digests that use both of base64url's own characters
    expect(all).toMatch(/-/);
    expect(all).toMatch(/_/);
    for (const v of values) expect(byValue.get(v)).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('depends on the key', async () => {
    const [a, b] = await Promise.all(['key-one-0123456789', 'key-two-0123456789'].map((k) => db.one<{ h: string }>(`SELECT ${keyedHashSql(k, `'001089012345'`)} AS h`)));
    expect(a?.h).toBe(expected('key-one-0123456789', '001089012345'));
    expect(a?.h).not.toBe(b?.h);
  });
});
