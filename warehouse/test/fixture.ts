// Given/expect helpers: an in-memory warehouse with the contract's ingest tables, a few rows
// written as SQL literals, one full build, and a lookup of one indicator row.
import { census } from '@dtts/connector-census';
import { healthInsurance } from '@dtts/connector-health-insurance';
import { poverty } from '@dtts/connector-poverty';
import { school } from '@dtts/connector-school';
import { Db } from '@dtts/db';
import type { PlanTarget } from '@dtts/indicators';
import { buildWarehouse, ensureIngestTables, loadReference, type BuildResult } from '../src/index.ts';

/** The four sources the warehouse's own models read. */
export const connectors = [census, school, healthInsurance, poverty];

export interface Built {
  db: Db;
  result: BuildResult;
}

export async function buildWith(givenSql: string, plans?: readonly PlanTarget[]): Promise<Built> {
  const db = await Db.open(':memory:');
  await ensureIngestTables(db, connectors);
  await loadReference(db);
  if (givenSql.trim() !== '') await db.exec(givenSql);
  const result = await buildWarehouse(db, { connectors, ...(plans && { plans }) });
  return { db, result };
}

export interface IndicatorRow {
  indicator_id: string;
  year: number;
  geo_level: string;
  geo_code: string;
  ethnic_group: string;
  sex: string;
  numerator: number;
  denominator: number;
  value: number;
  target: number | null;
  status: string;
  flags: string | null;
  baseline_value: number | null;
  change_vs_baseline: number | null;
}

export interface Grain {
  year: number;
  geo?: string;
  level?: 'area' | 'commune_2025' | 'commune_2020';
  ethnic?: string;
  sex?: string;
}

function where(id: string, g: Grain): string {
  const level = g.level ?? (g.geo === undefined || g.geo === 'BAO_YEN' ? 'area' : 'commune_2020');
  return `indicator_id = '${id}' and year = ${g.year} and geo_level = '${level}' and geo_code = '${g.geo ?? 'BAO_YEN'}'
    and ethnic_group = '${g.ethnic ?? 'ALL'}' and sex = '${g.sex ?? 'ALL'}'`;
}

/** The row at that grain, or undefined when there is none. */
export async function row(db: Db, id: string, g: Grain): Promise<IndicatorRow | undefined> {
  return db.one<IndicatorRow>(`select * from marts.indicator_values where ${where(id, g)}`);
}

/** numerator / denominator / value of the row at that grain (fails the test when there is none). */
export async function ndv(db: Db, id: string, g: Grain): Promise<[number, number, number]> {
  const r = await row(db, id, g);
  if (!r) throw new Error(`no row for ${id} ${JSON.stringify(g)}`);
  return [r.numerator, r.denominator, Number(r.value.toFixed(4))];
}

export function pct(numerator: number, denominator: number): number {
  return Number(((100 * numerator) / denominator).toFixed(4));
}
