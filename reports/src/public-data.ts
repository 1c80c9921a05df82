// Writes the PUBLIC database the site's sources read: suppressed indicator values and
// aggregate data-quality tables, nothing else. The warehouse is attached read-only; no table of
// it is copied whole except the small aggregate marts, and quarantine values never leave it.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogRows, type CatalogRow } from '@dtts/indicators';
import { Db, quoteIdent, quoteLiteral } from '@dtts/db';
import { formatDateTimeVn, formatNumber } from './format.ts';
import { GEO_LEVEL_VI, FLAG_VI, isMinority } from './labels.ts';
import { readSourceLabels, type SourceLabels } from './source-labels.ts';
import { publicValues, relationsFor, type PublicValueRow, type ValueRow } from './public-values.ts';
import { geoSlug, headlineEthnic, matrices, scorecardRows, trends, valueRecord } from './public-tables.ts';
import { findRecoverable } from './suppression.ts';
import { checkVi, COMPLETENESS_VI, expectedSourceVi, methodNoteVi, PENDING_VI, quarantineReasonVi, SEVERITY_VI, UNIT_VI, warningVi } from './vi-texts.ts';

export interface RunInfo {
  runId: string;
  builtAt: string;
  sourcesDir: string;
  manifestPath: string;
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
}

export interface Reorganised {
  code: string;
  name: string;
  /** Former units outside Bảo Yên before 01/07/2025 (short names): the 2020 baseline does not cover them. */
  outside: string[];
  note: string;
}

type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

/** Loads rows through NDJSON (fast, and the column types are stated, not guessed). */
async function writeTable(db: Db, workDir: string, name: string, columns: Record<string, ColumnType>, rows: object[]): Promise<void> {
  const file = join(workDir, `${name}.ndjson`);
  await writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const spec = Object.entries(columns).map(([c, t]) => `${quoteLiteral(c)}: ${quoteLiteral(t)}`).join(', ');
  const cols = Object.keys(columns).map(quoteIdent).join(', ');
  if (rows.length === 0) {
    await db.run(`create table ${quoteIdent(name)} (${Object.entries(columns).map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ')})`);
  } else {
    await db.run(`create table ${quoteIdent(name)} as select ${cols} from read_json(${quoteLiteral(file)}, format = 'newline_delimited', columns = {${spec}})`);
  }
  await rm(file);
}

function typesOf(sample: object): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const [c, v] of Object.entries(sample)) out[c] = typeof v === 'number' ? 'DOUBLE' : typeof v === 'boolean' ? 'BOOLEAN' : 'VARCHAR';
  return out;
}

async function hasTable(db: Db, schema: string, table: string): Promise<boolean> {
  const r = await db.one<{ n: number }>(
    `select count(*) n from information_schema.tables where table_catalog = 'wh' and table_schema = ? and table_name = ?`, [schema, table]);
  return (r?.n ?? 0) > 0;
}

async function columnsOf(db: Db, schema: string, table: string): Promise<{ name: string; type: string }[]> {
  return db.all(`select column_name as name, data_type as type from information_schema.columns
    where table_catalog = 'wh' and table_schema = ? and table_name = ? order by ordinal_position`, [schema, table]);
}

/** First column whose name matches, for marts whose exact column names the contract leaves open. */
function pick(cols: { name: string }[], ...patterns: RegExp[]): string | undefined {
  for (const p of patterns) {
    const hit = cols.find((c) => p.test(c.name));
    if (hit) return hit.name;
  }
  return undefined;
}

/** School-level indicators: they count schools and classrooms, which are public facts, not persons. */
export const NOT_ABOUT_PERSONS = new Set(catalogRows.filter((c) => c.has_source && !c.disaggregations.includes('ethnic_group')).map((c) => c.indicator_id));

/** An integer as vi-VN text in SQL: 1234567 → '1.234.567'. */
const vi = (expr: string) => `replace(format('{:,}', ${expr}), ',', '.')`;

