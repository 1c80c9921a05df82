// The analyst's safety nets, run on the ingested data before anything is computed from it:
// a file that is mostly wrong fails its source; a file that looks like another year's is reported.
import { basename } from 'node:path';
import { type Db, quoteIdent } from '@dtts/db';
import type { Connector } from '@dtts/ingest-core';
import type { RunManifest } from './manifest.ts';

export interface BadFileLimits {
  /** A file fails when more than this share (0–1) of its rows is quarantined … */
  maxShare: number;
  /** … and more than this many rows: one bad row in a 13-row commune file is not a broken file. */
  maxRows: number;
}

export const DEFAULT_BAD_FILE_LIMITS: BadFileLimits = { maxShare: 0.05, maxRows: 10 };

export interface BadFile {
  source: string;
  file: string;
  read: number;
  quarantined: number;
  /** `example`: one value the reason was given for (masked where personal, as in the quarantine). */
  topReasons: { reason: string; rows: number; example: string | null }[];
}

/** Files with both more than `maxShare` of their rows and more than `maxRows` rows quarantined. */
export async function findBadFiles(db: Db, files: RunManifest['files'], limits: BadFileLimits): Promise<BadFile[]> {
  const bad: BadFile[] = [];
  for (const f of files) {
    const considered = f.rows.read - f.rows.skipped;
    if (f.rows.quarantined <= limits.maxRows || f.rows.quarantined <= limits.maxShare * considered) continue;
    // A reason no longer quotes the value (it is a code with parameters): the example shows one.
    const reasons = await db.all<{ reason: string; rows: number; example: string | null }>(
      `SELECT reason, count(DISTINCT "row")::INTEGER AS rows, min(value) AS example FROM ingest.quarantine
       WHERE file = ? AND action = 'row_rejected' GROUP BY reason ORDER BY rows DESC, reason LIMIT 3`,
      [f.path],
    );
    bad.push({ source: f.source, file: f.path, read: considered, quarantined: f.rows.quarantined, topReasons: reasons });
  }
  return bad;
}

export function badFileMessage(b: BadFile, limits: BadFileLimits): string {
  const share = ((100 * b.quarantined) / Math.max(1, b.read)).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return (
    `${b.file}: ${b.quarantined} of ${b.read} rows quarantined (${share} %, more than ${limits.maxShare * 100} % and ${limits.maxRows} rows): ` +
    `the file looks broken. Top reasons: ${b.topReasons.map((r) => `${r.reason}${r.example ? `, e.g. "${r.example}"` : ''} (${r.rows})`).join('; ')}. ` +
    `Fix the file, or run with --allow-bad-files to load its good rows anyway.`
  );
}

export interface YearSignal {
  source: string;
  file: string;
  message: string;
}

const YEAR_IN_NAME = /(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])/g;

/**
 * Files that look like another year's: a year in the file's name other than its folder's, or dates
 * most of which stand on the wrong side of the reference date (columns declared with `yearCheck`).
 */
export async function findYearSignals(db: Db, files: RunManifest['files'], connectors: readonly Connector[]): Promise<YearSignal[]> {
  const signals: YearSignal[] = [];
  for (const f of files) {
    const years = [...basename(f.path).matchAll(YEAR_IN_NAME)].map((m) => Number(m[1]));
    const other = years.find((y) => y !== f.year);
    if (other !== undefined && !years.includes(f.year)) {
      signals.push({ source: f.source, file: f.path, message: `${f.path}: its name says ${other}, but it is in the ${f.year} folder` });
    }
  }
  for (const connector of connectors) {
    for (const table of connector.tables) {
      const checked = Object.entries(table.columns).filter(([, c]) => c.yearCheck);
      if (checked.length === 0) continue;
      const wh = `ingest.${quoteIdent(connector.warehouseTable(table.name))}`;
      for (const [column, spec] of checked) {
        const col = quoteIdent(column);
        const breaks = yearCheckSql(spec.yearCheck!, col);
        const rows = await db.all<{ file: string; year: number; broken: number; known: number; latest: string; earliest: string }>(
          `SELECT source_file AS file, year, count(*) FILTER (WHERE ${breaks})::INTEGER AS broken, count(${col})::INTEGER AS known,
                  strftime(max(${col}), '%d/%m/%Y') AS latest, strftime(min(${col}), '%d/%m/%Y') AS earliest
           FROM (SELECT *, make_date(year, 1, 1) AS year_start, make_date(year, 12, 31) AS year_end,
                        ${referenceDateSql(connector)} AS reference_date FROM ${wh})
           GROUP BY ALL HAVING broken > known / 2 ORDER BY file`,
        );
        for (const r of rows) {
          signals.push({
            source: connector.id,
            file: r.file,
            message:
              `${r.file}: ${r.broken} of ${r.known} values of ${column} ${describeBreak(spec.yearCheck!, connector, r.year)} ` +
              `(from ${r.earliest} to ${r.latest}): is it another year's file?`,
          });
        }
      }
    }
  }
  return signals;
}

function yearCheckSql(check: 'not_after' | 'not_before' | 'in_year', col: string): string {
  if (check === 'not_after') return `${col} > reference_date`;
  if (check === 'not_before') return `${col} < reference_date`;
  return `${col} NOT BETWEEN year_start AND year_end`;
}

function describeBreak(check: 'not_after' | 'not_before' | 'in_year', connector: Connector, year: number): string {
  const ref = connector.referenceDate(year).split('-').reverse().join('/');
  if (check === 'not_after') return `are after the reference date ${ref}`;
  if (check === 'not_before') return `are before the reference date ${ref}`;
  return `fall outside ${year}`;
}

/** The connector's reference date of each row's year, as SQL (the declaration is a function of the year). */
function referenceDateSql(connector: Connector): string {
  const probe = connector.referenceDate(2000);
  const [, month, day] = probe.split('-').map(Number) as [number, number, number];
  // Declared as a fixed day of the year for every year (checked here, so a change fails loudly).
  if (connector.referenceDate(2024) !== `2024-${probe.slice(5)}`) {
    throw new Error(`connector ${connector.id}: the reference date is not the same day every year`);
  }
  return `make_date(year, ${month}, ${day})`;
}
