// Runs the checks and stores their results in marts.dq_check_results. A check that cannot run is
// itself an error result, never an exception: the caller decides what fails the run. Given the
// fingerprints of the models just built, a check whose definition and inputs (every model and
// table its SQL names) are unchanged keeps the result it had at the previous build, stored beside
// the results in CHECK_RESULTS_STORE; the others run.
import { createHash } from 'node:crypto';
import { type Db, quoteLiteral } from '@dtts/db';
import { render } from '@dtts/messages';
import { existingTables, FILES_TABLE, type FileKeyedTables, filesOfTables, sourceContents } from '../fingerprints.ts';
import { references } from '../models.ts';
import type { Check, Severity } from './builders.ts';

export interface CheckResult {
  id: string;
  severity: Severity;
  failing: number;
  /** English wording of the check, for engineers; `code` and `params` are the finding it renders. */
  description: string;
  code: string;
  params: string;
  model: string;
  sampleKeys: string[];
}

/** Each check's fingerprint and result at the last build that ran every check, for the next build. */
export const CHECK_RESULTS_STORE = 'main.check_fingerprints';

const SAMPLE_SIZE = 5;

/** A check that could not run is not kept for the next build: its error may have been passing (memory, a lock). */
const couldNotRun = new WeakSet<CheckResult>();

async function runOne(db: Db, check: Check): Promise<CheckResult> {
  const description = render(check.finding, 'en');
  const base = { id: check.id, severity: check.severity, description, code: check.finding.code, params: JSON.stringify(check.finding.params), model: check.model };
  try {
    const row = await db.one<{ failing: number; sample: string[] | null }>(
      `with failing as (${check.sql})
       select count(*) as failing,
              (select list(failing_key order by failing_key) from (select failing_key from failing order by failing_key limit ${SAMPLE_SIZE})) as sample
       from failing`);
    return { ...base, failing: Number(row?.failing ?? 0), sampleKeys: (row?.sample ?? []).map(String) };
  } catch (error) {
    const result: CheckResult = {
      ...base, severity: 'error', failing: 1,
      description: `${description} — the check could not run: ${(error as Error).message.split('\n')[0]}`,
      sampleKeys: [],
    };
    couldNotRun.add(result);
    return result;
  }
}

/**
 * Each check's fingerprint: its definition, its English wording and the fingerprint of every model
 * (`modelFingerprints`, recorded by the runner) or content of every other table its SQL names
 * (ingest.files narrowed to the tables of the check's `filesOf`).
 */
async function checkFingerprints(db: Db, checks: readonly Check[], modelFingerprints: ReadonlyMap<string, string>, fileKeyed?: FileKeyedTables): Promise<Map<string, string>> {
  const refs = new Map(checks.map((c) => {
    const r = references(c.sql);
    return [c.id, [...r.models, ...r.sources]] as const;
  }));
  const others = [...new Set([...refs.values()].flat())].filter((n) => !modelFingerprints.has(n));
  const content = await sourceContents(db, others, await existingTables(db), fileKeyed);
  const inputOf = (c: Check, name: string) =>
    modelFingerprints.get(name)
    ?? (name === FILES_TABLE && c.filesOf ? filesOfTables(content.get(name), c.filesOf)?.whole : undefined)
    ?? content.get(name)?.whole ?? 'absent';
  return new Map(checks.map((c) => [c.id, createHash('sha256')
    .update(JSON.stringify([c.id, c.severity, c.model, c.finding, c.sql, render(c.finding, 'en'), c.filesOf ?? []]))
    .update(refs.get(c.id)!.map((n) => `\0${n}=${inputOf(c, n)}`).join(''))
    .digest('hex')]));
}

async function storedResults(db: Db): Promise<Map<string, { fingerprint: string; result: CheckResult }>> {
  if (!(await existingTables(db)).has(CHECK_RESULTS_STORE)) return new Map();
  const rows = await db.all<{ check_id: string; fingerprint: string; result: string }>(`select check_id, fingerprint, result from ${CHECK_RESULTS_STORE}`);
  return new Map(rows.map((r) => [r.check_id, { fingerprint: r.fingerprint, result: JSON.parse(r.result) as CheckResult }]));
}

export interface RunChecksOptions {
  /** The fingerprint of every model as the runner recorded it for the tables now built; without them every check runs. */
  modelFingerprints?: ReadonlyMap<string, string>;
  /** Told the ids of the checks that kept their previous result. */
  onKept?: (ids: string[]) => void;
  /** Ingest tables keyed by their source-year's files (fingerprints.ts). */
  fileKeyed?: FileKeyedTables;
}

export async function runChecks(db: Db, checks: Check[], opts: RunChecksOptions = {}): Promise<CheckResult[]> {
  const fingerprints = opts.modelFingerprints ? await checkFingerprints(db, checks, opts.modelFingerprints, opts.fileKeyed) : new Map<string, string>();
  const stored = opts.modelFingerprints ? await storedResults(db) : new Map();
  // emptied first: a build that stops among the checks leaves nothing to reuse
  await db.run(`create or replace table ${CHECK_RESULTS_STORE} (check_id VARCHAR, fingerprint VARCHAR, result VARCHAR)`);
  const results: CheckResult[] = [];
  const kept: string[] = [];
  for (const check of checks) {
    const previous = stored.get(check.id);
    if (previous && previous.fingerprint === fingerprints.get(check.id)) {
      results.push(previous.result);
      kept.push(check.id);
    } else {
      results.push(await runOne(db, check));
    }
  }
  opts.onKept?.(kept);
  await db.run(`create schema if not exists marts`);
  await db.run(`create or replace table marts.dq_check_results (
    check_id VARCHAR, severity VARCHAR, description VARCHAR, model VARCHAR,
    failing_rows BIGINT, passed BOOLEAN, sample_failing_keys VARCHAR, code VARCHAR, params VARCHAR)`);
  if (results.length > 0) {
    const values = results.map((r) => `(${[
      quoteLiteral(r.id), quoteLiteral(r.severity), quoteLiteral(r.description), quoteLiteral(r.model),
      String(r.failing), String(r.failing === 0), r.sampleKeys.length ? quoteLiteral(r.sampleKeys.join('; ')) : 'null',
      quoteLiteral(r.code), quoteLiteral(r.params),
    ].join(', ')})`);
    await db.run(`insert into marts.dq_check_results values ${values.join(',\n')}`);
  }
  const keep = checks.map((c, i) => [c, results[i]!] as const).filter(([c, r]) => fingerprints.has(c.id) && !couldNotRun.has(r));
  if (keep.length > 0) {
    await db.run(`insert into ${CHECK_RESULTS_STORE} values ${keep.map(([c, r]) =>
      `(${quoteLiteral(c.id)}, ${quoteLiteral(fingerprints.get(c.id)!)}, ${quoteLiteral(JSON.stringify(r))})`).join(',\n')}`);
  }
  return results;
}