const WARNING_CODE_VI: Record<string, string> = {
  legacy_encoding: 'Mã chữ cũ', abolished_code: 'Mã xã đã giải thể', ignored_sheet: 'Bỏ qua trang tính',
  ignored_columns: 'Bỏ qua cột', ignored_file: 'Bỏ qua tệp', other: 'Khác',
};

const SAFE_WARNING_CODES = new Set(['legacy_encoding', 'abolished_code', 'ignored_sheet', 'ignored_columns', 'ignored_file']);

/** Free text from ingestion (reasons, warnings) loses anything quoted and any long run of digits or id-like code. */
export function scrubText(text: string | null): string {
  if (!text) return '';
  return text
    .replace(/(["'“‘«])[^"'”’»]*(["'”’»])/g, '«…»')
    .replace(/\b[A-Z]{2}\d{6,}\b/g, '…')
    .replace(/\d{6,}/g, '…');
}

/** Copies an aggregate mart with simple column types (lists and structs become text). */
async function copyAggregate(db: Db, schema: string, table: string, target: string): Promise<void> {
  if (!(await hasTable(db, schema, table))) {
    await db.run(`create table ${quoteIdent(target)} (note varchar)`);
    return;
  }
  const cols = await columnsOf(db, schema, table);
  const select = cols
    .filter((c) => !/^(value|raw_value|row|ho_ten|so_dinh_danh|ma_the|ma_hoc_sinh|ma_ho)$|sample|keys?$|hash/i.test(c.name))
    .map((c) => {
      const col = quoteIdent(c.name);
      if (/year/i.test(c.name) || /\[\]|STRUCT|MAP|UNION/i.test(c.type)) return `cast(${col} as varchar) as ${col}`;
      // Numbers as vi-VN text (Evidence would print 1,234): 1.234
      if (/INT|DOUBLE|DECIMAL|FLOAT|REAL/i.test(c.type)) return `case when ${col} between 1 and 4 and ${quoteLiteral(c.name)} like '%count%' then '1–4' else replace(replace(replace(format('{:,}', ${col}), ',', '#'), '.', ','), '#', '.') end as ${col}`;
      return col;
    });
  await db.run(`create table ${quoteIdent(target)} as select ${select.join(', ')} from wh.${schema}.${quoteIdent(table)}`);
}

async function readValues(db: Db): Promise<ValueRow[]> {
  const cols = new Set((await columnsOf(db, 'marts', 'indicator_values')).map((c) => c.name));
  const opt = (c: string, type: string) => (cols.has(c) ? `cast(${c} as ${type}) as ${c}` : `cast(null as ${type}) as ${c}`);
  return db.all<ValueRow>(`
    select indicator_id, cast(year as integer) as year, geo_level, geo_code, ethnic_group, sex,
      cast(numerator as double) as numerator, cast(denominator as double) as denominator, cast(value as double) as value,
      cast(target as double) as target, status, cast(flags as varchar) as flags,
      ${opt('baseline_value', 'double')}, ${opt('change_vs_baseline', 'double')}, ${opt('geo_name', 'varchar')}, ${opt('ethnic_name', 'varchar')}
    from wh.marts.indicator_values
    order by indicator_id, year, geo_level, geo_code, ethnic_group, sex`);
}

async function readParents(db: Db): Promise<{ parentOf: Map<string, string>; geos: Record<string, unknown>[] }> {
  if (!(await hasTable(db, 'marts', 'geographies'))) return { parentOf: new Map(), geos: [] };
  const cols = await columnsOf(db, 'marts', 'geographies');
  const parent = pick(cols, /^parent/, /2025/);
  const name = pick(cols, /^name$/, /name/);
  const level = pick(cols, /geo_level/, /level/);
  const code = pick(cols, /geo_code/, /^code$/);
  const note = pick(cols, /note/);
  if (!level || !code) throw new Error(`marts.geographies: no geo_level/geo_code column (columns: ${cols.map((c) => c.name).join(', ')})`);
  const geos = await db.all<Record<string, unknown>>(`select ${quoteIdent(level)} as geo_level, ${quoteIdent(code)} as geo_code,
      ${name ? quoteIdent(name) : 'null'} as name, ${parent ? quoteIdent(parent) : 'null'} as parent_code, ${note ? quoteIdent(note) : 'null'} as note
    from wh.marts.geographies order by 1, 2`);
  const parentOf = new Map<string, string>();
  for (const g of geos) if (g.geo_level === 'commune_2020' && typeof g.parent_code === 'string') parentOf.set(g.geo_code as string, g.parent_code);
  return { parentOf, geos };
}

