import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildWith } from '../test/fixture.ts';
import { MART_COLUMNS } from './mart-rows.ts';

let built: Built;
beforeAll(async () => { built = await buildWith(''); });
afterAll(() => built.db.close());

describe('typed mart rows', () => {
  it.each(Object.entries(MART_COLUMNS))('%s has exactly the columns of its row type', async (table, columns) => {
    const [schema, name] = table.split('.');
    const got = await built.db.all<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position`, [schema!, name!]);
    expect(got.map((c) => c.column_name)).toEqual(columns);
  });
});
