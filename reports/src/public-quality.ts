// The public data-quality tables: files, quarantine reasons and counts (never values), warnings,
// checks, completeness, flags, suppression counts and method breaks, all in Vietnamese.
import type { CatalogRow } from '@dtts/indicators';
import { type Db, quoteIdent, quoteLiteral } from '@dtts/db';
import { render } from '@dtts/messages';
import { formatNumber } from './format.ts';
import { FLAG_VI } from './labels.ts';
import { type ColumnType, columnsOf, hasTable, writeTable } from './public-db.ts';
import type { PublicValueRow } from './public-values.ts';
import type { SourceLabels } from './source-labels.ts';
import { COMPLETENESS_VI, methodNoteVi, SEVERITY_VI } from './vi-texts.ts';

/** An integer as vi-VN text in SQL: 1234567 → '1.234.567'. */
const vi = (expr: string) => `replace(format('{:,}', ${expr}), ',', '.')`;

/**
 * A finding (code + params) in the site's Vietnamese (@dtts/messages: the `site` wording never names a
 * record's file or row, and no parameter holds a cell's value). An unknown code shows as itself.
 */
function findingVi(code: string | null, params: string | null): string {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = params ? (JSON.parse(params) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return scrubText(render({ code: code ?? '', params: parsed }, 'site'));
}

/** Defence in depth on text shown on the site: anything quoted and any long run of digits or id-like code is dropped. */
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

export async function writeDataQuality(
  db: Db, workDir: string, rows: PublicValueRow[], catalog: CatalogRow[], sources: SourceLabels, headline: { eligible: number; shown: number },
) {
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
    ? await db.all<{ source: string; table_name: string; year: number | null; column: string; code: string | null; params: string | null; action: string; n: number }>(
        `select source, table_name, cast(year as integer) as year, "column", code, params, action, count(*) as n
         from wh.ingest.quarantine group by all order by source, table_name, year, n desc`)
    : [];
  const qRows = new Map<string, { source: string; table_name: string; year: string; column: string; reason: string; action: string; rows: number }>();
  for (const q of quarantine) {
    const reason = findingVi(q.code, q.params);
    const k = [q.source, q.table_name, q.year, q.column, reason, q.action].join('|');
    const prev = qRows.get(k);
    if (prev) prev.rows += q.n;
    else qRows.set(k, { source: sources.label(q.source), table_name: q.table_name, year: q.year === null ? '' : String(q.year), column: q.column, reason, action: q.action === 'row_rejected' ? 'Loại dòng' : q.action === 'value_blanked' ? 'Xoá giá trị' : q.action, rows: q.n });
  }
  await writeTable(db, workDir, 'dq_quarantine', { source: 'VARCHAR', table_name: 'VARCHAR', year: 'VARCHAR', column: 'VARCHAR', reason: 'VARCHAR', action: 'VARCHAR', rows: 'INTEGER' }, [...qRows.values()]);

  const warnings = (await hasTable(db, 'ingest', 'warnings'))
    ? await db.all<{ source: string; year: number | null; file: string; code: string; params: string | null }>(`select source, cast(year as integer) as year, file, code, params from wh.ingest.warnings order by source, year, file`)
    : [];
  await writeTable(db, workDir, 'dq_warnings', { source: 'VARCHAR', year: 'VARCHAR', file: 'VARCHAR', code: 'VARCHAR', message: 'VARCHAR' },
    warnings.map((w) => ({
      source: sources.label(w.source), year: w.year === null ? '' : String(w.year), file: w.file ?? '', code: w.code ?? '',
      message: findingVi(w.code, w.params),
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
  // How much of the plan's headline the commune tables keep: the secondary suppression's cost.
  await writeTable(db, workDir, 'dq_headline', { shown: 'VARCHAR', eligible: 'VARCHAR', share: 'VARCHAR' }, [{
    shown: formatNumber(headline.shown, 0), eligible: formatNumber(headline.eligible, 0),
    share: headline.eligible ? `${formatNumber((100 * headline.shown) / headline.eligible, 1)}%` : '',
  }]);
  await writeTable(db, workDir, 'dq_method_breaks', { indicator: 'VARCHAR', note: 'VARCHAR' },
    catalog.filter((c) => c.method_note).map((c) => ({ indicator: c.name_vi, note: c.method_note === null ? '' : methodNoteVi(c) })));
}

/**
 * The warehouse's checks and completeness with Vietnamese columns and words: the page names its
 * columns, and a column the warehouse does not have is left blank rather than failing the build.
 */
async function writeVietnameseAggregates(db: Db, workDir: string, sources: SourceLabels) {
  const rowsOf = async (table: string, orderBy = '') => db.all<Record<string, unknown>>(`select * from ${quoteIdent(table)} ${orderBy}`);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const checks = (await rowsOf('dq_checks_raw')).map((r) => {
    const passed = r.passed === true || r.passed === 'true' ? 'Đạt' : r.passed === false || r.passed === 'false' ? 'Không đạt' : text(r.passed);
    return {
      ma: text(r.check_id), muc_do: SEVERITY_VI[text(r.severity)] ?? text(r.severity),
      mo_ta: r.code ? findingVi(text(r.code), text(r.params)) : text(r.check_id),
      bang: text(r.model), so_dong_loi: text(r.failing_rows), ket_qua: passed,
    };
  });
  await writeTable(db, workDir, 'dq_checks', { ma: 'VARCHAR', muc_do: 'VARCHAR', mo_ta: 'VARCHAR', bang: 'VARCHAR', so_dong_loi: 'VARCHAR', ket_qua: 'VARCHAR' }, checks);
  // in the mart's column order (source, table, year, commune …): it is year-local, a re-run writes a changed year's rows at its end
  const completeness = (await rowsOf('dq_completeness_raw', 'order by all')).map((r) => ({
    nguon: sources.label(text(r.source)), bang: text(r.table_name), nam: text(r.year), ma_xa: text(r.commune_code), ten_xa: text(r.commune_name),
    dia_gioi: text(r.frame), so_ban_ghi: text(r.row_count), so_ban_ghi_ca_nam: text(r.source_rows_in_year),
    trang_thai: COMPLETENESS_VI[text(r.status)] ?? text(r.status),
  }));
  await writeTable(db, workDir, 'dq_completeness', Object.fromEntries(
    ['nguon', 'bang', 'nam', 'ma_xa', 'ten_xa', 'dia_gioi', 'so_ban_ghi', 'so_ban_ghi_ca_nam', 'trang_thai'].map((c) => [c, 'VARCHAR'])) as Record<string, ColumnType>, completeness);
  await db.run('drop table dq_checks_raw');
  await db.run('drop table dq_completeness_raw');
}