export async function writePublicData(warehousePath: string, publicPath: string, workDir: string, run: RunInfo): Promise<PublicData> {
  const db = await Db.open(publicPath);
  try {
    await db.run(`attach ${quoteLiteral(warehousePath)} as wh (read_only)`);
    if (!(await hasTable(db, 'marts', 'indicator_values'))) throw new Error(`${warehousePath}: no table marts.indicator_values`);
    const raw = await readValues(db);
    const { parentOf, geos } = await readParents(db);
    const sources = await readSourceLabels(db);
    const catalog = catalogRows;
    const catById = new Map(catalog.map((c) => [c.indicator_id, c]));
    const unknown = [...new Set(raw.map((r) => r.indicator_id))].filter((id) => !catById.has(id));
    if (unknown.length) throw new Error(`marts.indicator_values: indicators not in the catalog: ${unknown.join(', ')}`);

    const rows = publicValues(raw, {
      parentOf,
      nonCountNumerators: new Set(catalog.filter((c) => c.unit !== 'percent').map((c) => c.indicator_id)),
      baselineTargets: new Set(catalog.filter((c) => c.target_needs_baseline).map((c) => c.indicator_id)),
      notAboutPersons: NOT_ABOUT_PERSONS,
    });
    const geoNames = new Map<string, string>();
    for (const g of geos) if (typeof g.name === 'string') geoNames.set(`${g.geo_level}|${g.geo_code}`, g.name);
    for (const r of raw) if (r.geo_name && !geoNames.has(`${r.geo_level}|${r.geo_code}`)) geoNames.set(`${r.geo_level}|${r.geo_code}`, r.geo_name);
    const ethnicNames = new Map<string, string>([['ALL', 'Chung (mọi dân tộc)'], ['DTTS', 'Dân tộc thiểu số']]);
    for (const r of raw) if (r.ethnic_name && !ethnicNames.has(r.ethnic_group)) ethnicNames.set(r.ethnic_group, r.ethnic_name);
    const latestYear = Math.max(...raw.map((r) => r.year));

    const records = rows.map((r) => valueRecord({ ...r, geo_name: geoNames.get(`${r.geo_level}|${r.geo_code}`) ?? r.geo_name, ethnic_name: ethnicNames.get(r.ethnic_group) ?? r.ethnic_name }, catById.get(r.indicator_id)!, sources));
    const columnsOfValues = {
      ...typesOf(records[0] ?? {}), indicator_id: 'VARCHAR', year: 'INTEGER', numerator: 'DOUBLE', denominator: 'DOUBLE', value: 'DOUBLE',
      target: 'DOUBLE', baseline_value: 'DOUBLE', change_vs_baseline: 'DOUBLE', status: 'VARCHAR', flags: 'VARCHAR', suppressed: 'BOOLEAN',
    } as Record<string, ColumnType>;
    await writeTable(db, workDir, 'indicator_values', columnsOfValues, records);

    const names = { geo: geoNames, ethnic: ethnicNames };
    const matrixRows = matrices(rows, catalog, names, sources);
    await writeTable(db, workDir, 'matrix', { ...typesOf(matrixRows[0] ?? {}), row_order: 'INTEGER', link: 'VARCHAR' }, matrixRows);
    const trendRows = trends(rows, catalog, ethnicNames);
    await writeTable(db, workDir, 'trend', { page: 'VARCHAR', page_key: 'VARCHAR', year: 'INTEGER', year_label: 'VARCHAR', series: 'VARCHAR', series_order: 'INTEGER', value: 'DOUBLE' }, trendRows);

    await writeIndicators(db, workDir, rows, catalog, latestYear, sources);
    const reorganisation = await writeGeographies(db, workDir, rows, geos, geoNames);
    const groups = [...ethnicNames].filter(([c]) => c !== 'ALL' && c !== 'DTTS' && rows.some((r) => r.ethnic_group === c)).sort(([a], [b]) => a.localeCompare(b));
    await writeTable(db, workDir, 'ethnic_groups', { code: 'VARCHAR', name: 'VARCHAR', minority: 'VARCHAR', link: 'VARCHAR' },
      groups.map(([code, name]) => ({ code, name, minority: isMinority(code) ? 'Có' : 'Không', link: `/dan-toc/${code}` })));
    await writeDataQuality(db, workDir, rows, catalog, sources);
    await writeTable(db, workDir, 'run_info', { run_id: 'VARCHAR', built_at: 'VARCHAR', latest_year: 'VARCHAR', manifest: 'VARCHAR' }, [{
      run_id: run.runId, built_at: formatDateTimeVn(run.builtAt), latest_year: String(latestYear), manifest: run.manifestPath.split(/[\\/]/).pop() ?? '',
    }]);
    await db.run('detach wh');

    // The last line of defence: the shipped pattern must leave no suppressed cell recoverable.
    assertNoRecovery(raw, rows, parentOf);
    return { rows, catalog, geoNames, ethnicNames, latestYear, sources, reorganisation };
  } finally {
    db.close();
  }
}

