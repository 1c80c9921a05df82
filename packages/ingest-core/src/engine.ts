// The ingestion engine: every connector's files into the warehouse's `ingest` schema.
import { quoteIdent as q, type Db } from '@dtts/db';
import { render, type Finding } from '@dtts/messages';
import { loadCsvFast } from './read/csv-fast.ts';
import type { Connector, TableSpec } from './contract.ts';
import { discover, type DiscoveredFile } from './discover.ts';
import { SourceFileError } from './errors.ts';
import { ingestTableDDL, loadTable } from './load-table.ts';
import { streamTableFile } from './read/index.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './read/limits.ts';
import { hashFile, scanCsv, type CsvScan } from './read/scan.ts';
import { createWorkTable } from './work-table.ts';

export interface FileReport {
  source: string;
  table: string;
  year: number;
  file: string;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  rowsSkipped: number;
  /** The file's warnings as findings (code + params), and in English for logs and the manifest. */
  findings: Finding[];
  warnings: string[];
  notes: string[];
}

export type IngestEvent =
  | { type: 'file'; source: string; file: string; rows: number }
  | { type: 'table'; source: string; table: string; year: number; loaded: number; quarantined: number }
  | { type: 'warning'; source: string; file: string; message: string }
  | { type: 'failed'; source: string; message: string };

export interface IngestOptions {
  db: Db;
  sourcesDir: string;
  connectors: readonly Connector[];
  years?: readonly number[];
  /** Secret mixed into the hashes of personal ids, so the hashes cannot be looked up from the ids. */
  hashKey: string;
  onEvent?: (event: IngestEvent) => void;
  /** Load UTF-8 CSV files with DuckDB's read_csv (default true); false forces the JavaScript reader. */
  fastCsv?: boolean;
  /** Sizes beyond which a file is refused by name (read/limits.ts). */
  limits?: Partial<ReadLimits>;
  /**
   * Only these source-years (`<source>|<year>`) are read; the others are left as the database holds
   * them (an incremental run that reuses the previous warehouse). Every source-year when absent.
   */
  only?: ReadonlySet<string>;
}

export interface IngestResult {
  files: FileReport[];
  /** Sources that failed, with the message naming the file. */
  failures: { source: string; message: string }[];
  /** Warnings not tied to a read file (ignored files, folders). */
  warnings: { source: string; file: string; finding: Finding; message: string }[];
  years: Map<string, number[]>;
  sourcesDir: string;
}

/**
 * The engine's own bookkeeping tables (what was read, quarantined and warned about), declared once
 * here; every source table's DDL comes from its connector declaration (ingestTableDDL).
 */
export const ENGINE_TABLES: Readonly<Record<'quarantine' | 'files' | 'warnings', string>> = {
  quarantine: `source VARCHAR, table_name VARCHAR, file VARCHAR, "row" INTEGER, "column" VARCHAR, "value" VARCHAR,
    reason VARCHAR, "action" VARCHAR, year INTEGER, code VARCHAR, params VARCHAR`,
  files: `source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR, rows_read INTEGER,
    rows_loaded INTEGER, rows_quarantined INTEGER, rows_skipped INTEGER, warnings VARCHAR[]`,
  warnings: 'source VARCHAR, year INTEGER, file VARCHAR, code VARCHAR, message VARCHAR, params VARCHAR',
};

/** Creates schema `ingest`, the engine's tables and every table of the connectors that is missing. */
export async function createIngestSchema(db: Db, connectors: readonly Connector[]): Promise<void> {
  await db.run('CREATE SCHEMA IF NOT EXISTS ingest');
  for (const [table, columns] of Object.entries(ENGINE_TABLES)) await db.run(`CREATE TABLE IF NOT EXISTS ingest.${table} (${columns})`);
  for (const connector of connectors) {
    for (const table of connector.tables) await db.run(ingestTableDDL(connector, table));
  }
}

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const { db, connectors } = opts;
  await createIngestSchema(db, connectors);
  const found = await discover(opts.sourcesDir, connectors, opts.years);
  const result: IngestResult = { files: [], failures: [], warnings: found.warnings, years: found.years, sourcesDir: opts.sourcesDir };
  for (const w of found.warnings) {
    opts.onEvent?.({ type: 'warning', source: w.source, file: w.file, message: w.message });
    await insertWarning(db, w.source, null, w.file, w.finding);
  }
  // A source's year is independent of every other (a reference stays within its source and
  // year): several at a time, each on its own connection and work database, so that DuckDB works
  // on some while JavaScript reads files for others. Results keep source and year order.
  const units = connectors.flatMap((connector) => (found.years.get(connector.id) ?? []).map((year) => ({ connector, year })))
    .filter(({ connector, year }) => !opts.only || opts.only.has(`${connector.id}|${year}`));
  // The units running at once keep the cores busy: DuckDB's threads are shared out among them
  // (district bench on 2 cores: about a quarter less CPU time with one thread per unit).
  const done = await db.withThreadsShared(Math.min(UNITS_AT_ONCE, units.length), () => mapConcurrently(units, UNITS_AT_ONCE, async ({ connector, year }) => {
    const files: FileReport[] = [];
    const own = await db.fork();
    // Work tables live in an in-memory database beside the warehouse file: nothing of them is written to disk.
    const work = `_ingest_work_${connector.id.replaceAll('-', '_')}_${year}`;
    await own.run(`ATTACH IF NOT EXISTS ':memory:' AS ${work}`);
    try {
      for (const table of connector.tables) {
        const mine = found.files.filter((f) => f.source === connector.id && f.year === year && f.table === table.name);
        if (mine.length > 0) files.push(...(await ingestTable({ ...opts, db: own }, work, connector, table, year, mine, units.length === 1)));
      }
      return { files };
    } catch (error) {
      if (!(error instanceof SourceFileError)) throw error;
      opts.onEvent?.({ type: 'failed', source: connector.id, message: error.message });
      return { files, failure: { source: connector.id, message: error.message } };
    } finally {
      await own.run(`DETACH DATABASE IF EXISTS ${work}`);
      own.close();
    }
  }));
  for (const r of done) {
    result.files.push(...r.files);
    if (r.failure) result.failures.push(r.failure);
  }
  return result;
}

