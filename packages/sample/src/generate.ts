import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { plantBadRows } from './bad-rows.ts';
import { gridRows, layout, SOURCES, type Doc, type Source } from './doc.ts';
import { IGNORED_FILES_YEAR, writeIgnoredFiles } from './ignored-files.ts';
import { buildPopulation } from './model/population.ts';
import { buildSchools } from './model/schools.ts';
import { FIRST_YEAR, LAST_YEAR } from './model/trends.ts';
import { yearData } from './model/year.ts';
import { planYear, planYearCsvOnly } from './plan.ts';
import { fileTruth, type BadRowTruth, type FileTruth, type Truth } from './truth.ts';
import { writeCsv } from './write/csv.ts';
import { writeXlsx, type SheetSpec } from './write/xlsx.ts';

/** Bump when the output changes, so ensureSample regenerates stale samples. */
export const GENERATOR_VERSION = 'dtts-sample/2';

/** Up to a hundred times the district (about 9 million people): ids stay unique (population.ts). */
export const MAX_SCALE = 100;

export interface SampleOptions {
  dir: string;
  /** Default 2020..2025. */
  years?: number[];
  /** 1 = the district's real size (about 85,000 people). Default 1. */
  scale?: number;
  /** Default 28. */
  seed?: number;
  /** Every file as a plain UTF-8 CSV that a bare DuckDB read_csv reads (for the benchmark). */
  csvOnly?: boolean;
  /** Where to write the truth JSON (planted bad rows, skipped rows, expected totals), outside dir. */
  truthFile?: string;
}

export interface ResolvedOptions {
  years: number[];
  scale: number;
  seed: number;
  csvOnly: boolean;
}

export interface SampleSummary {
  dir: string;
  options: ResolvedOptions;
  /** Data rows written per source, year and table (planted bad rows included). */
  rows: { source: Source; year: number; table: string; files: number; rows: number }[];
  badRows: BadRowTruth[];
  files: FileTruth[];
  ignoredFiles: string[];
  /** Source folders absent for a year although the year was generated (`activities/2021/`). */
  missingSourceYears: { source: Source; year: number }[];
}

export function resolveOptions(opts: Omit<SampleOptions, 'dir' | 'truthFile'>): ResolvedOptions {
  const years = [...new Set(opts.years ?? range(FIRST_YEAR, LAST_YEAR))].sort((a, b) => a - b);
  for (const y of years) if (!Number.isInteger(y) || y < FIRST_YEAR || y > LAST_YEAR) throw new Error(`sample: year ${y} outside ${FIRST_YEAR}-${LAST_YEAR}`);
  const scale = opts.scale ?? 1;
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new Error(`sample: scale ${scale} must be in (0, ${MAX_SCALE}]`);
  return { years, scale, seed: opts.seed ?? 28, csvOnly: opts.csvOnly ?? false };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

async function writeDoc(dir: string, doc: Doc): Promise<ReturnType<typeof fileTruth>> {
  const lay = layout(doc);
  const file = join(dir, doc.path);
  if (doc.style.format === 'csv') await writeCsv(file, gridRows(doc), doc.style);
  else {
    const sheets: SheetSpec[] = [];
    if (doc.style.extraSheet) {
      sheets.push({
        name: doc.style.extraSheet, merges: [],
        grid: [['HƯỚNG DẪN / TỔNG HỢP'], [`Bảng ${doc.table}: ${doc.rows.length} dòng`], ['Số liệu ở trang tính bên cạnh.']],
      });
    }
    sheets.push({ name: doc.style.sheetName || doc.table, grid: gridRows(doc), merges: lay.merges });
    await writeXlsx(file, sheets, doc.style);
  }
  return fileTruth(doc, lay);
}

/**
 * Writes a realistic sources folder (SOURCES.md §1): census, school, health-insurance, poverty
 * and the five sources of §7 (health, civil-registration, staff, villages, activities) for each
 * year, with every §2 and §7 variation and a handful of planted bad rows.
 * Deterministic: the same options give byte-identical CSV files.
 */
export async function generateSample(opts: SampleOptions): Promise<SampleSummary> {
  const options = resolveOptions(opts);
  const pop = buildPopulation(options.seed, options.scale);
  const schools = buildSchools(options.seed);
  const files: FileTruth[] = [];
  const badRows: BadRowTruth[] = [];
  const ignoredFiles: string[] = [];
  for (const year of options.years) {
    const data = yearData(pop, schools, year, options.seed);
    // The varied files get planted bad rows across the year's files, so they are built together (scale 1);
    // the plain CSV files of a benchmark are built and written one at a time.
    let docs: Iterable<Doc>;
    if (options.csvOnly) docs = planYearCsvOnly(data);
    else {
      const all = planYear(data);
      plantBadRows(all);
      docs = all;
    }
    for (const doc of docs) {
      const t = await writeDoc(opts.dir, doc);
      files.push(t.file);
      badRows.push(...t.badRows);
    }
    if (!options.csvOnly && year === IGNORED_FILES_YEAR) ignoredFiles.push(...(await writeIgnoredFiles(opts.dir, year)));
  }
  const rows = new Map<string, SampleSummary['rows'][number]>();
  for (const f of files) {
    const key = `${f.source}|${f.year}|${f.table}`;
    const r = rows.get(key) ?? { source: f.source, year: f.year, table: f.table, files: 0, rows: 0 };
    r.files += 1;
    r.rows += f.dataRows;
    rows.set(key, r);
  }
  const missingSourceYears = SOURCES.flatMap((source) => options.years.filter((year) => !files.some((f) => f.source === source && f.year === year)).map((year) => ({ source, year })));
  if (opts.truthFile) {
    const truth: Truth = { generator: GENERATOR_VERSION, options: { ...options }, badRows, files, ignoredFiles, missingSourceYears };
    await mkdir(dirname(opts.truthFile), { recursive: true });
    await writeFile(opts.truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return { dir: opts.dir, options, rows: [...rows.values()], badRows, files, ignoredFiles, missingSourceYears };
}
