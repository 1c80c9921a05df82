// run-manifest.json: what was read, what came of it, and how long each stage took.
import type { FileReport } from '@dtts/ingest-core';
import type { ChangeSummary } from './changes.ts';
import type { IngestBasis } from './incremental.ts';

export interface RunManifest {
  runId: string;
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  sourcesDir: string;
  /** The reference folder of another geography (`--reference`); absent for the bundled one. */
  referenceDir?: string;
  /** What the ingest tables depend on besides the files; the next run reuses them only when it is unchanged. */
  basis?: IngestBasis;
  /** Full or incremental, and why; the source-years read again and those reused from the earlier run. */
  ingestPlan?: { kind: 'full' | 'incremental'; note: string; readAgain: string[]; reused: string[] };
  /** Warehouse models built this run, and those kept from the previous warehouse because nothing they read changed. */
  models?: { built: string[]; kept: string[] };
  years: Record<string, number[]>;
  files: {
    path: string;
    source: string;
    table: string;
    year: number;
    sha256: string;
    rows: { read: number; loaded: number; quarantined: number; skipped: number };
    warnings: string[];
    notes: string[];
  }[];
  ignoredFiles: { source: string; file: string; message: string }[];
  failures: { source?: string; stage: string; message: string }[];
  totals: Record<string, { read: number; loaded: number; quarantined: number; skipped: number }>;
  /** Each stage's start (seconds from the run's start) and length; the exports and the public numbers overlap. */
  stages: { name: string; start?: number; seconds: number }[];
  /** The reports stage step by step (public data, charts, Evidence's bundles and prerender, …). */
  reportSteps?: { name: string; seconds: number }[];
  checks: { id: string; severity: string; failing: number; description: string; example?: string }[];
  /** What was quarantined: rows rejected, values blanked, and the commonest reasons. */
  quarantine: { rowsRejected: number; valuesBlanked: number; topReasons: { reason: string; count: number }[] };
  /** Warnings of the engine by code (ingest.warnings). */
  warningsByKind: Record<string, number>;
  /** Files that look like another year's (a warning; an error with --strict). */
  yearChecks: { source: string; file: string; message: string }[];
  /** Years of each source that lack the plan's baseline year. */
  missingBaseline: string[];
  indicators: { rows: number };
  /** Compared with the previous run in the same --out (exports/changes.csv). */
  changes?: ChangeSummary;
  outputs: Record<string, string>;
}

export function filesSection(files: readonly FileReport[]): RunManifest['files'] {
  return files.map((f) => ({
    path: f.file,
    source: f.source,
    table: f.table,
    year: f.year,
    sha256: f.sha256,
    rows: { read: f.rowsRead, loaded: f.rowsLoaded, quarantined: f.rowsQuarantined, skipped: f.rowsSkipped },
    warnings: f.warnings,
    notes: f.notes,
  }));
}

export function totalsBySource(files: RunManifest['files']): RunManifest['totals'] {
  const totals: RunManifest['totals'] = {};
  for (const f of files) {
    const t = totals[f.source] ?? { read: 0, loaded: 0, quarantined: 0, skipped: 0 };
    totals[f.source] = t;
    t.read += f.rows.read;
    t.loaded += f.rows.loaded;
    t.quarantined += f.rows.quarantined;
    t.skipped += f.rows.skipped;
  }
  return totals;
}
