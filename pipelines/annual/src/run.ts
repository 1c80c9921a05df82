// One pipeline run: ingest every source and year, build the warehouse, export, build the site,
// then swap the outputs in. Any failure leaves the previous outputs untouched.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Db, dbSettings, writeCsv } from '@dtts/db';
import { planTargets } from '@dtts/indicators';
import { renderSql } from '@dtts/messages';
import { ingest, mapConcurrently, type IngestResult } from '@dtts/ingest-core';
import { useReferenceDir } from '@dtts/reference';
import { buildWarehouse, exportIndicators, loadArrowWriter, loadReference } from '@dtts/warehouse';
import type { PublicNumbers } from '@dtts/reports/appendix';
import type { PipelineConfig } from './config.ts';
import { compareWithPreviousRun } from './changes.ts';
import { connectors } from './connectors.ts';
import { copyPreviousWarehouse, describePlan, ingestBasis, mergeFiles, planRun, removeOutdated } from './incremental.ts';
import { SourceHashes } from './source-hashes.ts';
import { filesSection, totalsBySource, type RunManifest } from './manifest.ts';
import { checkOutAgainstSources, stageOutput } from './out-dir.ts';
import { IngestProgress } from './progress.ts';
import { badFileMessage, DEFAULT_BAD_FILE_LIMITS, findBadFiles, findYearSignals } from './safety-nets.ts';

export interface RunLog {
  info(message: string): void;
  progress(message: string): void;
  /** A line that replaces the previous status line (a terminal shows it in place; elsewhere it is dropped). */
  status?(message: string): void;
}

