import { Db } from '@dtts/db';
import { describe, expect, it } from 'vitest';
import { connectors } from '../test/fixture.ts';
import { allModels } from './build.ts';
import { loadModelFiles, modelFromSql, references } from './models.ts';
import { FINGERPRINTS_TABLE, ModelError, orderModels, runModels } from './runner.ts';

describe('model references', () => {
  it('finds <schema>.<model> mentions, ignoring comments and strings', () => {
    const sql = `-- reads marts.not_this
      select * from staging.stg_a join intermediate.int_b using (x)
      where y in (select code from ref.ethnic_groups) and z <> 'marts.nor_this' /* ingest.nope */
      union all select * from ingest.census_ho`;
    expect(references(sql)).toEqual({
      models: ['intermediate.int_b', 'staging.stg_a'],
      sources: ['ingest.census_ho', 'ref.ethnic_groups'],
    });
  });

  it('orders models so each comes after what it reads, and rejects cycles and unknown models', () => {
    const a = modelFromSql('marts.a', 'select * from intermediate.b', 't');
    const b = modelFromSql('intermediate.b', 'select * from staging.c', 't');
    const c = modelFromSql('staging.c', 'select * from ingest.census_ho', 't');
    expect(orderModels([a, b, c]).map((m) => m.name)).toEqual(['staging.c', 'intermediate.b', 'marts.a']);
    const loop = modelFromSql('staging.c', 'select * from marts.a', 't');
    expect(() => orderModels([a, b, loop])).toThrow(/cycle/);
    expect(() => orderModels([a])).toThrow(/intermediate.b, which is no model/);
  });

  it('builds every model in an order that respects every reference', () => {
    const ordered = orderModels(allModels(connectors)).map((m) => m.name);
    const position = new Map(ordered.map((n, i) => [n, i]));
    for (const m of allModels(connectors)) for (const dep of m.dependsOn) expect(position.get(dep)!).toBeLessThan(position.get(m.name)!);
    expect(ordered).toContain('intermediate.int_indicator__literacy_15_60');
    expect(ordered.indexOf('marts.indicator_values')).toBeGreaterThan(ordered.indexOf('intermediate.int_indicator_values'));
  });
});

describe('model layers', () => {
  const files = loadModelFiles();

  it('staging: one model per ingest table, two CTEs source then renamed, no joins', () => {
    const staging = allModels(connectors).filter((m) => m.name.startsWith('staging.'));
    // 3 engine tables (files, quarantine, warnings) + one per declared source table
    expect(staging.length).toBe(3 + connectors.flatMap((c) => c.tables).length);
    for (const m of staging) {
      expect(m.dependsOn, m.name).toEqual([]);
      expect(m.sources, m.name).toHaveLength(1);
      expect(m.sources[0], m.name).toMatch(/^ingest\./);
      expect(m.sql, m.name).toMatch(/with source as \(\s*select \* from ingest\.\w+\s*\),\s*renamed as \(/);
      expect(m.sql, m.name).toMatch(/select \* from renamed$/);
      expect(m.sql.toLowerCase(), m.name).not.toMatch(/\bjoin\b/);
    }
  });

  it('marts end in a select from their last CTE', () => {
    for (const m of files.filter((f) => f.name.startsWith('marts.'))) expect(m.sql, m.name).toMatch(/select \* from \w+$/);
  });
});

describe('runModels', () => {
  // A diamond and a tail: b and c read a, d reads both; several are built at once, each after what it reads.
  const models = () => [
    modelFromSql('marts.d', 'select (select sum(n) from intermediate.b) + (select sum(n) from intermediate.c) as n', 't'),
    modelFromSql('intermediate.b', 'select n * 10 as n from staging.a', 't'),
    modelFromSql('intermediate.c', 'select n * 100 as n from staging.a', 't'),
    modelFromSql('staging.a', 'select * from ingest.x', 't'),
    modelFromSql('staging.e', 'select 1 as n', 't'),
  ];

  it('builds every model after what it reads and reports them in dependency order', async () => {
    const db = await Db.open();
    try {
      await db.run('create schema ingest; create table ingest.x as select * from range(1, 4) t(n); set threads = 5');
      const timings = await runModels(db, models());
      // the threads shared out among the builds (5 → 2 each) are given back
      expect(await db.one(`select current_setting('threads')::INTEGER as n`)).toEqual({ n: 5 });
      expect(timings.map((t) => t.name)).toEqual(orderModels(models()).map((m) => m.name));
      // 10·(1+2+3) + 100·(1+2+3) = 660
      expect(await db.one('select n from marts.d')).toEqual({ n: 660 });
      expect((await db.all(`select name from ${FINGERPRINTS_TABLE} order by name`)).length).toBe(5);
      // nothing changed: every model is kept
      expect((await runModels(db, models())).every((t) => t.reused)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('stops at a failing model: names it, builds nothing that reads it, records no fingerprints', async () => {
    const db = await Db.open();
    try {
      await db.run('create schema ingest; create table ingest.x as select * from range(1, 4) t(n)');
      const broken = models().map((m) => (m.name === 'intermediate.c' ? modelFromSql('intermediate.c', 'select no_such_column from staging.a', 't') : m));
      const error = await runModels(db, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).model).toBe('intermediate.c');
      expect(await db.one(`select count(*)::INTEGER as n from duckdb_tables() where schema_name = 'marts' and table_name = 'd'`)).toEqual({ n: 0 });
      expect(await db.one(`select count(*)::INTEGER as n from ${FINGERPRINTS_TABLE}`)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
