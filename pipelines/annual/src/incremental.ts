// Incremental runs: a source-year whose files are byte for byte those of the previous run (same
// sha256) is not read again; its rows, quarantine and file reports are taken from the previous
// warehouse. The unit is the source-year, not the table-year: a table is checked against the other
// tables of its source and year (a person's household must be in that year's household file), so a
// changed household file changes what the persons file loads. Everything after ingestion (models,
// checks, exports, the site) is built from the ingest tables, as in a run from scratch; of the models,
// only those whose inputs changed are (their fingerprints, warehouse/src/runner.ts).
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { quoteIdent as q, type Db } from '@dtts/db';
import { discover, mapConcurrently, type Connector } from '@dtts/ingest-core';
import { GEOGRAPHY_FILES, referenceDataDir } from '@dtts/reference';
import { MODEL_SCHEMAS } from '@dtts/warehouse';
import type { PipelineConfig } from './config.ts';
import { repoRoot } from './config.ts';
import type { RunManifest } from './manifest.ts';
import type { SourceHashes } from './source-hashes.ts';

/** What a warehouse's ingest tables depend on besides the files: a change to any forces a full run. */
export interface IngestBasis {
  /** sha256 of the ingestion code (engine, connectors, reference resolvers, text handling). */
  code: string;
  /** sha256 of the geography's five commune files. */
  reference: string;
  /** A keyed check of the hash key (HMAC of a fixed text): equal keys give equal checks; the key is not recoverable. */
  hashKey: string;
}

export type RunPlan =
  | { kind: 'full'; reason: string }
  | { kind: 'incremental'; previousWarehouse: string; changed: Set<string>; reused: string[]; removed: string[]; previousFiles: RunManifest['files'] };

const unitKey = (source: string, year: number) => `${source}|${year}`;

/** Files read while others are hashed (the district's 105 MB of sources: 0.56-0.63 s against 0.80-0.84 one at a time, on a loaded machine). */
const FILES_HASHED_AT_ONCE = 4;

/** The ingestion code's fingerprint: every non-test .ts file of the packages ingestion runs. */
async function codeFingerprint(): Promise<string> {
  const root = repoRoot();
  const dirs = ['packages/ingest-core/src', 'packages/reference/src', 'packages/vn-text/src', 'packages/messages/src'];
  for (const c of await readdir(join(root, 'packages/connectors'))) dirs.push(`packages/connectors/${c}/src`);
  const hash = createHash('sha256');
  for (const dir of dirs.sort()) {
    if (!existsSync(join(root, dir))) continue;
    const files = (await readdir(join(root, dir), { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    for (const f of files) hash.update(`${dir}/${f}\0`).update(await readFile(join(root, dir, f))).update('\0');
  }
  return hash.digest('hex');
}

export async function ingestBasis(config: PipelineConfig): Promise<IngestBasis> {
  const reference = createHash('sha256');
  for (const f of GEOGRAPHY_FILES) reference.update(await readFile(join(config.referenceDir ?? referenceDataDir, f)));
  return {
    code: await codeFingerprint(),
    reference: reference.digest('hex'),
    hashKey: createHmac('sha256', config.hashKey).update('dtts-warehouse hash key check').digest('hex').slice(0, 16),
  };
}

async function previousManifest(outDir: string): Promise<RunManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, 'run-manifest.json'), 'utf8')) as RunManifest;
  } catch {
    return undefined;
  }
}

/**
 * Decides between a full run and an incremental one, comparing the sources' files (sha256) and the
 * basis with the previous run's manifest in `--out`. A file whose status is the one recorded with its
 * sha256 by the previous run is not read again (source-hashes.ts).
 */
