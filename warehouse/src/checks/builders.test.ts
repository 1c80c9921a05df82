// The generic checks' SQL on small tables whose failing rows are counted by hand.
import { Db } from '@dtts/db';
import { describe, expect, it } from 'vitest';
import { unique } from './builders.ts';

describe('unique', () => {
  it('fails every occurrence after the first of a repeated key, NULL keys included, in key order', async () => {
    const db = await Db.open();
    try {
      // (2024, H1, 1) three times, (2024, H2, NULL) twice, (NULL, H3, 1) twice; (2025, H1, 1) and (2024, H2, 2) once
      await db.run(`create schema staging; create table staging.t as select * from (values
        (2024, 'a.csv', 2, 'H1', 1), (2024, 'a.csv', 5, 'H1', 1), (2024, 'b.csv', 1, 'H1', 1),
        (2024, 'a.csv', 3, 'H2', null), (2024, 'a.csv', 4, 'H2', null), (2024, 'a.csv', 6, 'H2', 2),
        (null, 'c.csv', 7, 'H3', 1), (null, 'c.csv', 8, 'H3', 1),
        (2025, 'a.csv', 2, 'H1', 1)
      ) v(year, source_file, source_row, ma_ho, stt)`);
      const check = unique('staging.t', ['year', 'ma_ho', 'stt']);
      const rows = await db.all<{ failing_key: string | null }>(`${check.sql} order by failing_key nulls last`);
      // the first of each repeated key in key order stays ('2024 a.csv:2', '2024 a.csv:3', one of the NULL-year pair);
      // a record with no year has no record key (NULL), as in every check
      expect(rows.map((r) => r.failing_key)).toEqual(['2024 a.csv:4', '2024 a.csv:5', '2024 b.csv:1', null]);
      // and none without a repeated key
      await db.run(`delete from staging.t where source_row in (3, 4, 5, 7) or source_file = 'b.csv'`);
      expect(await db.all(check.sql)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
