// The fast path's trim, run in DuckDB: the same text as DuckDB's trim with the whole set of blanks,
// and as the JavaScript reader's for these blanks.
import { Db } from '@dtts/db';
import { expect, it } from 'vitest';
import { trimSql } from './csv-fast.ts';

const CASES = [
  'Bản Cầm', ' Bản Cầm', 'Bản Cầm ', '\tTày\r\n', '\u00a0Dao\u00a0', ' \u00a0\t ', '', 'a  b', ' a \u00a0b\t', '\r\n', 'x', '\u00a0', 'Nùng\u00a0\u00a0',
];

it('trims spaces, tabs, line breaks and no-break spaces at both ends only', async () => {
  const db = await Db.open();
  try {
    const values = CASES.map((c, i) => `(${i}, ${`'${c.replaceAll("'", "''")}'`})`).join(', ');
    const rows = await db.all<{ i: number; fast: string | null; whole: string | null }>(
      `SELECT i, ${trimSql('v')} AS fast, trim(v, ' ' || chr(9) || chr(10) || chr(13) || chr(160)) AS whole FROM (VALUES ${values}, (99, NULL)) t(i, v) ORDER BY i`);
    for (const r of rows) {
      expect(r.fast, `case ${r.i}`).toBe(r.whole);
      if (r.i !== 99) expect(r.fast, `case ${r.i}`).toBe(CASES[r.i]!.trim());
    }
    expect(rows.find((r) => r.i === 99)!.fast).toBeNull();
    expect(rows.find((r) => r.i === 4)!.fast).toBe('Dao');
    expect(rows.find((r) => r.i === 8)!.fast).toBe('a \u00a0b');
  } finally {
    db.close();
  }
});
