// An incremental run after one changed file against a run from scratch on the same sources: the same
// indicator values, quarantine and warehouse tables (a real sample with CSV and XLSX files, real
// DuckDB files), and only the changed source-year read again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@dtts/db';
import { generateSample } from '@dtts/sample';
import type { PipelineConfig } from './config.ts';
import { connectors } from './connectors.ts';
import { ingestBasis, planRun } from './incremental.ts';
import type { RunManifest } from './manifest.ts';
import { runPipeline } from './run.ts';
import { SourceHashes } from './source-hashes.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-incremental-'));
const sources = join(work, 'sources');
const incremental = join(work, 'out-incremental');
const scratch = join(work, 'out-scratch');
const quiet = { info: () => {}, progress: () => {} };
const config = (outDir: string, extra: Partial<PipelineConfig> = {}): PipelineConfig =>
  ({ sourcesDir: sources, usesSample: false, outDir, skipReports: true, hashKey: 'incremental-test-key-0123', ...extra });
const changedFile = join(sources, 'health-insurance/2024/the_bhyt_2024.csv');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let first: RunManifest;
let second: RunManifest;
let fromScratch: RunManifest;
beforeAll(async () => {
  await generateSample({ dir: sources, scale: 0.02, years: [2020, 2024, 2025] });
  first = await runPipeline(config(incremental), quiet);
  // One card fewer and one birth year changed in the 2024 card list.
  const lines = readFileSync(changedFile, 'utf8').split('\n');
  lines.splice(5, 1);
  lines[7] = lines[7]!.replace(/,(19|20)(\d\d),/, (_, c: string, y: string) => `,${c}${String((Number(y) + 1) % 100).padStart(2, '0')},`);
  writeFileSync(changedFile, lines.join('\n'));
  second = await runPipeline(config(incremental), quiet);
  fromScratch = await runPipeline(config(scratch), quiet);
}, 900_000);

describe('an incremental run after one changed file', () => {
  it('reads again only the changed source-year and reuses the others', () => {
    expect(first.ingestPlan?.kind).toBe('full');
    expect(second.ingestPlan).toMatchObject({ kind: 'incremental', readAgain: ['health-insurance|2024'] });
    expect(second.ingestPlan?.reused).toHaveLength(first.ingestPlan!.readAgain.length - 1);
    expect(fromScratch.ingestPlan?.kind).toBe('full');
  });

  it('rebuilds only the models that read the changed source, and keeps the others', () => {
    expect(first.models?.kept).toEqual([]);
    expect(fromScratch.models?.kept).toEqual([]);
    const { built, kept } = second.models!;
    expect(built).toContain('staging.stg_health_insurance__the_bhyt');
    expect(built).toContain('intermediate.int_card_holders');
    expect(built).toContain('marts.indicator_values');
    expect(kept).toContain('staging.stg_census__nhan_khau');
    expect(kept).toContain('intermediate.int_persons');
    expect(kept).not.toContain('staging.stg_health_insurance__the_bhyt');
    expect([...built, ...kept].sort()).toEqual([...fromScratch.models!.built].sort());
  });

  it('writes the same indicator values and quarantine as a run from scratch', () => {
    for (const f of ['exports/indicator_values.csv', 'exports/quarantine.csv']) {
      expect(readFileSync(join(incremental, f), 'utf8'), f).toBe(readFileSync(join(scratch, f), 'utf8'));
    }
    expect(readFileSync(join(incremental, 'exports/indicator_values.csv'), 'utf8'))
      .not.toBe(readFileSync(join(scratch, 'exports/changes.csv'), 'utf8'));
  });

  it('hides the same cells as a run from scratch (its suppression patterns, partly reused, are the same)', () => {
    const patterns = (dir: string) => JSON.parse(readFileSync(join(dir, '.cache/suppression-patterns.json'), 'utf8')) as { parts: Record<string, { cells: [string, string][] }> };
    const inc = patterns(incremental).parts;
    const fresh = patterns(scratch).parts;
    // decided block by block within each year (pattern-cache.ts): the same block-years, the same cells
    expect(Object.keys(inc).sort()).toEqual(Object.keys(fresh).sort());
    expect(new Set(Object.keys(fresh).map((part) => part.split(' ')[0]))).toEqual(new Set(['2020', '2024', '2025']));
    for (const part of Object.keys(fresh)) expect(inc[part]!.cells, part).toEqual(fresh[part]!.cells);
    expect(Object.entries(fresh).filter(([part]) => part.startsWith('2024 ')).flatMap(([, p]) => p.cells).length).toBeGreaterThan(0);
  });

  it('records the same files and totals as a run from scratch', () => {
    expect(second.files).toEqual(fromScratch.files);
    expect(second.totals).toEqual(fromScratch.totals);
    expect(second.files.find((f) => f.path === 'health-insurance/2024/the_bhyt_2024.csv')?.sha256)
      .not.toBe(first.files.find((f) => f.path === 'health-insurance/2024/the_bhyt_2024.csv')?.sha256);
  });

  it('holds the same rows in every warehouse table as a run from scratch', async () => {
    const db = await Db.open(':memory:');
    try {
      await db.run(`ATTACH '${join(incremental, 'warehouse.duckdb')}' AS inc (READ_ONLY)`);
      await db.run(`ATTACH '${join(scratch, 'warehouse.duckdb')}' AS fresh (READ_ONLY)`);
      // tables and the models kept as views (staging): a view reads its own database's tables
      const tables = (catalog: string) => db.all<{ t: string }>(
        `SELECT schema_name || '.' || table_name AS t FROM duckdb_tables() WHERE database_name = '${catalog}'
         UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE database_name = '${catalog}' AND NOT internal ORDER BY 1`);
      const names = (await tables('fresh')).map((r) => r.t);
      expect((await tables('inc')).map((r) => r.t)).toEqual(names);
      expect(names).toContain('ingest.health_insurance_the_bhyt');
      expect(names).toContain('staging.stg_health_insurance__the_bhyt');
      expect(names.length).toBeGreaterThan(40);
      const differing: string[] = [];
      for (const t of names) {
        const differ = await db.one<{ n: number }>(
          `SELECT (SELECT count(*) FROM (SELECT * FROM inc.${t} EXCEPT ALL SELECT * FROM fresh.${t}))
                + (SELECT count(*) FROM (SELECT * FROM fresh.${t} EXCEPT ALL SELECT * FROM inc.${t}))::BIGINT AS n`);
        if (Number(differ?.n) !== 0) differing.push(t);
      }
      // Only the previous run in the same --out and the comparison with it differ: the run from scratch had none.
      expect(differing).toEqual(['marts.changes_since_last_run', 'marts.previous_run']);
    } finally {
      db.close();
    }
  }, 120_000);

  it('is full with --full, and incremental with nothing to read when nothing changed', async () => {
    const basis = await ingestBasis(config(incremental));
    const hashes = await SourceHashes.load(incremental, sources);
    expect(await planRun(config(incremental, { full: true }), connectors, basis, hashes)).toEqual({ kind: 'full', reason: '--full' });
    const plan = await planRun(config(incremental), connectors, basis, hashes);
    expect(plan.kind === 'incremental' && plan.changed.size).toBe(0);
    const otherKey = await planRun(config(incremental), connectors, { ...basis, hashKey: 'another' }, hashes);
    expect(otherKey).toMatchObject({ kind: 'full', reason: 'another hash key than the earlier run' });
  });
});
