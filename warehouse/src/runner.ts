// Orders models by what they read and creates each as a table. A model whose fingerprint (its SQL,
// the content of the ingest and reference tables it reads, its inputs' fingerprints) equals the one
// recorded when its table was built is kept as it is: a re-run after one changed source rebuilds only
// what reads that source.
import { createHash } from 'node:crypto';
import { quoteLiteral as lit, type Db } from '@dtts/db';
import { MODEL_SCHEMAS, type Model } from './models.ts';

export class ModelError extends Error {
  constructor(message: string, readonly model: string, readonly context: string[] = []) {
    super(message);
    this.name = 'ModelError';
  }
}

/** Topological order; ties broken by name so every run builds in the same order. */
export function orderModels(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  if (byName.size !== models.length) {
    const seen = new Set<string>();
    const dup = models.find((m) => (seen.has(m.name) ? true : (seen.add(m.name), false)));
    throw new ModelError(`model ${dup?.name} is defined twice`, dup?.name ?? '');
  }
  for (const m of models) {
    for (const dep of m.dependsOn) {
      if (!byName.has(dep)) throw new ModelError(`${m.name} reads ${dep}, which is no model`, m.name, [m.origin]);
    }
  }
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: Model, path: string[]): void => {
    const s = state.get(m.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new ModelError(`cycle: ${[...path, m.name].join(' → ')}`, m.name);
    state.set(m.name, 'visiting');
    for (const dep of [...m.dependsOn].sort()) visit(byName.get(dep)!, [...path, m.name]);
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of [...models].sort((a, b) => a.name.localeCompare(b.name))) visit(m, []);
  return ordered;
}

export interface ModelTiming {
  name: string;
  seconds: number;
  /** Kept from the previous build: same fingerprint. */
  reused?: boolean;
}

/** Where each model table's fingerprint is recorded, beside the tables. */
export const FINGERPRINTS_TABLE = 'main.model_fingerprints';

/** Every table of the database, as `schema.table`. */
async function existingTables(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ name: string }>(
    `select schema_name || '.' || table_name as name from duckdb_tables() where database_name = current_database()`);
  return new Set(rows.map((r) => r.name));
}

/** Row count and an order-free sum of row hashes of a source table ('absent' when there is none). */
async function contentOf(db: Db, table: string, tables: Set<string>): Promise<string> {
  if (!tables.has(table)) return 'absent';
  const row = await db.one<{ c: string }>(`select count(*)::VARCHAR || ':' || coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR as c from ${table} t`);
  return row?.c ?? 'absent';
}

/** The fingerprints the previous build recorded, for the models whose table is still there. */
async function previousFingerprints(db: Db, tables: Set<string>): Promise<Map<string, string>> {
  if (!tables.has(FINGERPRINTS_TABLE)) return new Map();
  const rows = await db.all<{ name: string; fingerprint: string }>(`select name, fingerprint from ${FINGERPRINTS_TABLE}`);
  return new Map(rows.filter((r) => tables.has(r.name)).map((r) => [r.name, r.fingerprint]));
}

export async function runModels(
  db: Db, models: Model[], onStage?: (name: string, seconds: number) => void,
): Promise<ModelTiming[]> {
  for (const schema of MODEL_SCHEMAS) await db.run(`create schema if not exists ${schema}`);
  const tables = await existingTables(db);
  const previous = await previousFingerprints(db, tables);
  const content = new Map<string, string>();
  for (const table of new Set(models.flatMap((m) => m.sources))) content.set(table, await contentOf(db, table, tables));
  const fingerprints = new Map<string, string>();
  // Models of the previous build that are no longer models (renamed, removed) go.
  const names = new Set(models.map((m) => m.name));
  for (const name of previous.keys()) if (!names.has(name)) await db.run(`drop table if exists ${name}`);
  await db.run(`create or replace table ${FINGERPRINTS_TABLE} (name VARCHAR, fingerprint VARCHAR)`);
  const ordered = orderModels(models);
  for (const model of ordered) {
    fingerprints.set(model.name, createHash('sha256')
      .update(model.sql)
      .update(model.sources.map((t) => `\0${t}=${content.get(t)}`).join(''))
      .update(model.dependsOn.map((d) => `\0${d}=${fingerprints.get(d)}`).join(''))
      .digest('hex'));
  }
  const timings = new Map<string, ModelTiming>();
  for (const model of ordered.filter((m) => previous.get(m.name) === fingerprints.get(m.name))) {
    timings.set(model.name, { name: model.name, seconds: 0, reused: true });
    onStage?.(`${model.name} (unchanged)`, 0);
  }
  await buildConcurrently(db, ordered.filter((m) => !timings.has(m.name)), async (conn, model) => {
    const started = performance.now();
    try {
      await conn.run(`create or replace table ${model.name} as\n${model.sql}`);
    } catch (error) {
      throw new ModelError(`model ${model.name} failed: ${(error as Error).message}`, model.name, [model.origin]);
    }
    const seconds = (performance.now() - started) / 1000;
    timings.set(model.name, { name: model.name, seconds });
    onStage?.(model.name, seconds);
  });
  // Recorded once every model is built: a build that fails part-way leaves no fingerprint to trust.
  if (fingerprints.size > 0) await db.run(`insert into ${FINGERPRINTS_TABLE} values ${[...fingerprints].map(([n, f]) => `(${lit(n)}, ${lit(f)})`).join(', ')}`);
  return ordered.map((m) => timings.get(m.name)!);
}

/**
 * Models built at once, each on its own connection: most are small queries that leave cores idle.
 * DuckDB's threads are shared out among them while they run, as ingestion does (district warehouse
 * under load 7–9 on 2 cores: 32 and 24 s wall, 20–22 CPU s, against 38 s and 22–23 CPU s with two
 * threads for each build).
 */
const MODELS_AT_ONCE = 3;

/**
 * Builds `models` (in dependency order) with up to MODELS_AT_ONCE at a time: a model starts once
 * every model it reads that is being built has been. After a failure nothing new starts; the first
 * error is thrown once the running builds have ended. The database's threads are given back afterwards.
 */
async function buildConcurrently(db: Db, models: Model[], build: (conn: Db, model: Model) => Promise<void>): Promise<void> {
  const pending = new Set(models.map((m) => m.name));
  const running = new Set<string>();
  let failure: unknown;
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => { wake = resolve; });
  const signal = () => {
    wake();
    changed = new Promise<void>((resolve) => { wake = resolve; });
  };
  const next = () => models.find((m) => pending.has(m.name) && !running.has(m.name) && m.dependsOn.every((d) => !pending.has(d)));
  const worker = async () => {
    const conn = await db.fork();
    try {
      while (failure === undefined && [...pending].some((name) => !running.has(name))) {
        const model = next();
        if (!model) {
          await changed;
          continue;
        }
        running.add(model.name);
        try {
          await build(conn, model);
          pending.delete(model.name);
        } catch (error) {
          failure ??= error;
        } finally {
          running.delete(model.name);
          signal();
        }
      }
    } finally {
      conn.close();
    }
  };
  await db.withThreadsShared(MODELS_AT_ONCE, () => Promise.all(Array.from({ length: Math.min(MODELS_AT_ONCE, models.length) }, worker)));
  if (failure !== undefined) throw failure;
}