export async function planRun(config: PipelineConfig, connectors: readonly Connector[], basis: IngestBasis, hashes: SourceHashes): Promise<RunPlan> {
  if (config.full) return { kind: 'full', reason: '--full' };
  const previous = await previousManifest(config.outDir);
  const previousWarehouse = join(config.outDir, 'warehouse.duckdb');
  if (previous?.status !== 'succeeded' || !existsSync(previousWarehouse)) return { kind: 'full', reason: 'no earlier successful run in --out' };
  if (!previous.basis) return { kind: 'full', reason: 'the earlier run recorded no basis for reuse' };
  if (previous.sourcesDir !== config.sourcesDir) return { kind: 'full', reason: 'another sources folder than the earlier run' };
  if (previous.basis.code !== basis.code) return { kind: 'full', reason: 'the ingestion code changed since the earlier run' };
  if (previous.basis.reference !== basis.reference) return { kind: 'full', reason: 'the reference data changed since the earlier run' };
  if (previous.basis.hashKey !== basis.hashKey) return { kind: 'full', reason: 'another hash key than the earlier run' };

  const found = await discover(config.sourcesDir, connectors, config.years);
  // A refused file is never reused: reading it again reports it.
  const sums = await mapConcurrently(found.files, FILES_HASHED_AT_ONCE, (f) => (f.refused ? Promise.resolve(`refused:${f.refused}`) : hashes.sha256(f.file, f.path)));
  const now = new Map<string, Map<string, string>>();
  found.files.forEach((f, i) => {
    const files = now.get(unitKey(f.source, f.year)) ?? new Map<string, string>();
    files.set(f.file, sums[i]!);
    now.set(unitKey(f.source, f.year), files);
  });
  const before = new Map<string, Map<string, string>>();
  for (const f of previous.files) {
    const files = before.get(unitKey(f.source, f.year)) ?? new Map<string, string>();
    files.set(f.path, f.sha256);
    before.set(unitKey(f.source, f.year), files);
  }
  const units = connectors.flatMap((c) => (found.years.get(c.id) ?? []).map((y) => unitKey(c.id, y)));
  const same = (a?: Map<string, string>, b?: Map<string, string>) =>
    (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every(([file, sha]) => b?.get(file) === sha);
  const changed = new Set(units.filter((u) => !same(now.get(u), before.get(u))));
  const reused = units.filter((u) => !changed.has(u));
  const removed = [...before.keys()].filter((u) => !units.includes(u));
  return { kind: 'incremental', previousWarehouse, changed, reused, removed, previousFiles: previous.files };
}

/** A copy of the previous warehouse (the previous outputs stay as they are until the swap). */
export async function copyPreviousWarehouse(plan: Extract<RunPlan, { kind: 'incremental' }>, path: string): Promise<void> {
  await copyFile(plan.previousWarehouse, path);
}

/**
 * Takes the changed and removed source-years' ingest rows out of the copied warehouse and drops the
 * reference tables, so that ingestion starts from what a run from scratch would hold for the reused
 * source-years. The models' tables stay: the warehouse build keeps each one whose fingerprint (SQL,
 * content of what it reads) is unchanged and rebuilds the rest (warehouse/src/runner.ts).
 */
export async function removeOutdated(db: Db, plan: Extract<RunPlan, { kind: 'incremental' }>, connectors: readonly Connector[]): Promise<void> {
  const keep = ['ingest', 'main', 'information_schema', 'pg_catalog', ...MODEL_SCHEMAS].map((s) => `'${s}'`).join(', ');
  const schemas = await db.all<{ name: string }>(
    `SELECT DISTINCT schema_name AS name FROM information_schema.schemata WHERE catalog_name = current_database() AND schema_name NOT IN (${keep})`);
  for (const { name } of schemas) await db.run(`DROP SCHEMA ${q(name)} CASCADE`);
  // Warnings about the folders themselves (ignored files) are found again by every run.
  await db.run('DELETE FROM ingest.warnings WHERE year IS NULL');
  for (const unit of [...plan.changed, ...plan.removed]) {
    const [source, yearText] = unit.split('|') as [string, string];
    const year = Number(yearText);
    const connector = connectors.find((c) => c.id === source);
    for (const table of connector?.tables ?? []) {
      await db.run(`DELETE FROM ingest.${q(connector!.warehouseTable(table.name))} WHERE year = ?`, [year]);
    }
    for (const t of ['quarantine', 'files', 'warnings']) await db.run(`DELETE FROM ingest.${t} WHERE source = ? AND year = ?`, [source, year]);
  }
  await db.run('CHECKPOINT');
}

/** The manifest's file list: the reused source-years' entries from the previous run, the others as read now, in source and year order. */
export function mergeFiles(plan: Extract<RunPlan, { kind: 'incremental' }>, read: RunManifest['files'], connectors: readonly Connector[]): RunManifest['files'] {
  const reused = new Set(plan.reused);
  const all = [...plan.previousFiles.filter((f) => reused.has(unitKey(f.source, f.year))), ...read];
  const order = new Map(connectors.map((c, i) => [c.id, i]));
  return all.map((f, i) => ({ f, i })).sort((a, b) => (order.get(a.f.source)! - order.get(b.f.source)!) || (a.f.year - b.f.year) || (a.i - b.i)).map(({ f }) => f);
}

export const describePlan = (plan: RunPlan, sourcesDir: string): string =>
  plan.kind === 'full'
    ? `full run (${plan.reason})`
    : `incremental run: ${plan.changed.size} source-year(s) read again${plan.changed.size ? ` (${[...plan.changed].map((u) => u.replace('|', ' ')).join(', ')})` : ''}, ${plan.reused.length} reused from the earlier run${plan.removed.length ? `, ${plan.removed.length} gone` : ''} (${relative(process.cwd(), sourcesDir) || '.'}; --full reads everything)`;
