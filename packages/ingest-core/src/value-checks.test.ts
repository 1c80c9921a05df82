// Value checks and lookups end to end on a real file: a rule over a joined reference table blanks
// one value (the row stays, the quarantine says why with what it saw), and a row rule rejects.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { defineConnector } from './contract.ts';
import { ingest } from './engine.ts';
import { minAgeAtEvent } from './row-rules.ts';
import { birthColumnsOf } from './column-groups.ts';
import { writeCsv } from './testing/fixture-writers.ts';
import * as v from './values/index.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dtts-value-checks-'));
  // A lookup file as the reference files are: a `# SOURCE` comment line (with commas and quotes), then a header.
  await writeFile(join(dir, 'limits.csv'), '# SOURCE: test limits, "by kind", kg\nkind,max_kg\nA,10\nB,20\n');
  const person = birthColumnsOf('me', { date: ['Ngày sinh mẹ'], year: ['Năm sinh mẹ'] }, 'mother');
  const connector = defineConnector({
    id: 'weights', title: 'test', owner: 'test', referenceDate: (y) => `${y}-12-31`,
    tables: [{
      name: 'can',
      description: 'weighings',
      key: ['ma'],
      requireOneOf: [person.oneOf],
      columns: {
        ma: { aliases: ['Mã'], type: v.text(), required: true, description: 'id' },
        loai: { aliases: ['Loại'], type: v.text(), required: true, description: 'kind' },
        ngay: { aliases: ['Ngày'], type: v.eventDate(), required: true, description: 'date' },
        kg: { aliases: ['Cân nặng'], type: v.kilograms(), required: true, description: 'weight' },
        ...person.columns,
      },
      lookups: { limits: { csv: join(dir, 'limits.csv'), columns: { kind: 'VARCHAR', max_kg: 'DOUBLE' } } },
      rowChecks: minAgeAtEvent(person.birthYear, 'ngay', 10, 'mother'),
      valueChecks: [{
        column: 'kg',
        when: `kg > (SELECT max_kg FROM lookup_limits WHERE kind = loai)`,
        code: 'number_above',
        params: { max: `(SELECT max_kg FROM lookup_limits WHERE kind = loai)::INTEGER` },
      }],
      derived: { ...person.derived, over_half: { sql: `kg > (SELECT max_kg / 2 FROM lookup_limits WHERE kind = loai)`, sqlType: 'BOOLEAN' } },
    }],
  });
  await writeCsv(join(dir, 'src/weights/2024/can.csv'), [
    ['Mã', 'Loại', 'Ngày', 'Cân nặng', 'Năm sinh mẹ'],
    ['1', 'A', '01/03/2024', '6,5', 1990],
    ['2', 'A', '01/03/2024', '12,5', 1990],
    ['3', 'B', '01/03/2024', '12,5', 2015],
    ['4', 'B', '01/03/2024', '12,5', 2014],
  ]);
  db = await Db.open();
  const result = await ingest({ db, sourcesDir: join(dir, 'src'), connectors: [connector], hashKey: 'k' });
  expect(result.failures).toEqual([]);
}, 120_000);

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('value checks and lookups', () => {
  it('blanks the value a check flags, keeps the row, and derived columns see the blank', async () => {
    expect(await db.all(`SELECT ma, kg, over_half, nam_sinh_me FROM ingest.weights_can ORDER BY ma`)).toEqual([
      { ma: '1', kg: 6.5, over_half: true, nam_sinh_me: 1990 },
      { ma: '2', kg: null, over_half: null, nam_sinh_me: 1990 },
      { ma: '4', kg: 12.5, over_half: true, nam_sinh_me: 2014 },
    ]);
  });

  it('quarantines the blanked value with its raw text and the finding with parameters computed in SQL, and the rejected row with the rule\'s', async () => {
    expect(await db.all(`SELECT "row", "column", value, code, params, reason, action FROM ingest.quarantine ORDER BY "row"`)).toEqual([
      { row: 3, column: 'kg', value: '12,5', code: 'number_above', params: '{"max":10}', reason: 'above 10', action: 'value_blanked' },
      {
        row: 4, column: 'nam_sinh_me', value: '2015', action: 'row_rejected', code: 'mother_too_young', params: '{"min":10,"event":"ngay"}',
        reason: 'the mother would be younger than 10 at the event (year of ngay minus birth year): impossible',
      },
    ]);
  });

  it('keeps lookups on the loading connection only: nothing of them is left in the warehouse', async () => {
    const tables = await db.all<{ n: string }>(`SELECT table_name AS n FROM information_schema.tables WHERE table_name LIKE 'lookup_%'`);
    expect(tables).toEqual([]);
  });
});
