// Writes the PUBLIC database the site's sources read: suppressed indicator values and
// aggregate data-quality tables, nothing else. The warehouse is attached read-only; no table of
// it is copied whole except the small aggregate marts, and quarantine values never leave it.
// What each group of tables holds is written by its own module: public-indicators.ts (catalog,
// scorecard), public-geographies.ts (communes, reorganisation), public-quality.ts (data quality).
import { catalogRows, type CatalogRow } from '@dtts/indicators';
import { Db, quoteIdent, quoteLiteral } from '@dtts/db';
import { type GeographyRow, MART_COLUMNS } from '@dtts/warehouse';
import { formatDateTimeVn, isCount, isPercent } from './format.ts';
import { isMinority } from './labels.ts';
import { columnsOf, fillEmptyTables, hasTable, typesOf, writeTable } from './public-db.ts';
import { type Reorganised, writeGeographies } from './public-geographies.ts';
import { writeIndicators } from './public-indicators.ts';
import { writeDataQuality } from './public-quality.ts';
import { matrices, REORGANISED_IN, reportYears, trends } from './public-tables.ts';
import { headlineShare, publicValues, type PublicValueRow, type SuppressionContext, type ValueRow } from './public-values.ts';
import { readRows } from './read-rows.ts';
import { readSourceLabels, type SourceLabels } from './source-labels.ts';
import { writeChanges } from './public-changes.ts';
import { planPeriodNote, type PlanSpan, type PlanTargetText } from './plan-note.ts';
import type { PatternCacheFiles } from './pattern-cache.ts';

export { scrubText } from './public-quality.ts';
export { reusedCodeNote, type Reorganised } from './public-geographies.ts';

export interface RunInfo {
  runId: string;
  builtAt: string;
  sourcesDir: string;
  manifestPath: string;
  /** The previous run's suppression patterns, and where this run's go (pattern-cache.ts); none without. */
  patternCache?: PatternCacheFiles;
  /** Threads deciding the years' suppression patterns at once (default 1: this thread alone). */
  workers?: number;
}

export interface PublicData {
  rows: PublicValueRow[];
  catalog: CatalogRow[];
  geoNames: Map<string, string>;
  ethnicNames: Map<string, string>;
  latestYear: number;
  /** Sources' Vietnamese names and reference days (ref.sources, from the connector declarations). */
  sources: SourceLabels;
  /** The 2025 communes, with the former units each is made of that were outside Bảo Yên in 2020. */
  reorganisation: Reorganised[];
  /** Commune-level DTTS both-sex values no primary rule hides, and how many of them are shown. */
  headline: { eligible: number; shown: number };
  /** When the latest year is past a plan's target year: which targets judge it ('' otherwise). */
  planNote: string;
  /** Every plan's targets in its own words (the 2021–2025 plan's and later plan files'). */
  planTargets: PlanTargetText[];
}

/** Indicators of schools, villages, communes, organisations and activities (the catalog's `counts: 'units'`): public facts, never suppressed. */
export const NOT_ABOUT_PERSONS = new Set(catalogRows.filter((c) => c.has_source && !c.about_persons).map((c) => c.indicator_id));

/** A target set from the previous year's value (a count falling by more than 30% a year: 70% of last year's). */
export const targetFromPreviousYear = (c: CatalogRow): boolean => c.target_needs_previous_year;

async function readValues(db: Db, wh: string): Promise<ValueRow[]> {
  const cols = new Set((await columnsOf(db, 'marts', 'indicator_values', wh)).map((c) => c.name));
  const opt = (c: string, type: string) => (cols.has(c) ? `cast(${c} as ${type}) as ${c}` : `cast(null as ${type}) as ${c}`);
  return readRows<ValueRow>(db, `
    select indicator_id, cast(year as integer) as year, geo_level, geo_code, ethnic_group, sex,
      cast(numerator as double) as numerator, cast(denominator as double) as denominator, cast(value as double) as value,
      cast(target as double) as target, status, cast(flags as varchar) as flags,
      ${opt('baseline_value', 'double')}, ${opt('change_vs_baseline', 'double')}, ${opt('geo_name', 'varchar')}, ${opt('ethnic_name', 'varchar')},
      ${opt('plan_id', 'varchar')}, ${opt('baseline_year', 'integer')}, ${opt('target_year', 'integer')}
    from ${quoteIdent(wh)}.marts.indicator_values`, 'indicator_id, year, geo_level, geo_code, ethnic_group, sex');
}