/** The plan's baseline year: every status is judged against it. */
/** The disclosure control's patterns per year, kept in --out for the next run (reports/src/pattern-cache.ts). */
const PATTERN_CACHE = '.cache/suppression-patterns.json';

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
  const runStarted = performance.now();
  const runId = newRunId(started);
  const manifest: RunManifest = {
    runId, startedAt: started.toISOString(), finishedAt: '', status: 'failed', sourcesDir: config.sourcesDir,
    years: {}, files: [], ignoredFiles: [], failures: [], totals: {}, stages: [], checks: [], indicators: { rows: 0 }, outputs: {},
    quarantine: { rowsRejected: 0, valuesBlanked: 0, topReasons: [] }, warningsByKind: {}, yearChecks: [], missingBaseline: [],
    ...(config.referenceDir && { referenceDir: config.referenceDir }),
  };
  // Every resolver and loader reads this run's geography (the bundled one unless --reference).
  useReferenceDir(config.referenceDir);
  // A stage is listed when it starts; the exports and the appendix's numbers run at the same time.
  let failedStage: string | undefined;
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    if (config.pauseAt === name) {
      log.info(`paused before the ${name} stage (DTTS_PAUSE_AT), pid ${process.pid}`);
      await new Promise(() => setInterval(() => {}, 60_000));
    }
    const t0 = performance.now();
    const entry = { name, start: round((t0 - runStarted) / 1000), seconds: 0 };
    manifest.stages.push(entry);
    log.status?.(`${name}…`);
    try {
      return await fn();
    } catch (error) {
      failedStage ??= name;
      throw error;
    } finally {
      entry.seconds = round((performance.now() - t0) / 1000);
    }
  };

  if (config.years && !config.years.includes(BASELINE_YEAR)) {
    log.info(`Note: --years leaves out ${BASELINE_YEAR}, the baseline: changes and statuses will show as no data.`);
  }
  const progress = new IngestProgress(log);
  if (config.usesSample) {
    await stage('sample', async () => {
      log.info(`Sources: the bundled sample (${config.sourcesDir}); generating it if needed…`);
      const { ensureSample } = await import('@dtts/sample');
      await ensureSample(config.sourcesDir);
    });
  }
  await checkOutAgainstSources(config.outDir, config.sourcesDir, config.hashKeyFile);
  const out = await stageOutput(config.outDir, runId);
  for (const note of out.notes) log.info(`Note: ${note}.`);
  try {
    // Unchanged source-years are taken from the previous run's warehouse (incremental.ts).
    const { plan, basis, hashes } = await stage('plan', async () => {
      const basis = await ingestBasis(config);
      // --full hashes every file again (ingestion does, as it reads them) and records them anew.
      const hashes = await SourceHashes.load(config.full ? undefined : config.outDir, config.sourcesDir);
      const plan = await planRun(config, connectors, basis, hashes);
      if (plan.kind === 'incremental') await copyPreviousWarehouse(plan, join(out.dir, 'warehouse.duckdb'));
      return { plan, basis, hashes };
    });
    log.info(`Ingest: ${describePlan(plan, config.sourcesDir)}`);
    const manifestPath = join(out.dir, 'run-manifest.json');
    // Suppression is decided again only for the block-years whose indicator values changed (--full: all).
    const patternCache = { ...(!config.full && { previous: join(config.outDir, PATTERN_CACHE) }), next: join(out.dir, PATTERN_CACHE) };
    // The block-years' patterns are decided in parallel, a thread per core unless --threads says otherwise.
    const workers = dbSettings().threads ?? availableParallelism();
    const reportRun = { runId, builtAt: new Date().toISOString(), sourcesDir: config.sourcesDir, manifestPath, patternCache, workers };
    const appendixPath = join(out.dir, 'exports', 'bao-cao.xlsx');
    // Loaded while DuckDB ingests (the main thread mostly waits on it then): the site builder
    // (Evidence, the charts, the printed report) or, without the site, the Excel appendix alone; the Arrow writer.
    const reportsModule = config.skipReports ? undefined : import('@dtts/reports');
    const appendix = config.skipReports ? import('@dtts/reports/appendix') : undefined;
    // awaited later; a failure to load surfaces there, not as an unhandled rejection meanwhile
    reportsModule?.catch(() => {});
    appendix?.catch(() => {});
    loadArrowWriter().catch(() => {});
    // The exports and the public numbers, started as soon as the warehouse's models are built.
    let outputs: Promise<readonly [{ rows: number }, PublicNumbers | undefined]> | undefined;
    const db = await Db.open(join(out.dir, 'warehouse.duckdb'));
    let result: IngestResult;
    // Ingestion reads every file after this moment: what it hashes is what the files hold from then on.
    const readSince = hashes.stamp();
    try {
      result = await stage('ingest', async () => {
        // DuckDB writes the run to the file once, at the checkpoint before closing (overlapped with the
        // workbook), instead of at each quiet commit past its default 16 MB of log. In a full run that
        // commit was the models' last one: a 2.6 s checkpoint before the exports and checks could start.
        // District bench, ten alternated pairs: 23.3 s median against 24.5 (faster in 8 of 10), peak RSS
        // 0.6–0.7 → 0.8 GiB; at scale 20 the log passes 1 GB and DuckDB checkpoints on the way, peak RSS
        // 2.53 GiB as before (BENCHMARKS.md, "2 Dec"). A re-run changes little and gains the same way.
        await db.run(`SET checkpoint_threshold = '1GB'`);
        if (plan.kind === 'incremental') {
          // A re-run does not compact the row groups its deletes thin out: in a full build a year's rows share
          // row groups with the years beside it, and vacuuming them rewrote those years too (hash columns
          // and all): the re-run's checkpoint took 1.4–1.7 s instead of 0.7–0.9 (BENCHMARKS.md, "1 Dec,
          // morning"). The space stays bounded: row groups left with no live row are dropped whatever this
          // says, a re-run's own rows sit in row groups of their own, and the next full run rebuilds the file.
          await db.run('SET max_vacuum_tasks = 0');
          await removeOutdated(db, plan, connectors);
        }
        return ingest({
          db, sourcesDir: config.sourcesDir, connectors, ...(config.years && { years: config.years }), hashKey: config.hashKey, onEvent: (e) => progress.event(e),
          ...(plan.kind === 'incremental' && { only: plan.changed }),
        });
      });
      progress.done(result);
      // A full run's files were hashed by ingestion as it read them; an incremental run's, when planned.
      if (plan.kind === 'full') await mapConcurrently(result.files, 16, (f) => hashes.record(f.file, f.sha256, readSince));
      await hashes.save(out.dir);
      manifest.files = plan.kind === 'incremental' ? mergeFiles(plan, filesSection(result.files), connectors) : filesSection(result.files);
      manifest.basis = basis;
      manifest.ingestPlan = plan.kind === 'incremental'
        ? { kind: 'incremental', note: describePlan(plan, config.sourcesDir), readAgain: [...plan.changed], reused: plan.reused }
        : { kind: 'full', note: describePlan(plan, config.sourcesDir), readAgain: [...result.years].flatMap(([s, ys]) => ys.map((y) => `${s}|${y}`)), reused: [] };
      manifest.ignoredFiles = result.warnings;
      manifest.years = Object.fromEntries(result.years);
      manifest.totals = totalsBySource(manifest.files);
      for (const f of result.failures) manifest.failures.push({ stage: 'ingest', source: f.source, message: f.message });
      if (manifest.files.length === 0 && result.failures.length === 0) {
        manifest.failures.push({ stage: 'ingest', message: `no source files found under ${config.sourcesDir} (expected census/<YEAR>/…, school/<YEAR>/…, health-insurance/<YEAR>/…, poverty/<YEAR>/…)` });
      }
      manifest.missingBaseline = Object.entries(manifest.years).filter(([, ys]) => ys.length > 0 && !ys.includes(BASELINE_YEAR)).map(([source]) => source);
      manifest.yearChecks = await findYearSignals(db, manifest.files, connectors);
      if (config.strict) {
        for (const y of manifest.yearChecks) manifest.failures.push({ stage: 'year checks', source: y.source, message: `${y.message} (--strict)` });
      }
      if (!config.allowBadFiles) {
        const limits = config.badFiles ?? DEFAULT_BAD_FILE_LIMITS;
        for (const b of await findBadFiles(db, manifest.files, limits)) manifest.failures.push({ stage: 'ingest', source: b.source, message: badFileMessage(b, limits) });
      }
      manifest.quarantine = await quarantineSummary(db);
      manifest.warningsByKind = Object.fromEntries(
        (await db.all<{ code: string; n: number }>('SELECT code, count(*)::INTEGER AS n FROM ingest.warnings GROUP BY code ORDER BY code')).map((r) => [r.code, r.n]),
      );
      if (manifest.failures.length > 0) throw new RunFailed(manifest);

      await stage('reference', () => loadReference(db));
      // Once the models are built, the exports and (without the site) the appendix's public numbers are
      // written on connections of their own while the data-quality checks run; the workbook is written
      // while DuckDB checkpoints the warehouse. Nothing they write is read by the checks.
      const exportsDir = join(out.dir, 'exports');
      const onFork = async <T>(fn: (conn: Db) => Promise<T>): Promise<T> => {
        // one connection runs one query at a time: each piece of work running beside another has its own
        const conn = await db.fork();
        try {
          return await fn(conn);
        } finally {
          conn.close();
        }
      };
      const startOutputs = () => allOrFirstError([
        stage('exports', () => onFork(async (conn) => {
          await mkdir(exportsDir, { recursive: true });
          // For the stewards: the reason in Vietnamese with its code beside it; a BOM and no formulas (writeCsv).
          await writeCsv(conn, `SELECT source, table_name AS "table", file, "row", "column", value, ${renderSql('code', 'params', 'vi')} AS reason, code, action
                              FROM ingest.quarantine ORDER BY source, file, "row", "column"`, join(exportsDir, 'quarantine.csv'));
          return exportIndicators(conn, exportsDir);
        })),
        appendix && stage('public numbers', () => onFork(async (conn) => {
          const catalog = (await conn.one<{ name: string }>('SELECT current_database() AS name'))!.name;
          return (await appendix).readPublicDataFrom(conn, catalog, reportRun);
        })),
      ] as const);
      try {
        const built = await stage('warehouse', () =>
          buildWarehouse(db, {
            connectors,
            // The ingest tables were written by ingestion alone, from the files in ingest.files.
            ingestedFromFiles: true,
            plans: planTargets(config.plansDir ? [config.plansDir] : undefined),
            onStage: (name) => log.status?.(`warehouse: ${name}`),
            afterModels: () => {
              outputs = startOutputs();
              // awaited below, or settled before the database closes if the run fails first
              outputs.catch(() => {});
            },
          }),
        );
        manifest.checks = built.checks.map((c) => ({
          id: c.id, severity: c.severity, failing: c.failing, description: c.description, ...(c.sampleKeys[0] && { example: c.sampleKeys[0] }),
        }));
        manifest.models = { built: built.models.filter((m) => !m.reused).map((m) => m.name), kept: built.models.filter((m) => m.reused).map((m) => m.name) };
        const kept = manifest.models.kept.length ? ` (${manifest.models.kept.length} kept from the earlier run: nothing they read changed; ${built.models.filter((m) => m.years).length} rebuilt for the changed years only)` : '';
        log.progress(`warehouse: ${built.models.length} models${kept}, ${built.checks.length} data-quality checks (${built.checksKept} kept)`);
        if (config.strict) {
          for (const c of manifest.checks.filter((k) => k.severity === 'error' && k.failing > 0)) {
            manifest.failures.push({ stage: 'data-quality checks', message: `${c.id}: ${c.failing} failing (${c.description})${c.example ? `, e.g. ${c.example}` : ''} (--strict)` });
          }
          if (manifest.failures.length > 0) throw new RunFailed(manifest);
        }
        const [exported, numbers] = await (outputs ?? startOutputs());
        manifest.indicators = exported;
        // Compared before the swap, while config.outDir still holds the previous run's outputs.
        manifest.changes = await stage('changes', () => compareWithPreviousRun(db, config.outDir, exportsDir, manifest.files));
        await allOrFirstError([
          // What closing would write, written while the workbook is.
          db.run('CHECKPOINT'),
          appendix && numbers && stage('appendix', async () => (await appendix).writeExcelAppendix(appendixPath, numbers, reportRun)),
        ]);
      } finally {
        // nothing may still run on the database when it closes
        await outputs?.catch(() => {});
      }
    } finally {
      db.close();
    }
    manifest.outputs = {
      warehouse: 'warehouse.duckdb',
      indicatorValuesCsv: 'exports/indicator_values.csv',
      indicatorValuesParquet: 'exports/indicator_values.parquet',
      indicatorValuesArrow: 'exports/indicator_values.arrow',
      quarantine: 'exports/quarantine.csv',
      changes: 'exports/changes.csv',
      manifest: 'run-manifest.json',
    };
    await writeManifest(manifestPath, manifest);
    if (reportsModule) {
      const reports = await reportsModule;
      const site = await stage('reports', () =>
        reports.buildReports({
          warehousePath: join(out.dir, 'warehouse.duckdb'),
          siteDir: join(out.dir, 'site'),
          run: reportRun,
          appendixPath,
          // The site is built in the staged folder; what the analyst reads names the final one.
          onProgress: (m) => log.status?.(`reports: ${m.replaceAll(out.dir, config.outDir)}`),
        }),
      );
      manifest.outputs.site = 'site/';
      manifest.reportSteps = site.steps;
      log.info(reports.headlineSummary(site.headline));
    }
    manifest.outputs.appendix = 'exports/bao-cao.xlsx';
    manifest.status = 'succeeded';
    manifest.finishedAt = new Date().toISOString();
    await writeManifest(manifestPath, manifest);
    await out.commit();
    return manifest;
  } catch (error) {
    await out.discard();
    if (error instanceof RunFailed) throw error;
    // A defect rather than bad input: DTTS_DEBUG=1 shows where it happened.
    if (process.env.DTTS_DEBUG) console.error((error as Error).stack);
    manifest.failures.push({ stage: failedStage ?? manifest.stages.at(-1)?.name ?? 'run', message: (error as Error).message });
    throw new RunFailed(manifest);
  } finally {
    await out.release();
  }
}

/**
 * Waits for every piece of work (none is left running on a database about to close) and gives their
 * results, or throws the first one's error.
 */
async function allOrFirstError<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

async function writeManifest(path: string, manifest: RunManifest): Promise<void> {
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The quarantine in three numbers and its commonest reasons, for the summary. */
async function quarantineSummary(db: Db): Promise<RunManifest['quarantine']> {
  const totals = await db.one<{ rejected: number; blanked: number }>(
    `SELECT count(DISTINCT (file, "row")) FILTER (WHERE action = 'row_rejected')::INTEGER AS rejected,
            count(*) FILTER (WHERE action = 'value_blanked')::INTEGER AS blanked FROM ingest.quarantine`);
  const topReasons = await db.all<{ reason: string; count: number }>(
    `SELECT reason, count(*)::INTEGER AS count FROM ingest.quarantine GROUP BY reason ORDER BY count DESC, reason LIMIT 5`);
  return { rowsRejected: totals?.rejected ?? 0, valuesBlanked: totals?.blanked ?? 0, topReasons };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
