import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@dtts/db';
import { afterAll, describe, expect, it } from 'vitest';
import { connectors } from '../test/fixture.ts';
import { allModels } from './build.ts';
import { notNull } from './checks/builders.ts';
import { type CheckResult, runChecks } from './checks/run.ts';
import { completenessTables } from './completeness.ts';
import { recordedFingerprints } from './fingerprints.ts';
import { declaredGrain, declaredMaterialized, loadModelFiles, type Model, modelFromSql, references } from './models.ts';
import { stagingModels } from './staging.ts';
import { FINGERPRINTS_TABLE, ModelError, type ModelTiming, orderModels, runModels } from './runner.ts';

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

describe('models materialized as views', () => {
  const view = (sql: string) => modelFromSql('staging.a', `-- grain: year\n-- materialized: view (why)\n${sql}`, 't');
  const reader = modelFromSql('intermediate.b', '-- grain: year\nselect year, n * 10 as n from staging.a', 't');
  const kinds = async (db: Db) => Object.fromEntries((await db.all<{ name: string; kind: string }>(
    `select schema_name || '.' || table_name as name, 'table' as kind from duckdb_tables() where schema_name in ('staging', 'intermediate')
     union all select schema_name || '.' || view_name, 'view' from duckdb_views() where schema_name in ('staging', 'intermediate')`)).map((r) => [r.name, r.kind]));

  it('reads the kind from the header; the generated staging models are views, the others tables', () => {
    expect(declaredMaterialized('m', '-- about m\n-- materialized: view\nselect 1')).toBe('view');
    expect(declaredMaterialized('m', 'select 1 -- materialized: view')).toBeUndefined();
    expect(() => declaredMaterialized('m', '-- materialized: incremental\nselect 1')).toThrow(/unknown materialization "incremental"/);
    const all = allModels(connectors);
    const views = all.filter((m) => m.materialized === 'view').map((m) => m.name);
    expect(views.sort()).toEqual(stagingModels(connectors).map((m) => m.name).sort());
    expect(views).toContain('staging.stg_health_insurance__the_bhyt');
    expect(views).not.toContain('staging.stg_ingest__files');
  });

  it('creates a view, keeps it while its inputs are unchanged, rebuilds what reads it per year, and changes kind both ways', async () => {
    const db = await Db.open();
    try {
      await db.run(`create schema ingest; create table ingest.x as select * from (values (2020, 1), (2021, 2)) t(year, n)`);
      const how = (timings: ModelTiming[]) => Object.fromEntries(timings.map((t) => [t.name, t.reused ? 'kept' : t.years ? `years ${t.years.join(' ')}` : 'whole']));
      expect(how(await runModels(db, [view('select year, n from ingest.x'), reader]))).toEqual({ 'staging.a': 'whole', 'intermediate.b': 'whole' });
      expect(await kinds(db)).toEqual({ 'staging.a': 'view', 'intermediate.b': 'table' });
      expect(how(await runModels(db, [view('select year, n from ingest.x'), reader]))).toEqual({ 'staging.a': 'kept', 'intermediate.b': 'kept' });
      // a year's rows change: the view is created again (whole, at no cost), what reads it only for that year
      await db.run('update ingest.x set n = 5 where year = 2021');
      expect(how(await runModels(db, [view('select year, n from ingest.x'), reader]))).toEqual({ 'staging.a': 'whole', 'intermediate.b': 'years 2021' });
      expect(await db.all('select year, n from intermediate.b order by year')).toEqual([{ year: 2020, n: 10 }, { year: 2021, n: 50 }]);
      // the same model as a table, then as a view again: the other kind is dropped first
      expect(how(await runModels(db, [modelFromSql('staging.a', '-- grain: year\nselect year, n from ingest.x', 't'), reader]))).toMatchObject({ 'staging.a': 'whole' });
      expect(await kinds(db)).toEqual({ 'staging.a': 'table', 'intermediate.b': 'table' });
      await runModels(db, [view('select year, n from ingest.x'), reader]);
      expect(await kinds(db)).toEqual({ 'staging.a': 'view', 'intermediate.b': 'table' });
      // a view that is no longer a model goes, as a table does
      await runModels(db, [modelFromSql('intermediate.b', 'select 1 as n', 't')]);
      expect(await kinds(db)).toEqual({ 'intermediate.b': 'table' });
    } finally {
      db.close();
    }
  });
});

