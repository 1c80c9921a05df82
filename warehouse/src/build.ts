// One build: reference and catalog in place, every model in dependency order, then the checks.
import type { Db } from '@dtts/db';
import type { PlanTarget } from '@dtts/indicators';
import type { Connector } from '@dtts/ingest-core';
import { checksFor } from './checks/list.ts';
import { runChecks } from './checks/run.ts';
import { catalogSourceFacts, indicatorModels } from './compile.ts';
import { completenessModels } from './completeness.ts';
import { recordedFingerprints } from './fingerprints.ts';
import { ensureIngestTables } from './ingest-contract.ts';
import { loadModelFiles, type Model } from './models.ts';
import { loadIndicatorCatalog, loadReference, loadSourceCatalog } from './reference.ts';
import { type ModelTiming, runModels } from './runner.ts';
import { stagingModels } from './staging.ts';
import { sourceFactModels } from './facts.ts';

export interface BuildResult {
  models: ModelTiming[];
  checks: { id: string; severity: 'warn' | 'error'; failing: number; description: string; sampleKeys: string[] }[];
  /** How many checks kept their previous result: nothing they read changed. */
  checksKept: number;
}

/** The staging models generated from the connectors, the file models, marts.completeness with its counts and the models compiled from the indicator catalog. */
export function allModels(connectors: readonly Connector[]): Model[] {
  return [...stagingModels(connectors), ...sourceFactModels(connectors, catalogSourceFacts()), ...loadModelFiles(), ...completenessModels(connectors), ...indicatorModels()];
}

async function hasTable(db: Db, schema: string, table: string): Promise<boolean> {
  const row = await db.one<{ n: number }>(
    `select count(*) as n from information_schema.tables where table_schema = '${schema}' and table_name = '${table}'`);
  return Number(row?.n ?? 0) > 0;
}

export async function buildWarehouse(
  db: Db, opts: {
    connectors: readonly Connector[]; onStage?: (name: string, seconds: number) => void; plans?: readonly PlanTarget[];
    /**
     * The connectors' ingest tables hold only what the ingestion engine loaded from the files listed in
     * ingest.files (the pipeline): their content is keyed by those files instead of hashed row by row.
     */
    ingestedFromFiles?: boolean;
    /** Called once every model is built, before the checks: work that reads the models may start beside them. */
    afterModels?: () => void;
  },
): Promise<BuildResult> {
  const { connectors } = opts;
  const fileKeyed = opts.ingestedFromFiles
    ? new Map(connectors.flatMap((c) => c.tables.map((t) => [`ingest.${c.warehouseTable(t.name)}`, c.id] as const)))
    : undefined;
  await ensureIngestTables(db, connectors);
  if (await hasTable(db, 'ref', 'communes')) await loadIndicatorCatalog(db, opts.plans);
  else await loadReference(db, opts.plans);
  await loadSourceCatalog(db, connectors);
  const models = await runModels(db, allModels(connectors), opts.onStage, fileKeyed);
  opts.afterModels?.();
  const started = performance.now();
  let checksKept = 0;
  const results = await runChecks(db, checksFor(connectors), {
    modelFingerprints: await recordedFingerprints(db),
    onKept: (ids) => { checksKept = ids.length; },
    ...(fileKeyed && { fileKeyed }),
  });
  opts.onStage?.('checks', (performance.now() - started) / 1000);
  return {
    models,
    checksKept,
    checks: results.map(({ id, severity, failing, description, sampleKeys }) => ({ id, severity, failing, description, sampleKeys })),
  };
}