function assertNoRecovery(raw: ValueRow[], rows: PublicValueRow[], parentOf: Map<string, string>) {
  const key = (r: ValueRow) => `${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}`;
  const cells = raw.filter((r) => !NOT_ABOUT_PERSONS.has(r.indicator_id)).map((r) => ({ key: key(r), numerator: r.numerator, denominator: r.denominator, numeratorIsCount: true }));
  const suppressed = rows.filter((r) => r.suppressed).map(key);
  const leaks = findRecoverable({ cells, relations: relationsFor(raw.filter((r) => !NOT_ABOUT_PERSONS.has(r.indicator_id)), parentOf) }, suppressed);
  if (leaks.length) throw new Error(`disclosure control: ${leaks.length} suppressed cells are recoverable, e.g. ${leaks.slice(0, 3).join(', ')}`);
}

async function writeIndicators(db: Db, workDir: string, rows: PublicValueRow[], catalog: CatalogRow[], latestYear: number, sources: SourceLabels) {
  const indicators = catalog.map((c) => {
    // Every text in Vietnamese: the catalog describes targets in English for the engineers.
    const pending = PENDING_VI[c.indicator_id];
    const [num, den] = c.numerator_text_vi !== null && c.denominator_text_vi !== null
      ? [c.numerator_text_vi, c.denominator_text_vi] : pending ? [pending.numerator, pending.denominator] : ['', ''];
    const computed = rows.some((r) => r.indicator_id === c.indicator_id);
    return {
      indicator_id: c.indicator_id, sort_order: c.sort_order, clause: c.clause, name_vi: c.name_vi, unit: c.unit,
      unit_label: UNIT_VI[c.unit] ?? c.unit,
      direction_label: c.direction === 'lower_is_better' ? 'Càng thấp càng tốt' : 'Càng cao càng tốt',
      numerator_text: num, denominator_text: den, target_text_vi: c.target_text_vi,
      source_label: c.has_source ? c.source.split(/,\s*/).map((s) => `${sources.label(s.split('.')[0]!)} (${s})`).join('; ') : expectedSourceVi(c),
      reference_date: c.has_source ? sources.note(c.source, null).replace(/^Nguồn: /, '') : '',
      method_note: c.method_note ? methodNoteVi(c) : '', has_source: c.has_source, has_values: computed,
      link: computed ? `/chi-tieu/${c.indicator_id}` : null,
      headline: computed ? (headlineEthnic(rows, c.indicator_id) === 'DTTS' ? 'Dân tộc thiểu số' : 'Chung (chỉ tiêu cấp trường)') : '',
    };
  });
  await writeTable(db, workDir, 'indicators', { ...typesOf(indicators[0]!), sort_order: 'INTEGER', link: 'VARCHAR' }, indicators);

  const scorecard = scorecardRows(rows, catalog, latestYear, sources);
  await writeTable(db, workDir, 'scorecard', { ...typesOf(scorecard[0] ?? {}), sort_order: 'INTEGER', target_value: 'DOUBLE' }, scorecard);
}