describe('year-local models (grain: year)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtts-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the grain from the header, and knows which models of the warehouse are year-local', () => {
    expect(declaredGrain('m', '-- about m\n-- grain: year (why)\nselect 1')).toBe('year');
    expect(declaredGrain('m', '-- about m\nselect 1 -- grain: year')).toBeUndefined();
    expect(declaredGrain('m', '-- grain: years-to-date\nselect 1')).toBe('years-to-date');
    expect(() => declaredGrain('m', '-- grain: month\nselect 1')).toThrow(/unknown grain "month"/);
    const models = new Map(allModels(connectors).map((m) => [m.name, m]));
    const grains = new Map([...models].map(([name, m]) => [name, m.grain]));
    for (const name of ['staging.stg_health_insurance__the_bhyt', 'staging.stg_ingest__files', 'intermediate.int_card_holders',
      'intermediate.int_persons', 'intermediate.int_fact__health__sinh_de', 'intermediate.int_indicator__literacy_15_60',
      'intermediate.int_indicator_values']) expect(grains.get(name), name).toBe('year');
    // baselines, previous years and trends look back: rebuilt from the earliest changed year on
    expect(grains.get('marts.indicator_values')).toBe('years-to-date');
    // completeness reads one year-local count per table it covers, so a changed file recounts its own table only;
    // it covers every source table with a commune, the five §7 sources' too
    const completeness = models.get('marts.completeness')!;
    const covered = completenessTables(connectors);
    expect(covered.map((t) => `${t.source}.${t.table}`)).toEqual([
      'census.ho', 'census.nhan_khau', 'school.truong', 'school.hoc_sinh', 'health-insurance.the_bhyt', 'poverty.ho_ngheo',
      'health.sinh_de', 'health.can_tre', 'civil-registration.hon_nhan', 'staff.can_bo', 'villages.thon', 'villages.xa',
      'activities.hoat_dong']);
    expect(completeness.grain).toBe('year');
    expect(completeness.dependsOn.filter((d) => d.startsWith('intermediate.int_row_counts__')).sort())
      .toEqual(covered.map((t) => t.countModel).sort());
    for (const t of covered) {
      expect(grains.get(t.countModel), t.table).toBe('year');
      expect(models.get(t.countModel)!.dependsOn).toEqual([t.rows]);
    }
    expect(covered.find((t) => t.table === 'nhan_khau')?.rows).toBe('intermediate.int_persons');
    // the commune map has no year
    for (const name of ['intermediate.int_commune_map', 'marts.geographies']) expect(grains.get(name), name).toBeUndefined();
  });

  // a: year-local staging; b: year-local, a window per year and a year-free factor; c: across years.
  const sql = {
    a: '-- grain: year\nselect year, n from ingest.x',
    b: `-- grain: year
select year, n, sum(n) over (partition by year) * (select factor from ref.f) as total from staging.a`,
    c: 'select year, n, total, (select count(distinct year) from intermediate.b) as years from intermediate.b',
  };
  const models = (b = sql.b) => [
    modelFromSql('staging.a', sql.a, 't'), modelFromSql('intermediate.b', b, 't'), modelFromSql('marts.c', sql.c, 't'),
  ];
  /** How each model was built: kept, whole, or `years …` (`-…` removed). */
  const how = (timings: ModelTiming[]) => Object.fromEntries(timings.map((t) => [t.name,
    t.reused ? 'kept' : t.years ? `years ${[...t.years, ...(t.removedYears ?? []).map((y) => `-${y}`)].join(' ')}` : 'whole']));

  /** Each model's table, in build order, holds exactly what its SELECT gives over the tables it reads (EXCEPT ALL both ways). */
  async function expectSameAsWhole(db: Db, ms: Model[]): Promise<void> {
    for (const m of orderModels(ms)) {
      const differ = await db.one<{ n: number }>(`select
        (select count(*) from (select * from ${m.name} except all select * from (${m.sql})))
        + (select count(*) from (select * from (${m.sql}) except all select * from ${m.name}))::INTEGER as n`);
      expect(differ, m.name).toEqual({ n: 0 });
    }
  }

  it('rebuilds only the changed years, removes vanished ones, adds new ones: the same tables as a whole rebuild', async () => {
    const db = await Db.open(join(dir, 'years.duckdb'));
    try {
      await db.run(`create schema ingest; create schema ref;
        create table ingest.x as select 2020 + i % 3 as year, i as n from range(12) t(i);
        create table ref.f as select 2 as factor`);
      expect(how(await runModels(db, models()))).toEqual({ 'staging.a': 'whole', 'intermediate.b': 'whole', 'marts.c': 'whole' });
      // 2020: 0+3+6+9 = 18, × 2
      expect(await db.one('select distinct total from intermediate.b where year = 2020')).toEqual({ total: 36 });

      // one year's rows change: a and b rebuilt for 2021 only, c (across years) whole
      await db.run('update ingest.x set n = n + 100 where n = 4');
      expect(how(await runModels(db, models()))).toEqual({ 'staging.a': 'years 2021', 'intermediate.b': 'years 2021', 'marts.c': 'whole' });
      // 2021: 1+104+7+10 = 122, × 2; 2020 untouched
      expect(await db.all('select year, max(total) as total from intermediate.b group by year order by year'))
        .toEqual([{ year: 2020, total: 36 }, { year: 2021, total: 244 }, { year: 2022, total: 2 * (2 + 5 + 8 + 11) }]);
      await expectSameAsWhole(db, models());

      // a year vanishes from the input, another appears
      await db.run('delete from ingest.x where year = 2020; insert into ingest.x values (2023, 50), (2023, 1)');
      expect(how(await runModels(db, models()))).toEqual({ 'staging.a': 'years 2023 -2020', 'intermediate.b': 'years 2023 -2020', 'marts.c': 'whole' });
      expect(await db.all('select year, count(*)::INTEGER as n from intermediate.b group by year order by year'))
        .toEqual([{ year: 2021, n: 4 }, { year: 2022, n: 4 }, { year: 2023, n: 2 }]);
      expect(await db.one('select distinct years from marts.c')).toEqual({ years: 3 });
      await expectSameAsWhole(db, models());

      // nothing changed: everything kept
      expect((await runModels(db, models())).every((t) => t.reused)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('rebuilds whole when the SQL or a year-free input changes', async () => {
    const db = await Db.open(join(dir, 'whole.duckdb'));
    try {
      await db.run(`create schema ingest; create schema ref;
        create table ingest.x as select 2020 + i % 3 as year, i as n from range(12) t(i);
        create table ref.f as select 2 as factor`);
      await runModels(db, models());
      // the factor (no year column) changes: b and what reads it whole, a kept
      await db.run('update ref.f set factor = 3');
      expect(how(await runModels(db, models()))).toEqual({ 'staging.a': 'kept', 'intermediate.b': 'whole', 'marts.c': 'whole' });
      expect(await db.one('select distinct total from intermediate.b where year = 2020')).toEqual({ total: 54 });
      await expectSameAsWhole(db, models());

      // b's SQL changes (and one year's rows with it): whole, though only 2021's input changed
      const b = sql.b.replace('as total', '+ 1 as total');
      await db.run('update ingest.x set n = n + 100 where n = 4');
      expect(how(await runModels(db, models(b)))).toEqual({ 'staging.a': 'years 2021', 'intermediate.b': 'whole', 'marts.c': 'whole' });
      expect(await db.one('select distinct total from intermediate.b where year = 2020')).toEqual({ total: 55 });
      await expectSameAsWhole(db, models(b));
    } finally {
      db.close();
    }
  });

  it('years-to-date: a changed year rebuilds that year and the later ones, and what reads them per year', async () => {
    const db = await Db.open(join(dir, 'to-date.duckdb'));
    // r: a running total and the previous year's sum (reads years up to its own); s: year-local, reads r
    const ms = () => [
      modelFromSql('staging.a', sql.a, 't'),
      modelFromSql('intermediate.r', `-- grain: years-to-date
with sums as (select year, sum(n) as n from staging.a group by year)
select s.year, s.n, (select sum(e.n) from sums as e where e.year <= s.year) as to_date, p.n as previous
from sums as s left join sums as p on p.year = s.year - 1`, 't'),
      modelFromSql('marts.s', '-- grain: year\nselect year, to_date * 10 as x from intermediate.r', 't'),
    ];
    try {
      await db.run(`create schema ingest; create table ingest.x as select 2020 + i % 4 as year, i as n from range(12) t(i)`);
      expect(how(await runModels(db, ms()))).toEqual({ 'staging.a': 'whole', 'intermediate.r': 'whole', 'marts.s': 'whole' });
      // sums by year: 2020 0+4+8 = 12, 2021 15, 2022 18, 2023 21
      expect(await db.all('select year, to_date, previous from intermediate.r order by year')).toEqual([
        { year: 2020, to_date: 12, previous: null }, { year: 2021, to_date: 27, previous: 12 },
        { year: 2022, to_date: 45, previous: 15 }, { year: 2023, to_date: 66, previous: 18 }]);

      // 2021 changes: staging 2021 only; r and what reads it from 2021 on; 2020 kept
      await db.run('update ingest.x set n = n + 100 where n = 5');
      expect(how(await runModels(db, ms()))).toEqual({
        'staging.a': 'years 2021', 'intermediate.r': 'years 2021 2022 2023', 'marts.s': 'years 2021 2022 2023' });
      expect(await db.all('select year, to_date, previous from intermediate.r order by year')).toEqual([
        { year: 2020, to_date: 12, previous: null }, { year: 2021, to_date: 127, previous: 12 },
        { year: 2022, to_date: 145, previous: 115 }, { year: 2023, to_date: 166, previous: 18 }]);
      await expectSameAsWhole(db, ms());

      // the last year changes: that year only
      await db.run('update ingest.x set n = n + 1 where n = 7');
      expect(how(await runModels(db, ms()))).toEqual({ 'staging.a': 'years 2023', 'intermediate.r': 'years 2023', 'marts.s': 'years 2023' });
      await expectSameAsWhole(db, ms());

      // a middle year vanishes: removed, and the years after it rebuilt (their previous year is gone)
      await db.run('delete from ingest.x where year = 2021');
      expect(how(await runModels(db, ms()))).toEqual({
        'staging.a': 'years -2021', 'intermediate.r': 'years 2022 2023 -2021', 'marts.s': 'years 2022 2023 -2021' });
      expect(await db.one('select previous from intermediate.r where year = 2022')).toEqual({ previous: null });
      await expectSameAsWhole(db, ms());

      // the first year changes: every year, so whole
      await db.run('update ingest.x set n = n + 1 where n = 0');
      expect(how(await runModels(db, ms()))).toEqual({ 'staging.a': 'years 2020', 'intermediate.r': 'whole', 'marts.s': 'whole' });
      await expectSameAsWhole(db, ms());
    } finally {
      db.close();
    }
  });

  it('reads "files of:" from the header; such a model is rebuilt for a file of its own tables only', async () => {
    expect(modelFromSql('m', '-- files of: census.ho, villages.thon\nselect year from ingest.files', 't').filesOf).toEqual(['census.ho', 'villages.thon']);
    expect(modelFromSql('m', 'select year from ingest.files', 't').filesOf).toBeUndefined();
    expect(() => modelFromSql('m', '-- files of: census\nselect year from ingest.files', 't')).toThrow(/<source>.<table> pairs/);
    expect(() => modelFromSql('m', '-- files of: census.ho\nselect 1 as year', 't')).toThrow(/does not read ingest.files/);
    // the compiler declares it for every count (its zero rows follow the years its tables had a file)
    const count = allModels(connectors).find((m) => m.name === 'intermediate.int_indicator__teen_first_births')!;
    expect(count.filesOf).toEqual(['health.sinh_de']);

    const db = await Db.open(join(dir, 'files-of.duckdb'));
    try {
      await db.run(`create schema ingest;
        create table ingest.files (source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR);
        insert into ingest.files values ('census', 'ho', 2024, 'census/2024/ho.csv', 'a'), ('school', 'truong', 2024, 'school/2024/truong.csv', 'b'),
          ('census', 'ho', 2025, 'census/2025/ho.csv', 'c')`);
      const filesModels = [
        modelFromSql('staging.mine', `-- grain: year\n-- files of: census.ho\nselect year, count(*) as files from ingest.files
          where (source, table_name) in (('census', 'ho')) group by year`, 't'),
        modelFromSql('staging.every', '-- grain: year\nselect year, count(*) as files from ingest.files group by year', 't'),
      ];
      await runModels(db, filesModels);
      // another table's file of 2024 changes: only the model of every file is rebuilt, for 2024
      await db.run(`update ingest.files set sha256 = 'b2' where table_name = 'truong'`);
      expect(how(await runModels(db, filesModels))).toEqual({ 'staging.mine': 'kept', 'staging.every': 'years 2024' });
      // its own table's file of 2025 changes, and a 2026 file appears: rebuilt for those years
      await db.run(`update ingest.files set sha256 = 'c2' where year = 2025; insert into ingest.files values ('census', 'ho', 2026, 'census/2026/ho.csv', 'd')`);
      expect(how(await runModels(db, filesModels))).toEqual({ 'staging.mine': 'years 2025 2026', 'staging.every': 'years 2025 2026' });
      // its table's only file of 2024 goes: that year is removed
      await db.run(`delete from ingest.files where table_name = 'ho' and year = 2024`);
      expect(how(await runModels(db, filesModels))).toEqual({ 'staging.mine': 'years -2024', 'staging.every': 'years 2024' });
      await expectSameAsWhole(db, filesModels);
    } finally {
      db.close();
    }
  });
});

describe('data-quality checks kept from the previous build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtts-checks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const row = `year, n, 'f.csv' as source_file, i as source_row`;
  const models = [
    modelFromSql('staging.a', '-- grain: year\nselect * from ingest.x', 't'),
    modelFromSql('staging.e', 'select * from ingest.y', 't'),
  ];
  const checks = [
    notNull('staging.a', ['n']),
    notNull('staging.e', ['n']),
    // reads a source table itself, not a model
    { ...notNull('staging.e', ['n']), id: 'source_y', sql: 'select cast(year as varchar) as failing_key from ingest.y where n is null' },
  ];
  async function build(db: Db): Promise<{ results: CheckResult[]; kept: string[] }> {
    await runModels(db, models);
    let kept: string[] = [];
    const results = await runChecks(db, checks, { modelFingerprints: await recordedFingerprints(db), onKept: (ids) => { kept = ids; } });
    return { results, kept };
  }
  const failing = (results: CheckResult[]) => results.map((r) => [r.id, r.failing]);

  it('re-runs a check whose input changed, keeps the others, with the results of running them all', async () => {
    const db = await Db.open(join(dir, 'checks.duckdb'));
    try {
      await db.run(`create schema ingest;
        create table ingest.x as select 2020 + i % 2 as year, case when i = 1 then null else i end as n, ${row} from range(6) t(i);
        create table ingest.y as select 2020 as year, i as n, ${row} from range(3) t(i)`);
      const first = await build(db);
      expect(first.kept).toEqual([]);
      expect(failing(first.results)).toEqual([['not_null__a__n', 1], ['not_null__e__n', 0], ['source_y', 0]]);

      // x gains a null: its check runs again (and sees 2), the two on y keep their results
      await db.run('update ingest.x set n = null where source_row = 2');
      const second = await build(db);
      expect(second.kept).toEqual(['not_null__e__n', 'source_y']);
      expect(failing(second.results)).toEqual([['not_null__a__n', 2], ['not_null__e__n', 0], ['source_y', 0]]);
      const stored = await db.all('select check_id, failing_rows, sample_failing_keys from marts.dq_check_results order by check_id');

      // y gains a null: both checks that read it run again
      await db.run('update ingest.y set n = null where source_row = 0');
      const third = await build(db);
      expect(third.kept).toEqual(['not_null__a__n']);
      expect(failing(third.results)).toEqual([['not_null__a__n', 2], ['not_null__e__n', 1], ['source_y', 1]]);

      // every check run again without reuse gives what the reuse gave, stored the same way
      const all = await runChecks(db, checks);
      expect(third.results).toEqual(all);
      await db.run('update ingest.y set n = 0 where source_row = 0');
      await build(db);
      expect(await db.all('select check_id, failing_rows, sample_failing_keys from marts.dq_check_results order by check_id')).toEqual(stored);
    } finally {
      db.close();
    }
  });

  it('re-runs a check that reads some tables\' files (filesOf) only when their files change', async () => {
    const db = await Db.open(join(dir, 'files-of.duckdb'));
    try {
      await db.run(`create schema ingest;
        create table ingest.files (source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR, rows_loaded INTEGER);
        insert into ingest.files values ('health', 'sinh_de', 2024, 'health/2024/sinh_de.csv', 'a', 10), ('census', 'ho', 2024, 'census/2024/ho.csv', 'b', 20)`);
      const years = (id: string, filesOf?: string[]) => ({
        id, severity: 'warn' as const, model: 'ingest.files', finding: notNull('ingest.files', ['year']).finding,
        sql: `select cast(year as varchar) as failing_key from ingest.files where source = 'health' and table_name = 'sinh_de'`,
        ...(filesOf && { filesOf }),
      });
      const both = [years('narrowed', ['health.sinh_de']), years('whole')];
      const run = async () => {
        let kept: string[] = [];
        const results = await runChecks(db, both, { modelFingerprints: new Map(), onKept: (ids) => { kept = ids; } });
        return { kept, failing: results.map((r) => [r.id, r.failing]) };
      };
      expect((await run()).kept).toEqual([]);
      // another table's file changes: only the check that reads every file runs again
      await db.run(`update ingest.files set sha256 = 'c' where table_name = 'ho'`);
      expect(await run()).toEqual({ kept: ['narrowed'], failing: [['narrowed', 1], ['whole', 1]] });
      // its own table gets a file of another year: both run again and see it
      await db.run(`insert into ingest.files values ('health', 'sinh_de', 2025, 'health/2025/sinh_de.csv', 'd', 12)`);
      expect(await run()).toEqual({ kept: [], failing: [['narrowed', 2], ['whole', 2]] });
    } finally {
      db.close();
    }
  });
});