/** marts.geographies as the warehouse types it (GeographyRow), with each 2020 commune's 2025 commune. */
async function readParents(db: Db, wh: string): Promise<{ parentOf: Map<string, string>; geos: GeographyRow[] }> {
  if (!(await hasTable(db, 'marts', 'geographies', wh))) return { parentOf: new Map(), geos: [] };
  const geos = await db.all<GeographyRow>(`select ${MART_COLUMNS['marts.geographies'].map(quoteIdent).join(', ')}
    from ${quoteIdent(wh)}.marts.geographies order by geo_level, geo_code`);
  const parentOf = new Map<string, string>();
  for (const g of geos) if (g.geo_level === 'commune_2020' && g.parent_2025_code !== null) parentOf.set(g.geo_code, g.parent_2025_code);
  return { parentOf, geos };
}

/** What the Excel appendix needs: the public numbers and their names, without the site's tables. */
export type PublicNumbers = Pick<PublicData, 'rows' | 'catalog' | 'geoNames' | 'ethnicNames' | 'latestYear' | 'sources' | 'headline' | 'planNote' | 'planTargets'>;

interface Read extends PublicNumbers {
  geos: GeographyRow[];
}

/**
 * Reads the warehouse seen by `db` as the catalog `wh` (attached read-only, or the database itself)
 * and decides the public numbers: suppression, then the last line of defence (the pattern must
 * leave no suppressed cell recoverable), then names. `where` names the warehouse in errors.
 */
async function readPublicNumbers(db: Db, where: string, run?: Pick<RunInfo, 'patternCache' | 'workers'>, wh = 'wh'): Promise<Read> {
  if (!(await hasTable(db, 'marts', 'indicator_values', wh))) throw new Error(`${where}: no table marts.indicator_values`);
  const raw = await readValues(db, wh);
  const { parentOf, geos } = await readParents(db, wh);
  const sources = await readSourceLabels(db, wh);
  const catalog = catalogRows;
  const catById = new Set(catalog.map((c) => c.indicator_id));
  const unknown = [...new Set(raw.map((r) => r.indicator_id))].filter((id) => !catById.has(id));
  if (unknown.length) throw new Error(`marts.indicator_values: indicators not in the catalog: ${unknown.join(', ')}`);

  const ctx: SuppressionContext = {
    parentOf,
    // A rate's or a count's numerator counts persons; income's is a sum of VND.
    nonCountNumerators: new Set(catalog.filter((c) => !isPercent(c.unit) && !isCount(c.unit)).map((c) => c.indicator_id)),
    baselineTargets: new Set(catalog.filter((c) => c.target_needs_baseline).map((c) => c.indicator_id)),
    previousYearTargets: new Set(catalog.filter(targetFromPreviousYear).map((c) => c.indicator_id)),
    notAboutPersons: NOT_ABOUT_PERSONS,
  };
  const rows = await publicValues(raw, ctx, run?.patternCache, run?.workers);
  const geoNames = new Map<string, string>();
  for (const g of geos) if (typeof g.name === 'string') geoNames.set(`${g.geo_level}|${g.geo_code}`, g.name);
  for (const r of raw) if (r.geo_name && !geoNames.has(`${r.geo_level}|${r.geo_code}`)) geoNames.set(`${r.geo_level}|${r.geo_code}`, r.geo_name);
  const ethnicNames = new Map<string, string>([['ALL', 'Chung (mọi dân tộc)'], ['DTTS', 'Dân tộc thiểu số']]);
  for (const r of raw) if (r.ethnic_name && !ethnicNames.has(r.ethnic_group)) ethnicNames.set(r.ethnic_group, r.ethnic_name);
  // (a loop, not Math.max(...rows): a province's rows are more than a call's arguments may be)
  const latestYear = raw.reduce((latest, r) => Math.max(latest, r.year), -Infinity);
  const planTargets = (await hasTable(db, 'ref', 'plan_targets', wh))
    ? await db.all<PlanTargetText>(`select plan_id, plan_name_vi, cast(baseline_year as integer) as baseline_year, cast(target_year as integer) as target_year,
        indicator_id, target_text_vi from ${quoteIdent(wh)}.ref.plan_targets order by target_year, plan_id, indicator_id`)
    : [];
  const spans = new Map<string, PlanSpan>(planTargets.map((t) => [t.plan_id, { plan_id: t.plan_id, plan_name_vi: t.plan_name_vi, baseline_year: t.baseline_year, target_year: t.target_year }]));
  const planNote = planPeriodNote(latestYear, [...spans.values()]);
  const headline = headlineShare(rows, NOT_ABOUT_PERSONS);
  return { rows, catalog, geoNames, ethnicNames, latestYear, sources, headline, planNote, planTargets, geos };
}

