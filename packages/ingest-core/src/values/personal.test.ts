// A personal id's SQL, run in DuckDB: spaces inside an id are taken out, an id in its format is kept
// as it is, and anything else is invalid (its finding goes to the quarantine, the value is blanked).
import { describe, expect, it } from 'vitest';
import { withDb } from '@dtts/db';
import { finding } from '@dtts/messages';
import { personal } from './index.ts';

describe('personal ids with a format', () => {
  it('keeps ids in format, takes out inner spaces, and flags the rest', async () => {
    const type = personal('hash', { pattern: '[0-9]{12}', finding: finding('citizen_id_format') });
    if (type.kind !== 'sql' || !type.invalid) throw new Error('a formatted personal id is an SQL type with a check');
    const texts = ['010179015838', '0101 7901 5838', '010179 015838', '01017901583', '0101790158381', 'abc def ghij', null];
    await withDb(':memory:', async (db) => {
      await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${texts.map((t, i) => `(${i}, ${t === null ? 'NULL' : `'${t}'`})`).join(', ')}) v(i, raw)`);
      const rows = await db.all<{ value: string | null; bad: boolean | null }>(
        `SELECT ${type.value('raw')} AS value, ${type.invalid!.when('raw')} AS bad FROM t ORDER BY i`);
      expect(rows).toEqual([
        { value: '010179015838', bad: false },
        { value: '010179015838', bad: false },
        { value: '010179015838', bad: false },
        { value: '01017901583', bad: true },
        { value: '0101790158381', bad: true },
        { value: 'abcdefghij', bad: true },
        { value: null, bad: null },
      ]);
    });
  });
});