const UNITS_AT_ONCE = 4;

/** fn over items, at most `limit` at a time; results in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `alone`: this source-year is the only one being ingested (its parsed cells are then a view, LoadTableArgs). */
async function ingestTable(opts: IngestOptions, workDb: string, connector: Connector, table: TableSpec, year: number, files: DiscoveredFile[], alone: boolean): Promise<FileReport[]> {
  const { db } = opts;
  const work = await createWorkTable(db, `${workDb}.raw`, Object.keys(table.columns));
  const reports: FileReport[] = [];
  const fileNames = new Map<number, string>();
  const present = new Map<number, string[]>();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  for (const [idx, f] of files.entries()) {
    if (f.refused) throw new SourceFileError(f.file, f.refused);
    // Each file is streamed: a CSV is scanned once (hashing it) and then read by DuckDB or
    // streamed again through the JavaScript reader; a workbook is hashed, then read.
    const scan = f.format === 'csv' ? await scanCsv(f.path, f.file, limits) : undefined;
    const sha256 = scan?.sha256 ?? (await hashFile(f.path));
    const fast = scan && opts.fastCsv !== false ? await tryFastCsv(db, workDb, idx, f, table, scan) : undefined;
    const read = fast ?? (await streamTableFile(f.path, f.file, f.format, table, (rows) => work.append(idx, rows), { limits, ...(scan && { scan }) }));
    fileNames.set(idx, f.file);
    present.set(idx, read.present);
    reports.push({
      source: connector.id, table: table.name, year, file: f.file,
      sha256,
      rowsRead: read.rows, rowsLoaded: 0, rowsQuarantined: 0, rowsSkipped: 0,
      findings: read.warnings, warnings: [], notes: read.notes,
    });
    opts.onEvent?.({ type: 'file', source: connector.id, file: f.file, rows: read.rows });
  }
  const { perFile } = await loadTable({ db, work: workDb, connector, table, year, raw: `${workDb}.raw`, files: fileNames, present, hashKey: opts.hashKey, cellsAsView: alone });
  const loadedByFile = new Map(
    (await db.all<{ file: string; n: number }>(
      `SELECT source_file AS file, count(*) AS n FROM ingest.${q(connector.warehouseTable(table.name))} WHERE year = ? GROUP BY 1`, [year],
    )).map((r) => [r.file, r.n]),
  );
  for (const [idx, report] of reports.entries()) {
    const counts = perFile.get(idx);
    if (!counts) continue;
    report.rowsLoaded = loadedByFile.get(report.file) ?? 0;
    report.rowsQuarantined = counts.quarantined;
    report.rowsSkipped = counts.skipped;
    report.findings.push(...counts.warnings);
    report.warnings = report.findings.map((f) => render(f, 'en'));
    if (report.rowsRead !== report.rowsLoaded + report.rowsQuarantined + report.rowsSkipped) {
      throw new Error(`${report.file} does not reconcile: read ${report.rowsRead} ≠ loaded ${report.rowsLoaded} + quarantined ${report.rowsQuarantined} + skipped ${report.rowsSkipped}`);
    }
    await db.run(`INSERT INTO ingest.files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::VARCHAR[])`, [
      report.source, report.table, year, report.file, report.sha256,
      report.rowsRead, report.rowsLoaded, report.rowsQuarantined, report.rowsSkipped, JSON.stringify(report.warnings),
    ]);
    for (const f of report.findings) await insertWarning(db, report.source, year, report.file, f);
  }
  const totals = reports.reduce((t, r) => ({ loaded: t.loaded + r.rowsLoaded, quarantined: t.quarantined + r.rowsQuarantined }), { loaded: 0, quarantined: 0 });
  opts.onEvent?.({ type: 'table', source: connector.id, table: table.name, year, ...totals });
  return reports;
}

/** DuckDB's read_csv where it applies; any surprise sends the file to the JavaScript reader. */
async function tryFastCsv(db: Db, workDb: string, idx: number, f: DiscoveredFile, table: TableSpec, scan: CsvScan) {
  try {
    return await loadCsvFast(db, { catalog: workDb, table: 'raw' }, idx, f.path, f.file, table, scan);
  } catch {
    await db.run(`DELETE FROM ${workDb}.raw WHERE file_idx = ${idx}`);
    return undefined;
  }
}

/** A warning stored as its code and parameters, with its English wording in `message`. */
async function insertWarning(db: Db, source: string, year: number | null, file: string, f: Finding): Promise<void> {
  await db.run(`INSERT INTO ingest.warnings (source, year, file, code, message, params) VALUES (?, ?, ?, ?, ?, ?)`, [
    source, year, file, f.code, render(f, 'en'), JSON.stringify(f.params),
  ]);
}
