// Schema `ref`: the bundled reference data (@dtts/reference) and the indicator catalog (@dtts/indicators),
// loaded from their typed exports so the warehouse and the TypeScript code read the same rows.
import { type Db, quoteLiteral } from '@dtts/db';
import { type Connector, describeConnector } from '@dtts/ingest-core';
import { catalogRows, planTargetRows, planTargets, TARGET_KINDS, type PlanTarget } from '@dtts/indicators';
import { communeUnits, crosswalk2025, ethnicGroups } from '@dtts/reference';

type Cell = string | number | boolean | null;

function literal(value: Cell): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteLiteral(value);
  return String(value);
}

async function replaceTable(db: Db, name: string, columns: string, rows: Cell[][]): Promise<void> {
  await db.run(`create or replace table ${name} (${columns})`);
  if (rows.length === 0) return;
  const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');
  await db.run(`insert into ${name} values ${values}`);
}

/** ref.communes (frames 2020 and 2025 only, as the contract says), ref.crosswalk_2025, ref.ethnic_groups, ref.indicators, ref.plan_targets. */
export async function loadReference(db: Db, plans?: readonly PlanTarget[]): Promise<void> {
  await db.run('create schema if not exists ref');
  await replaceTable(db, 'ref.communes',
    'code VARCHAR, name VARCHAR, name_short VARCHAR, frame VARCHAR, valid_from DATE, valid_to DATE',
    communeUnits.filter((u) => u.frame === '2020' || u.frame === '2025')
      .map((u) => [u.code, u.name, u.nameShort, u.frame, u.validFrom, u.validTo]));
  await replaceTable(db, 'ref.crosswalk_2025',
    'old_code VARCHAR, old_name VARCHAR, new_code VARCHAR, new_name VARCHAR, in_bao_yen_2020 BOOLEAN',
    crosswalk2025.map((c) => [c.oldCode, c.oldName, c.newCode, c.newName, c.inBaoYen2020]));
  await replaceTable(db, 'ref.ethnic_groups',
    'code VARCHAR, name_vi VARCHAR, name_ascii VARCHAR, is_minority BOOLEAN',
    ethnicGroups.map((g) => [g.code, g.name, g.nameAscii, g.isMinority]));
  await loadIndicatorCatalog(db, plans);
}

/**
 * ref.indicators: one row per catalog entry, computed or waiting for a source; ref.plan_targets: one
 * row per plan and target (the catalog's plan and the plan files, @dtts/indicators `planTargets`).
 */
export async function loadIndicatorCatalog(db: Db, plans: readonly PlanTarget[] = planTargets()): Promise<void> {
  await db.run('create schema if not exists ref');
  await replaceTable(db, 'ref.indicators',
    `indicator_id VARCHAR, sort_order INTEGER, clause VARCHAR, name_vi VARCHAR, name_en VARCHAR, unit VARCHAR,
     direction VARCHAR, value_factor DOUBLE, numerator_text VARCHAR, denominator_text VARCHAR, target_kind VARCHAR,
     target_value DOUBLE, target_text_vi VARCHAR, target_year INTEGER, baseline_year INTEGER, change_vs_baseline VARCHAR,
     method_break_after_year INTEGER, method_note VARCHAR, disaggregations VARCHAR, source VARCHAR, reference_date VARCHAR,
     has_source BOOLEAN, numerator_text_vi VARCHAR, denominator_text_vi VARCHAR, target_level VARCHAR, target_comparison VARCHAR,
     target_yearly_points BOOLEAN, target_needs_baseline BOOLEAN, about_persons BOOLEAN`,
    catalogRows.map((r) => [r.indicator_id, r.sort_order, r.clause, r.name_vi, r.name_en, r.unit, r.direction, r.value_factor,
      r.numerator_text, r.denominator_text, r.target_kind, r.target_value, r.target_text_vi, r.target_year, r.baseline_year,
      r.change_vs_baseline, r.method_break_after_year, r.method_note, r.disaggregations, r.source, r.reference_date, r.has_source,
      r.numerator_text_vi, r.denominator_text_vi, r.target_level, r.target_comparison, r.target_yearly_points, r.target_needs_baseline,
      r.about_persons]));
  await replaceTable(db, 'ref.plan_targets',
    `plan_id VARCHAR, plan_name_vi VARCHAR, baseline_year INTEGER, target_year INTEGER, indicator_id VARCHAR, target_kind VARCHAR,
     target_value DOUBLE, target_text_vi VARCHAR`,
    planTargetRows(plans).map((r) => [r.plan_id, r.plan_name_vi, r.baseline_year, r.target_year, r.indicator_id, r.target_kind, r.target_value, r.target_text_vi]));
  await replaceTable(db, 'ref.target_kinds',
    'target_kind VARCHAR, target_level VARCHAR, target_comparison VARCHAR, target_yearly_points BOOLEAN, target_needs_baseline BOOLEAN',
    Object.entries(TARGET_KINDS).map(([kind, m]) => [kind, m.level, m.comparison, m.yearlyPoints, m.needsBaseline]));
}

/**
 * ref.sources and ref.source_columns: each source's Vietnamese names and reference day, each loaded
 * column's Vietnamese label and type, read from the connector declarations so the reports can
 * label sources and columns without a copy of their own.
 */
export async function loadSourceCatalog(db: Db, connectors: readonly Connector[]): Promise<void> {
  await db.run('create schema if not exists ref');
  const day = (c: Connector) => c.referenceDate(2001).slice(5);
  const offset = (c: Connector) => Number(c.referenceDate(2001).slice(0, 4)) - 2001;
  await replaceTable(db, 'ref.sources',
    'source VARCHAR, sort_order INTEGER, title_vi VARCHAR, short_title_vi VARCHAR, owner_vi VARCHAR, reference_month_day VARCHAR, reference_year_offset INTEGER',
    connectors.map((c, i) => [c.id, i + 1, c.title, c.shortTitle ?? c.title, c.owner, day(c), offset(c)]));
  await replaceTable(db, 'ref.source_columns',
    'source VARCHAR, table_name VARCHAR, column_name VARCHAR, sort_order INTEGER, label_vi VARCHAR, description VARCHAR, sql_type VARCHAR, required BOOLEAN, is_key BOOLEAN',
    connectors.flatMap((c) => describeConnector(c).flatMap((t) =>
      t.columns.map((col, i) => [c.id, t.table, col.name, i + 1, col.label, col.description, col.sqlType, col.required, t.key.includes(col.name)]))));
}