async function writeGeographies(db: Db, workDir: string, rows: PublicValueRow[], geos: Record<string, unknown>[], geoNames: Map<string, string>): Promise<Reorganised[]> {
  const present = new Set(rows.map((r) => `${r.geo_level}|${r.geo_code}`));
  const communes = [...present].filter((g) => !g.startsWith('area|')).sort().map((g) => {
    const [level, code] = g.split('|') as [string, string];
    const name = geoNames.get(g) ?? code;
    // The breadcrumb: codes are re-used, so a commune of the 2020 frame says so.
    const crumb = level === 'commune_2020' ? `${name} (trước 01/07/2025)` : name;
    return { geo_level: level, level_label: GEO_LEVEL_VI[level] ?? level, geo_code: code, slug: geoSlug(level, code), name, crumb, link: `/xa/${geoSlug(level, code)}` };
  });
  await writeTable(db, workDir, 'communes', typesOf(communes[0] ?? { a: '' }), communes);

  // The 2025 reorganisation: which former communes make each new one (ref.crosswalk_2025 where the
  // warehouse has it: it also lists the units that were outside Bảo Yên in 2020).
  const crosswalk = (await hasTable(db, 'ref', 'crosswalk_2025'))
    ? await db.all<{ old_code: string; old_name: string; new_code: string; in_bao_yen_2020: boolean }>(
        `select old_code, old_name, new_code, cast(in_bao_yen_2020 as boolean) as in_bao_yen_2020 from wh.ref.crosswalk_2025 order by old_code`)
    : geos.filter((g) => g.geo_level === 'commune_2020' && g.parent_code).map((g) => ({
        old_code: String(g.geo_code), old_name: String(g.name ?? g.geo_code), new_code: String(g.parent_code), in_bao_yen_2020: true }));
  const news = geos.filter((g) => g.geo_level === 'commune_2025');
  const reorg = news.map((n, i) => {
    const code = String(n.geo_code);
    const members = crosswalk.filter((o) => o.new_code === code);
    const outside = members.filter((o) => !o.in_bao_yen_2020);
    const reused = members.find((o) => o.old_code === code);
    const short = (name: string) => name.replace(/^(Xã|Thị trấn) /, '');
    const notes = [
      reused ? `Mã ${code} dùng lại: trước 01/07/2025 là ${reused.old_name}, từ 01/07/2025 là ${n.name}.` : '',
      outside.length ? `Số gốc 2020 không gồm ${outside.map((o) => short(o.old_name)).join(', ')} (thuộc huyện Văn Bàn trước 2025): so sánh với năm 2020 không cùng địa giới.` : '',
    ].filter(Boolean);
    return {
      row_order: i, new_code: code, new_name: String(n.name ?? code), link: `/xa/${geoSlug('commune_2025', code)}`,
      former: members.map((o) => `${o.old_name} (${o.old_code})`).join('; '),
      former_count: String(members.length),
      note: notes.join(' '),
      outside: outside.map((o) => short(o.old_name)),
    };
  });
  await writeTable(db, workDir, 'reorganisation', { row_order: 'INTEGER', new_code: 'VARCHAR', new_name: 'VARCHAR', link: 'VARCHAR', former: 'VARCHAR', former_count: 'VARCHAR', note: 'VARCHAR' },
    reorg.map(({ outside: _, ...r }) => r));
  return reorg.map((r) => ({ code: r.new_code, name: r.new_name, outside: r.outside, note: r.note }));
}

