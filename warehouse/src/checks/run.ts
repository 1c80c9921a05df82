// Runs the checks and stores their results in marts.dq_check_results. A check that cannot run is
// itself an error result, never an exception: the caller decides what fails the run.
import { type Db, quoteLiteral } from '@dtts/db';
import { render } from '@dtts/messages';
import { type Check, type Severity } from './builders.ts';

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

const SAMPLE_SIZE = 5;

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
    return {
      ...base, severity: 'error', failing: 1,
      description: `${description} — the check could not run: ${(error as Error).message.split('\n')[0]}`,
      sampleKeys: [],
    };
  }
}

export async function runChecks(db: Db, checks: Check[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runOne(db, check));
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
  return results;
}