/** The public numbers of a warehouse, for the Excel appendix of a run without the site. */
export async function readPublicData(warehousePath: string, run?: Pick<RunInfo, 'patternCache' | 'workers'>): Promise<PublicNumbers> {
  const db = await Db.open(':memory:');
  try {
    await db.run(`attach ${quoteLiteral(warehousePath)} as wh (read_only)`);
    const { geos: _, ...numbers } = await readPublicNumbers(db, warehousePath, run);
    return numbers;
  } finally {
    db.close();
  }
}

/**
 * The same numbers read through a connection of the warehouse itself (`catalog`: its database name),
 * for the pipeline, which reads them on a second connection while the exports are written.
 */
export async function readPublicDataFrom(db: Db, catalog: string, run?: Pick<RunInfo, 'patternCache' | 'workers'>): Promise<PublicNumbers> {
  const { geos: _, ...numbers } = await readPublicNumbers(db, `the warehouse (${catalog})`, run, catalog);
  return numbers;
}

export async function writePublicData(warehousePath: string, publicPath: string, workDir: string, run: RunInfo): Promise<PublicData> {
  const db = await Db.open(publicPath);
  try {
    await db.run(`attach ${quoteLiteral(warehousePath)} as wh (read_only)`);
    const { rows, catalog, geoNames, ethnicNames, latestYear, sources, headline, planNote, planTargets, geos } = await readPublicNumbers(db, warehousePath, run);
    // Every public value as a table of its own is not written: no page queries one (the pages read the
    // matrices and trends below), and it cost ≈ 2 s of every build (BENCHMARKS.md). The numbers the
    // site shows are the `rows` returned here, which the appendix and the tests read.
    const names = { geo: geoNames, ethnic: ethnicNames };
    const matrixRows = matrices(rows, catalog, names, sources);
    await writeTable(db, workDir, 'matrix', { ...typesOf(matrixRows[0] ?? {}), row_order: 'INTEGER', link: 'VARCHAR' }, matrixRows);
    const trendRows = trends(rows, catalog, ethnicNames);
    await writeTable(db, workDir, 'trend', { page: 'VARCHAR', page_key: 'VARCHAR', year: 'INTEGER', year_label: 'VARCHAR', series: 'VARCHAR', series_order: 'INTEGER', value: 'DOUBLE' }, trendRows);

    await writeIndicators(db, workDir, rows, catalog, latestYear, sources, planTargets);
    const reorganisation = await writeGeographies(db, workDir, rows, geos, geoNames);
    const groups = [...ethnicNames].filter(([c]) => c !== 'ALL' && c !== 'DTTS' && rows.some((r) => r.ethnic_group === c)).sort(([a], [b]) => a.localeCompare(b));
    await writeTable(db, workDir, 'ethnic_groups', { code: 'VARCHAR', name: 'VARCHAR', minority: 'VARCHAR', link: 'VARCHAR' },
      groups.map(([code, name]) => ({ code, name, minority: isMinority(code) ? 'Có' : 'Không', link: `/dan-toc/${code}` })));
    await writeDataQuality(db, workDir, rows, catalog, sources, headline);
    await writeChanges(db, (name, columns, list) => writeTable(db, workDir, name, columns, list), rows, catalog, (schema, table) => hasTable(db, schema, table), sources);
    // The years' columns of the pages' tables: the plan's period and every later year with values.
    const years = reportYears(rows);
    await writeTable(db, workDir, 'years', { year: 'INTEGER', col: 'VARCHAR', label: 'VARCHAR', before_reorganisation: 'BOOLEAN' },
      years.map((year) => ({ year, col: `y${year}`, label: String(year), before_reorganisation: year < REORGANISED_IN })));
    await writeTable(db, workDir, 'run_info', { run_id: 'VARCHAR', built_at: 'VARCHAR', latest_year: 'VARCHAR', period_label: 'VARCHAR', manifest: 'VARCHAR', plan_note: 'VARCHAR' }, [{
      run_id: run.runId, built_at: formatDateTimeVn(run.builtAt), latest_year: String(latestYear), period_label: `${years[0]}–${years.at(-1)}`,
      manifest: run.manifestPath.split(/[\\/]/).pop() ?? '', plan_note: planNote,
    }]);
    await db.run('detach wh');
    await fillEmptyTables(db);
    return { rows, catalog, geoNames, ethnicNames, latestYear, sources, reorganisation, headline, planNote, planTargets };
  } finally {
    db.close();
  }
}