async function writeDataQuality(db: Db, workDir: string, rows: PublicValueRow[], catalog: CatalogRow[], sources: SourceLabels) {
  if (await hasTable(db, 'ingest', 'files')) {
    const cols = new Set((await columnsOf(db, 'ingest', 'files')).map((c) => c.name));
    const n = (c: string) => (cols.has(c) ? `cast(${c} as bigint)` : 'null::bigint');
    await db.run(`create table dq_files as select source, table_name, cast(year as varchar) as year, file,
        ${vi(n('rows_read'))} as rows_read, ${vi(n('rows_loaded'))} as rows_loaded, ${vi(n('rows_quarantined'))} as rows_quarantined,
        ${vi(n('rows_skipped'))} as rows_skipped, ${cols.has('warnings') ? 'cast(coalesce(len(warnings), 0) as varchar)' : "''"} as warnings
      from wh.ingest.files order by source, table_name, year, file`);
  } else await db.run(`create table dq_files (source varchar, table_name varchar, year varchar, file varchar, rows_read varchar, rows_loaded varchar, rows_quarantined varchar, rows_skipped varchar, warnings varchar)`);
  // Source systems by their Vietnamese names ("census" → "Điều tra dân số hằng năm").
  const delivered = await db.all<{ source: string }>(`select distinct source from dq_files where source is not null`);
  for (const { source } of delivered) await db.run(`update dq_files set source = ? where source = ?`, [sources.label(source), source]);

  // Quarantine: reasons and counts only — never the value, the row number or anything typed by a person.
  const quarantine = (await hasTable(db, 'ingest', 'quarantine'))
    ? await db.all<{ source: string; table_name: string; year: number | null; column: string; reason: string; action: string; n: number }>(
        `select source, table_name, cast(year as integer) as year, "column", reason, action, count(*) as n
         from wh.ingest.quarantine group by all order by source, table_name, year, n desc`)
    : [];
  const qRows = new Map<string, { source: string; table_name: string; year: string; column: string; reason: string; action: string; rows: number }>();
  for (const q of quarantine) {
    const reason = quarantineReasonVi(scrubText(q.reason));
    const k = [q.source, q.table_name, q.year, q.column, reason, q.action].join('|');
    const prev = qRows.get(k);
    if (prev) prev.rows += q.n;
    else qRows.set(k, { source: sources.label(q.source), table_name: q.table_name, year: q.year === null ? '' : String(q.year), column: q.column, reason, action: q.action === 'row_rejected' ? 'Loại dòng' : q.action === 'value_blanked' ? 'Xoá giá trị' : q.action, rows: q.n });
  }
  await writeTable(db, workDir, 'dq_quarantine', { source: 'VARCHAR', table_name: 'VARCHAR', year: 'VARCHAR', column: 'VARCHAR', reason: 'VARCHAR', action: 'VARCHAR', rows: 'INTEGER' }, [...qRows.values()]);

  const warnings = (await hasTable(db, 'ingest', 'warnings'))
    ? await db.all<{ source: string; year: number | null; file: string; code: string; message: string }>(`select source, cast(year as integer) as year, file, code, message from wh.ingest.warnings order by source, year, file`)
    : [];
  await writeTable(db, workDir, 'dq_warnings', { source: 'VARCHAR', year: 'VARCHAR', file: 'VARCHAR', code: 'VARCHAR', message: 'VARCHAR' },
    warnings.map((w) => ({
      source: sources.label(w.source), year: w.year === null ? '' : String(w.year), file: w.file ?? '', code: WARNING_CODE_VI[w.code] ?? w.code ?? '',
      // Messages of the kinds ingestion writes itself (encodings, sheets, columns, codes mapped forward) are
      // shown scrubbed; a message of another kind might quote a cell, so only its code is shown.
      message: SAFE_WARNING_CODES.has(w.code) ? warningVi(scrubText(w.message)) : '(nội dung không hiển thị)',
    })));

  await copyAggregate(db, 'marts', 'dq_check_results', 'dq_checks_raw');
  await copyAggregate(db, 'marts', 'completeness', 'dq_completeness_raw');
  await writeVietnameseAggregates(db, workDir, sources);

  // Flagged values (public rows only) counted per indicator, year and flag; method breaks from the catalog.
  const flagCounts = new Map<string, { indicator: string; year: string; flag: string; rows: number }>();
  const name = new Map(catalog.map((c) => [c.indicator_id, c.name_vi]));
  for (const r of rows) {
    for (const f of (r.flags ?? '').split(';').filter(Boolean)) {
      const k = `${r.indicator_id}|${r.year}|${f}`;
      const prev = flagCounts.get(k);
      if (prev) prev.rows++;
      else flagCounts.set(k, { indicator: name.get(r.indicator_id) ?? r.indicator_id, year: String(r.year), flag: FLAG_VI[f] ?? f, rows: 1 });
    }
  }
  // Counts as vi-VN text (Evidence would print 2,011, which reads as a year): 2.011
  await writeTable(db, workDir, 'dq_flags', { indicator: 'VARCHAR', year: 'VARCHAR', flag: 'VARCHAR', rows: 'VARCHAR' },
    [...flagCounts.values()].map((f) => ({ ...f, rows: formatNumber(f.rows, 0) })));
  const suppressedCounts = new Map<string, { indicator: string; shown: number; hidden: number }>();
  for (const r of rows) {
    const e = suppressedCounts.get(r.indicator_id) ?? { indicator: name.get(r.indicator_id) ?? r.indicator_id, shown: 0, hidden: 0 };
    if (r.suppressed) e.hidden++;
    else e.shown++;
    suppressedCounts.set(r.indicator_id, e);
  }
  await writeTable(db, workDir, 'dq_suppression', { indicator: 'VARCHAR', shown: 'VARCHAR', hidden: 'VARCHAR' },
    [...suppressedCounts.values()].map((e) => ({ ...e, shown: formatNumber(e.shown, 0), hidden: formatNumber(e.hidden, 0) })));
  await writeTable(db, workDir, 'dq_method_breaks', { indicator: 'VARCHAR', note: 'VARCHAR' },
    catalog.filter((c) => c.method_note).map((c) => ({ indicator: c.name_vi, note: c.method_note === null ? '' : methodNoteVi(c) })));
}

