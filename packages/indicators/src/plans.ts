// Plans and their targets. The plan the catalog quotes (2021–2025, baseline 2020) comes from the
// catalog entries themselves; a later plan (say 2026–2030, baseline 2025) is a CSV file in
// packages/indicators/plans/ (or a folder given to the pipeline) that an analyst edits: one row per
// target, keyed by indicator id. Both meet here, once: `planTargets()` is what the warehouse loads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@dtts/reference';
import { z } from 'zod';
import { catalog } from './catalog.ts';
import { targetNumber } from './flat.ts';
import type { Target, TargetKind } from './types.ts';

/** The folder of plan files shipped with the package (an analyst adds files here). */
export const PLANS_DIR: string = fileURLToPath(new URL('../plans/', import.meta.url));

export interface PlanTarget {
  planId: string;
  planNameVi: string;
  baselineYear: number;
  targetYear: number;
  indicatorId: string;
  target: Target;
}

export const CATALOG_PLAN = {
  id: 'KH-2021-2025',
  nameVi: 'Kế hoạch thực hiện Chỉ thị 28-CT/TU giai đoạn 2021–2025',
} as const;

export const PLAN_COLUMNS = ['plan_id', 'plan_name_vi', 'baseline_year', 'target_year', 'indicator_id', 'target_kind', 'target_value', 'target_text_vi'] as const;

const KINDS = ['at_least', 'more_than', 'less_than', 'exactly_100', 'none_remaining', 'double_baseline',
  'yearly_decrease_points', 'yearly_decrease_percent', 'count_per_year_at_least', 'count_per_commune_at_least', 'done_yearly', 'no_target'] as const satisfies readonly TargetKind[];

const year = z.coerce.number().int().min(2000).max(2100);
const rowSchema = z.object({
  plan_id: z.string().trim().min(1, 'plan_id is empty'),
  plan_name_vi: z.string().trim().min(1, 'plan_name_vi is empty'),
  baseline_year: year,
  target_year: year,
  indicator_id: z.string().trim().refine((id) => catalog.some((c) => c.id === id), { error: (iss) => `indicator_id "${String(iss.input)}" is not in the catalog` }),
  target_kind: z.enum(KINDS, { error: (i) => `target_kind "${String(i.input)}" is not one of ${KINDS.join(', ')}` }),
  target_value: z.string().trim().transform((v) => (v === '' ? null : Number(v.replace(',', '.')))).refine((v) => v === null || Number.isFinite(v), 'target_value is not a number'),
  target_text_vi: z.string().trim().min(1, 'target_text_vi is empty (quote the plan)'),
}).refine((r) => r.target_year > r.baseline_year, 'target_year must be after baseline_year')
  .refine((r) => ['done_yearly', 'no_target', 'exactly_100', 'none_remaining'].includes(r.target_kind) || r.target_value !== null, 'this target_kind needs a target_value');

export class PlanFileError extends Error {}

function toTarget(kind: (typeof KINDS)[number], value: number | null, textVi: string): Target {
  switch (kind) {
    case 'exactly_100': return { kind, value: 100, textVi };
    case 'none_remaining': return { kind, value: 0, textVi };
    case 'double_baseline': return { kind, factor: 2, textVi };
    case 'yearly_decrease_points': return { kind, points: value!, textVi };
    case 'yearly_decrease_percent': return { kind, percent: value!, textVi };
    case 'count_per_year_at_least':
    case 'count_per_commune_at_least': return { kind, value: value!, textVi };
    case 'done_yearly':
    case 'no_target': return { kind, textVi };
    default: return { kind, value: value!, textVi };
  }
}

/** One plan file: every row checked, every problem named with its line; nothing half-read. */
export function readPlanFile(path: string): PlanTarget[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PlanFileError(`${path}: ${(error as Error).message.replace(/^reference CSV /, '')}`);
  }
  const missing = PLAN_COLUMNS.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length) throw new PlanFileError(`${path}: missing column(s) ${missing.join(', ')} (expected ${PLAN_COLUMNS.join(', ')})`);
  const problems: string[] = [];
  const targets: PlanTarget[] = [];
  rows.forEach((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    // Line numbers as a spreadsheet shows them: the header is line 1 (comment lines aside).
    if (!parsed.success) return problems.push(`line ${i + 2}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    const r = parsed.data;
    if (r.target_kind === 'double_baseline' && r.target_value !== null && r.target_value !== 2) return problems.push(`line ${i + 2}: double_baseline means 2 × the baseline (target_value 2 or empty)`);
    targets.push({ planId: r.plan_id, planNameVi: r.plan_name_vi, baselineYear: r.baseline_year, targetYear: r.target_year, indicatorId: r.indicator_id, target: toTarget(r.target_kind, r.target_value, r.target_text_vi) });
  });
  if (problems.length) throw new PlanFileError(`${path}:\n  ${problems.join('\n  ')}`);
  return targets;
}

/** The catalog's plan, then every `*.csv` in each folder (file name order); a plan's years must agree and each target appear once. */
export function planTargets(dirs: readonly string[] = [PLANS_DIR]): PlanTarget[] {
  const fromCatalog: PlanTarget[] = catalog.map((c) => ({
    planId: CATALOG_PLAN.id, planNameVi: CATALOG_PLAN.nameVi, baselineYear: c.baselineYear, targetYear: c.targetYear, indicatorId: c.id, target: c.target,
  }));
  const fromFiles = dirs.filter((d) => existsSync(d)).flatMap((d) =>
    readdirSync(d).filter((f) => f.toLowerCase().endsWith('.csv')).sort().flatMap((f) => readPlanFile(join(d, f))));
  const all = [...fromCatalog, ...fromFiles];
  const seen = new Set<string>();
  const years = new Map<string, string>();
  for (const t of all) {
    const k = `${t.planId}|${t.indicatorId}`;
    if (seen.has(k)) throw new PlanFileError(`plan ${t.planId}: indicator ${t.indicatorId} has more than one target`);
    seen.add(k);
    const span = `${t.baselineYear}–${t.targetYear}`;
    if ((years.get(t.planId) ?? span) !== span) throw new PlanFileError(`plan ${t.planId}: rows disagree on its years (${years.get(t.planId)} and ${span})`);
    years.set(t.planId, span);
  }
  return all;
}

/** Flat rows for ref.plan_targets. */
export function planTargetRows(targets: readonly PlanTarget[]) {
  return targets.map((t) => ({
    plan_id: t.planId, plan_name_vi: t.planNameVi, baseline_year: t.baselineYear, target_year: t.targetYear, indicator_id: t.indicatorId,
    target_kind: t.target.kind, target_value: targetNumber(t.target), target_text_vi: t.target.textVi,
  }));
}
