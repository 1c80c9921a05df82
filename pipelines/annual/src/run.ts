// One pipeline run: ingest every source and year, build the warehouse, export, build the site,
// then swap the outputs in. Any failure leaves the previous outputs untouched.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Db, quoteLiteral } from '@dtts/db';
import { ingest, type IngestEvent, type IngestResult } from '@dtts/ingest-core';
import { buildWarehouse, exportIndicators, loadReference } from '@dtts/warehouse';
import type { PipelineConfig } from './config.ts';
import { connectors } from './connectors.ts';
import { filesSection, totalsBySource, type RunManifest } from './manifest.ts';
import { stageOutput } from './out-dir.ts';

export interface RunLog {
  info(message: string): void;
  progress(message: string): void;
}

/** The plan's baseline year: every status is judged against it. */
const BASELINE_YEAR = 2020;

export class RunFailed extends Error {
  constructor(readonly manifest: RunManifest) {
    super(manifest.failures.map((f) => `${f.stage}${f.source ? ` (${f.source})` : ''}: ${f.message}`).join('\n'));
  }
}

export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

export async function runPipeline(config: PipelineConfig, log: RunLog): Promise<RunManifest> {
  const started = new Date();
  const runId = newRunId(started);
  const manifest: RunManifest = {
    runId, startedAt: started.toISOString(), finishedAt: '', status: 'failed', sourcesDir: config.sourcesDir,
    years: {}, files: [], ignoredFiles: [], failures: [], totals: {}, stages: [], checks: [], indicators: { rows: 0 }, outputs: {},
  };
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      manifest.stages.push({ name, seconds: round((performance.now() - t0) / 1000) });
    }
  };

  if (config.years && !config.years.includes(BASELINE_YEAR)) {
    log.info(`Note: --years leaves out ${BASELINE_YEAR}, the baseline: changes and statuses will show as no data.`);
  }
  if (config.usesSample) {
    await stage('sample', async () => {
      log.info(`Sources: the bundled sample (${config.sourcesDir}); generating it if needed…`);
      const { ensureSample } = await import('@dtts/sample');
      await ensureSample(config.sourcesDir);
    });
  }
  const out = await stageOutput(config.outDir, runId);
  try {
    const db = await Db.open(join(out.dir, 'warehouse.duckdb'));
    let result: IngestResult;
    try {
      result = await stage('ingest', () =>
        ingest({ db, sourcesDir: config.sourcesDir, connectors, ...(config.years && { years: config.years }), hashKey: config.hashKey, onEvent: (e) => printEvent(e, log) }),
      );
      manifest.files = filesSection(result.files);
      manifest.ignoredFiles = result.warnings;
      manifest.years = Object.fromEntries(result.years);
      manifest.totals = totalsBySource(result);
      for (const f of result.failures) manifest.failures.push({ stage: 'ingest', source: f.source, message: f.message });
      if (result.files.length === 0 && result.failures.length === 0) {
        manifest.failures.push({ stage: 'ingest', message: `no source files found under ${config.sourcesDir} (expected census/<YEAR>/…, school/<YEAR>/…, health-insurance/<YEAR>/…, poverty/<YEAR>/…)` });
      }
      if (manifest.failures.length > 0) throw new RunFailed(manifest);

      await stage('reference', () => loadReference(db));
      const built = await stage('warehouse', () =>
        buildWarehouse(db, { connectors, onStage: (name, seconds) => seconds >= 0.5 && log.progress(`  model ${name} ${seconds.toFixed(1)} s`) }),
      );
      manifest.checks = built.checks;
      log.progress(`  warehouse: ${built.models.length} models built, ${built.checks.length} data-quality checks run`);
      const exportsDir = join(out.dir, 'exports');
      await mkdir(exportsDir, { recursive: true });
      manifest.indicators = await stage('exports', async () => {
        await db.run(`COPY (SELECT source, table_name AS "table", file, "row", "column", value, reason, action FROM ingest.quarantine
                       ORDER BY source, file, "row", "column") TO ${quoteLiteral(join(exportsDir, 'quarantine.csv'))} (HEADER, DELIMITER ',')`);
        return exportIndicators(db, exportsDir);
      });
    } finally {
      db.close();
    }
    manifest.outputs = {
      warehouse: 'warehouse.duckdb',
      indicatorValuesCsv: 'exports/indicator_values.csv',
      indicatorValuesParquet: 'exports/indicator_values.parquet',
      indicatorValuesArrow: 'exports/indicator_values.arrow',
      quarantine: 'exports/quarantine.csv',
      manifest: 'run-manifest.json',
    };
    const manifestPath = join(out.dir, 'run-manifest.json');
    await writeManifest(manifestPath, manifest);
    if (!config.skipReports) {
      // Loaded only when needed: the site builder pulls in Evidence.
      const { buildReports } = await import('@dtts/reports');
      await stage('reports', () =>
        buildReports({
          warehousePath: join(out.dir, 'warehouse.duckdb'),
          siteDir: join(out.dir, 'site'),
          run: { runId, builtAt: new Date().toISOString(), sourcesDir: config.sourcesDir, manifestPath },
          onProgress: (m) => log.progress(`  ${m}`),
        }),
      );
      manifest.outputs.site = 'site/';
    }
    manifest.status = 'succeeded';
    manifest.finishedAt = new Date().toISOString();
    await writeManifest(manifestPath, manifest);
    await out.commit();
    return manifest;
  } catch (error) {
    await out.discard();
    if (error instanceof RunFailed) throw error;
    manifest.failures.push({ stage: manifest.stages.at(-1)?.name ?? 'run', message: (error as Error).message });
    throw new RunFailed(manifest);
  }
}

async function writeManifest(path: string, manifest: RunManifest): Promise<void> {
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

function printEvent(e: IngestEvent, log: RunLog): void {
  if (e.type === 'file') log.progress(`  read ${e.file} (${e.rows.toLocaleString('vi-VN')} rows)`);
  else if (e.type === 'table') log.progress(`  ${e.source}/${e.year} ${e.table}: ${e.loaded.toLocaleString('vi-VN')} loaded, ${e.quarantined} quarantined`);
  else if (e.type === 'warning') log.progress(`  warning: ${e.message}`);
  else log.info(`  FAILED ${e.source}: ${e.message}`);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