/**
 * The warehouse's checks and completeness with Vietnamese columns and words: the page names its
 * columns, and a column the warehouse does not have is left blank rather than failing the build.
 */
async function writeVietnameseAggregates(db: Db, workDir: string, sources: SourceLabels) {
  const rowsOf = async (table: string) => db.all<Record<string, unknown>>(`select * from ${quoteIdent(table)}`);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const checks = (await rowsOf('dq_checks_raw')).map((r) => {
    const passed = r.passed === true || r.passed === 'true' ? 'Đạt' : r.passed === false || r.passed === 'false' ? 'Không đạt' : text(r.passed);
    return {
      ma: text(r.check_id), muc_do: SEVERITY_VI[text(r.severity)] ?? text(r.severity), mo_ta: checkVi(text(r.description)),
      bang: text(r.model), so_dong_loi: text(r.failing_rows), ket_qua: passed,
    };
  });
  await writeTable(db, workDir, 'dq_checks', { ma: 'VARCHAR', muc_do: 'VARCHAR', mo_ta: 'VARCHAR', bang: 'VARCHAR', so_dong_loi: 'VARCHAR', ket_qua: 'VARCHAR' }, checks);
  const completeness = (await rowsOf('dq_completeness_raw')).map((r) => ({
    nguon: sources.label(text(r.source)), bang: text(r.table_name), nam: text(r.year), ma_xa: text(r.commune_code), ten_xa: text(r.commune_name),
    dia_gioi: text(r.frame), so_ban_ghi: text(r.row_count), so_ban_ghi_ca_nam: text(r.source_rows_in_year),
    trang_thai: COMPLETENESS_VI[text(r.status)] ?? text(r.status),
  }));
  await writeTable(db, workDir, 'dq_completeness', Object.fromEntries(
    ['nguon', 'bang', 'nam', 'ma_xa', 'ten_xa', 'dia_gioi', 'so_ban_ghi', 'so_ban_ghi_ca_nam', 'trang_thai'].map((c) => [c, 'VARCHAR'])) as Record<string, ColumnType>, completeness);
  await db.run('drop table dq_checks_raw');
  await db.run('drop table dq_completeness_raw');
}
