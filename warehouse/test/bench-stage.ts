// Times the warehouse stage alone (buildWarehouse, as the pipeline calls it) on a copy of a run's
// warehouse.duckdb, so it can be measured on a shared machine without the rest of a run:
//
//   npx tsx test/bench-stage.ts full    BEFORE.duckdb                 # every model and check from scratch
//   npx tsx test/bench-stage.ts changed BEFORE.duckdb AFTER.duckdb    # AFTER's ingest tables that differ
//                                                                     # copied into BEFORE, then a build
//   npx tsx test/bench-stage.ts same    BEFORE.duckdb                 # nothing changed
//
// `--save FILE` keeps the built database (e.g. a full build with this code, as BEFORE of `changed`).
// BEFORE is the warehouse of a run, AFTER that of a run on the changed sources. Prints wall and CPU
// seconds (process.cpuUsage: DuckDB's threads included) and the slowest models.
import { copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@dtts/db';
import { planTargets } from '@dtts/indicators';
import { buildWarehouse, loadReference } from '../src/index.ts';
import { connectors as fixtureConnectors } from './fixture.ts';

const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : undefined;
const [mode, before, after] = args;
if (!before || !['full', 'changed', 'same'].includes(mode ?? '') || (mode === 'changed' && !after)) {
  console.error('usage: bench-stage.ts full|changed|same BEFORE.duckdb [AFTER.duckdb]');
  process.exit(2);
}
const work = join(tmpdir(), `bench-stage-${process.pid}.duckdb`);
copyFileSync(before, work);
const db = await Db.open(work);
try {
  if (mode === 'full') {
    const bookkeeping = await db.all<{ name: string }>(
      `select schema_name || '.' || table_name as name from duckdb_tables() where schema_name = 'main'`);
    for (const { name } of bookkeeping) await db.run(`drop table ${name}`);
  }
  if (mode === 'changed') {
    await db.run(`attach '${after}' as after (read_only)`);
    const tables = await db.all<{ t: string }>(
      `select table_name as t from duckdb_tables() where database_name = 'after' and schema_name = 'ingest' order by 1`);
    for (const { t } of tables) {
      const differs = await db.one<{ n: number }>(`select count(*)::INTEGER as n from (
        (select * from ingest.${t} except all select * from after.ingest.${t})
        union all (select * from after.ingest.${t} except all select * from ingest.${t}))`);
      if (differs?.n && process.env.BENCH_INGEST_LIKE_RUN) {
        // as an incremental ingest does: the changed years deleted and inserted, left in the WAL for the build's checkpoint
        const years = `(select year from (select * from ingest.${t} except all select * from after.ingest.${t}
          union all (select * from after.ingest.${t} except all select * from ingest.${t})))`;
        await db.run(`set checkpoint_threshold = '10GB'`);
        await db.run(`create temp table changed_years as ${years}`);
        await db.run(`delete from ingest.${t} where year in (select year from changed_years)`);
        await db.run(`insert into ingest.${t} select * from after.ingest.${t} where year in (select year from changed_years)`);
        await db.run(`drop table changed_years; reset checkpoint_threshold`);
        console.log(`ingest.${t}: ${differs.n} rows differ, their years deleted and inserted again`);
      } else if (differs?.n) {
        await db.run(`create or replace table ingest.${t} as select * from after.ingest.${t}`);
        console.log(`ingest.${t}: ${differs.n} rows differ, copied`);
      }
    }
    await db.run('detach after');
  }
  // in the order the run that wrote BEFORE had them (ref.sources.sort_order), or every source reads as changed
  const order = new Map((await db.all<{ source: string; sort_order: number }>('select source, sort_order from ref.sources'))
    .map((r) => [r.source, r.sort_order]));
  const connectors = [...fixtureConnectors].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  await loadReference(db);
  if (process.env.BENCH_CHECKPOINT_THRESHOLD) await db.run(`set checkpoint_threshold = '${process.env.BENCH_CHECKPOINT_THRESHOLD}'`);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let checks = 0;
  const result = await buildWarehouse(db, { connectors, plans: planTargets(), onStage: (name, s) => { if (name === 'checks') checks = s; } });
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const kept = result.models.filter((m) => m.reused).length;
  console.log(`${mode}: warehouse ${wall.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} CPU s; `
    + `${result.models.length - kept} models built, ${kept} kept, ${result.checks.length} checks (${checks.toFixed(2)} s, ${result.checksKept} kept)`);
  const checkpointStarted = performance.now();
  await db.run('checkpoint');
  console.log(`  then a checkpoint: ${((performance.now() - checkpointStarted) / 1000).toFixed(2)} s`);
  for (const m of [...result.models].filter((m) => !m.reused).sort((a, b) => b.seconds - a.seconds).slice(0, Number(process.env.BENCH_TOP ?? 8))) {
    console.log(`  ${m.seconds.toFixed(2)} s  ${m.name}${m.reused ? ' (kept)' : ''}${m.years ? ` (years ${m.years.join(', ')})` : ''}`);
  }
} finally {
  db.close();
  if (save) copyFileSync(work, save);
  rmSync(work, { force: true });
  rmSync(`${work}.wal`, { force: true });
}
