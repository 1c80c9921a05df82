// Orders models by what they read and creates each as a table.
import { type Db } from '@dtts/db';
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
}

export async function runModels(
  db: Db, models: Model[], onStage?: (name: string, seconds: number) => void,
): Promise<ModelTiming[]> {
  for (const schema of MODEL_SCHEMAS) await db.run(`create schema if not exists ${schema}`);
  const timings: ModelTiming[] = [];
  for (const model of orderModels(models)) {
    const started = performance.now();
    try {
      await db.run(`create or replace table ${model.name} as\n${model.sql}`);
    } catch (error) {
      throw new ModelError(`model ${model.name} failed: ${(error as Error).message}`, model.name, [model.origin]);
    }
    const seconds = (performance.now() - started) / 1000;
    timings.push({ name: model.name, seconds });
    onStage?.(model.name, seconds);
  }
  return timings;
}
