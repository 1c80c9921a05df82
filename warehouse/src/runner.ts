// Orders models by what they read and creates each as a table. A model whose fingerprint
// (fingerprints.ts) equals the one recorded when its table was built is kept as it is: a re-run
// after one changed source rebuilds only what reads that source. A year-local model whose SQL and
// year-free inputs are unchanged is rebuilt only for the years whose fingerprint changed (delete
// those years, insert them again from its SELECT, in one transaction); a years-to-date model's year
// fingerprints chain the years before, so it is rebuilt from the earliest changed year on; the others whole.
import type { Db } from '@dtts/db';
import {
  clearFingerprints, existingTables, existingViews, type FileKeyedTables, type Fingerprint, fingerprintModels, previousFingerprints, recordFingerprints,
  sourceContents, type YearKey, yearsPredicate,
} from './fingerprints.ts';
import { MODEL_SCHEMAS, type Model } from './models.ts';

export { FINGERPRINTS_TABLE, YEAR_FINGERPRINTS_TABLE } from './fingerprints.ts';

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
    const dup = models.find((m) => {
      if (seen.has(m.name)) return true;
      seen.add(m.name);
      return false;
    });
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
  /** Rebuilt for these years only (a year-local model); absent when rebuilt whole or kept. */
  years?: YearKey[];
  /** Years whose rows were removed because no input has them any more. */
  removedYears?: YearKey[];
}

/** What to do with one model's table. */
export type ModelPlan =
  | { kind: 'keep' }
  | { kind: 'whole' }
  | { kind: 'years'; rebuild: YearKey[]; remove: YearKey[] };

/** Keep, rebuild some years, or rebuild whole, from the model's fingerprints now and at the previous build. */
export function planModel(model: Model, now: Fingerprint, before: Fingerprint | undefined): ModelPlan {
  if (!before) return { kind: 'whole' };
  if (before.whole === now.whole) return { kind: 'keep' };
  // a view is created again, whole, in no time
  if (model.materialized === 'view') return { kind: 'whole' };
  if (model.grain === undefined || !now.base || !now.byYear || !before.byYear || before.base !== now.base) return { kind: 'whole' };
  const rebuild = [...now.byYear].filter(([y, f]) => before.byYear!.get(y) !== f).map(([y]) => y);
  const remove = [...before.byYear.keys()].filter((y) => !now.byYear!.has(y));
  // every year changed (or, with equal years, nothing did): the whole SELECT is the cheaper and surer way
  if (rebuild.length === now.byYear.size || rebuild.length + remove.length === 0) return { kind: 'whole' };
  return { kind: 'years', rebuild, remove };
}

async function build(conn: Db, model: Model, plan: ModelPlan): Promise<void> {
  if (plan.kind !== 'years') {
    await conn.run(`create or replace ${model.materialized ?? 'table'} ${model.name} as\n${model.sql}`);
    return;
  }
  await conn.run('begin transaction');
  try {
    await conn.run(`delete from ${model.name} where ${yearsPredicate([...plan.rebuild, ...plan.remove])}`);
    if (plan.rebuild.length > 0) {
      await conn.run(`insert into ${model.name}\nselect * from (\n${model.sql}\n) where ${yearsPredicate(plan.rebuild)}`);
    }
    await conn.run('commit');
  } catch (error) {
    await conn.run('rollback').catch(() => {});
    throw error;
  }
}

export async function runModels(
  db: Db, models: Model[], onStage?: (name: string, seconds: number) => void, fileKeyed?: FileKeyedTables,
): Promise<ModelTiming[]> {
  for (const schema of MODEL_SCHEMAS) await db.run(`create schema if not exists ${schema}`);
  const tables = await existingTables(db);
  const views = await existingViews(db);
  const previous = await previousFingerprints(db, new Set([...tables, ...views]));
  const ordered = orderModels(models);
  const fingerprints = fingerprintModels(ordered, await sourceContents(db, models.flatMap((m) => m.sources), tables, fileKeyed));
  // Models of the previous build that are no longer models (renamed, removed) go.
  const names = new Set(models.map((m) => m.name));
  const drop = (name: string) => db.run(`drop ${views.has(name) ? 'view' : 'table'} if exists ${name}`);
  for (const name of previous.keys()) if (!names.has(name)) await drop(name);
  await clearFingerprints(db);
  // a model that was a table and is now a view (or the other way round) is built again, as the other kind
  const sameKind = (m: Model) => (m.materialized === 'view' ? !tables.has(m.name) : !views.has(m.name));
  const plans = new Map(ordered.map((m) => [m.name, planModel(m, fingerprints.get(m.name)!, sameKind(m) ? previous.get(m.name) : undefined)]));
  for (const m of ordered) if (!sameKind(m)) await drop(m.name);
  const timings = new Map<string, ModelTiming>();
  for (const model of ordered.filter((m) => plans.get(m.name)!.kind === 'keep')) {
    timings.set(model.name, { name: model.name, seconds: 0, reused: true });
    onStage?.(`${model.name} (unchanged)`, 0);
  }
  await buildConcurrently(db, ordered.filter((m) => !timings.has(m.name)), async (conn, model) => {
    const plan = plans.get(model.name)!;
    const started = performance.now();
    try {
      await build(conn, model, plan);
    } catch (error) {
      throw new ModelError(`model ${model.name} failed: ${(error as Error).message}`, model.name, [model.origin]);
    }
    const seconds = (performance.now() - started) / 1000;
    timings.set(model.name, {
      name: model.name, seconds,
      ...(plan.kind === 'years' && { years: plan.rebuild, removedYears: plan.remove }),
    });
    onStage?.(plan.kind === 'years' ? `${model.name} (${[...plan.rebuild, ...plan.remove].join(', ')})` : model.name, seconds);
  });
  // Recorded once every model is built: a build that fails part-way leaves no fingerprint to trust.
  await recordFingerprints(db, fingerprints);
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
  // shared among the builds that can run at once: a re-run that rebuilds one model gives it every thread
  const ways = Math.min(MODELS_AT_ONCE, models.length);
  await db.withThreadsShared(ways, () => Promise.all(Array.from({ length: ways }, worker)));
  if (failure !== undefined) throw failure;
}
