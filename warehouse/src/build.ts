// One build: reference and catalog in place, every model in dependency order, then the checks.
import { type Db } from '@dtts/db';
import type { PlanTarget } from '@dtts/indicators';
import { checks as allChecks } from './checks/list.ts';
import { runChecks } from './checks/run.ts';
import { indicatorModels } from './compile.ts';
import { ensureIngestTables } from './ingest-contract.ts';
import { loadModelFiles, type Model } from './models.ts';
import { loadIndicatorCatalog, loadReference } from './reference.ts';
import { runModels } from './runner.ts';

export interface BuildResult {
  models: { name: string; seconds: number }[];
  checks: { id: string; severity: 'warn' | 'error'; failing: number; description: string; sampleKeys: string[] }[];
}

/** The file models and the models compiled from the indicator catalog. */
export function allModels(): Model[] {
  return [...loadModelFiles(), ...indicatorModels()];
}

async function hasTable(db: Db, schema: string, table: string): Promise<boolean> {
  const row = await db.one<{ n: number }>(
    `select count(*) as n from information_schema.tables where table_schema = '${schema}' and table_name = '${table}'`);
  return Number(row?.n ?? 0) > 0;
}

export async function buildWarehouse(
  db: Db, opts: { onStage?: (name: string, seconds: number) => void; plans?: readonly PlanTarget[] } = {},
): Promise<BuildResult> {
  await ensureIngestTables(db);
  if (await hasTable(db, 'ref', 'communes')) await loadIndicatorCatalog(db, opts.plans);
  else await loadReference(db, opts.plans);
  const models = await runModels(db, allModels(), opts.onStage);
  const started = performance.now();
  const results = await runChecks(db, allChecks);
  opts.onStage?.('checks', (performance.now() - started) / 1000);
  return {
    models,
    checks: results.map(({ id, severity, failing, description, sampleKeys }) => ({ id, severity, failing, description, sampleKeys })),
  };
}
