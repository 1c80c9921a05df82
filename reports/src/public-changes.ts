// The "what changed since the last run" page's tables, from the warehouse's
// marts.changes_since_last_run (written by the pipeline before the outputs are swapped). Only what
// the public may see: counts over the cells this run shows, the source files, and the old → new
// values of the area-level headline rows that no primary rule would hide in either run.
import type { CatalogRow } from '@dtts/indicators';
import type { Db } from '@dtts/db';
import { formatDateTimeVn, formatNumber, formatValue } from './format.ts';
import { STATUS_VI } from './labels.ts';
import type { SourceLabels } from './source-labels.ts';
import type { PublicValueRow } from './public-values.ts';

export const CHANGE_VI: Record<string, string> = {
  value_changed: 'Giá trị thay đổi',
  status_changed: 'Trạng thái thay đổi',
  row_new: 'Dòng mới',
  row_gone: 'Dòng không còn',
  file_changed: 'Tệp thay đổi nội dung (sha256 khác)',
  file_new: 'Tệp mới',
  file_gone: 'Tệp không còn',
};
export const REVISION_VI = 'Sửa số liệu năm trước (tệp được gửi lại)';

interface Change {
  change: string; indicator_id: string | null; year: number; geo_level: string | null; geo_code: string | null;
  ethnic_group: string | null; sex: string | null; old_value: number | null; new_value: number | null;
  old_numerator: number | null; old_denominator: number | null; old_status: string | null; new_status: string | null;
  revision: boolean; file: string | null;
}

type Writer = (name: string, columns: Record<string, 'VARCHAR' | 'INTEGER'>, rows: object[]) => Promise<void>;

const primarySafe = (num: number | null, den: number | null) =>
  num !== null && den !== null && den >= 20 && !(num >= 1 && num <= 4) && !(den - num >= 1 && den - num <= 4);

export async function writeChanges(
  db: Db, write: Writer, rows: PublicValueRow[], catalog: CatalogRow[], hasTable: (s: string, t: string) => Promise<boolean>, sources: SourceLabels,
) {
  const present = (await hasTable('marts', 'changes_since_last_run')) && (await hasTable('marts', 'previous_run'));
  const previous = present ? await db.one<{ run_id: string; finished_at: string | null }>(`select run_id, finished_at from wh.marts.previous_run`) : undefined;
  const changes = present
    ? await db.all<Change>(`select change, indicator_id, cast(year as integer) as year, geo_level, geo_code, ethnic_group, sex,
        old_value, new_value, cast(old_numerator as double) as old_numerator, cast(old_denominator as double) as old_denominator,
        old_status, new_status, coalesce(revision, false) as revision, file from wh.marts.changes_since_last_run`)
    : [];
  const shown = new Map(rows.map((r) => [`${r.indicator_id}|${r.year}|${r.geo_level}|${r.geo_code}|${r.ethnic_group}|${r.sex}`, r]));
  const keyOf = (c: Change) => `${c.indicator_id}|${c.year}|${c.geo_level}|${c.geo_code}|${c.ethnic_group}|${c.sex}`;
  const name = new Map(catalog.map((c) => [c.indicator_id, c]));

  const counts = new Map<string, { indicator: string; sort_order: number; year: string; change: string; revision: string; rows: number }>();
  for (const c of changes) {
    if (!c.indicator_id) continue;
    const now = shown.get(keyOf(c));
    // A change of a hidden cell is not counted: the count would point at it.
    if (c.change !== 'row_gone' && (!now || now.suppressed)) continue;
    const k = `${c.indicator_id}|${c.year}|${c.change}`;
    const e = counts.get(k) ?? { indicator: name.get(c.indicator_id)?.name_vi ?? c.indicator_id, sort_order: name.get(c.indicator_id)?.sort_order ?? 999,
      year: String(c.year), change: CHANGE_VI[c.change] ?? c.change, revision: c.revision ? REVISION_VI : '', rows: 0 };
    e.rows++;
    counts.set(k, e);
  }
  await write('changes_summary', { indicator: 'VARCHAR', sort_order: 'INTEGER', year: 'VARCHAR', change: 'VARCHAR', revision: 'VARCHAR', rows: 'VARCHAR' },
    [...counts.values()].map((e) => ({ ...e, rows: formatNumber(e.rows, 0) })));

  const headline = changes.filter((c) => c.indicator_id && c.geo_level === 'area' && c.sex === 'ALL' && (c.ethnic_group === 'ALL' || c.ethnic_group === 'DTTS')
    && (c.change === 'value_changed' || c.change === 'status_changed'))
    .filter((c) => { const now = shown.get(keyOf(c)); return now && !now.suppressed && primarySafe(c.old_numerator, c.old_denominator); });
  const merged = new Map<string, Change>();
  for (const c of headline) merged.set(keyOf(c), { ...merged.get(keyOf(c)), ...c });
  await write('changes_headline', { indicator: 'VARCHAR', sort_order: 'INTEGER', year: 'VARCHAR', group: 'VARCHAR', old_text: 'VARCHAR', new_text: 'VARCHAR', old_status: 'VARCHAR', new_status: 'VARCHAR', revision: 'VARCHAR' },
    [...merged.values()].map((c) => {
      const cat = name.get(c.indicator_id!);
      const unit = cat?.unit ?? 'percent';
      return {
        indicator: cat?.name_vi ?? c.indicator_id, sort_order: cat?.sort_order ?? 999, year: String(c.year),
        group: c.ethnic_group === 'DTTS' ? 'Dân tộc thiểu số' : 'Chung', old_text: formatValue(c.old_value, unit), new_text: formatValue(c.new_value, unit),
        old_status: STATUS_VI[c.old_status ?? ''] ?? c.old_status ?? '', new_status: STATUS_VI[c.new_status ?? ''] ?? c.new_status ?? '',
        revision: c.revision ? REVISION_VI : '',
      };
    }));

  await write('changes_files', { source: 'VARCHAR', year: 'VARCHAR', file: 'VARCHAR', change: 'VARCHAR', revision: 'VARCHAR' },
    changes.filter((c) => c.file).map((c) => ({
      source: sources.label(c.file!.split('/')[0]!), year: String(c.year), file: c.file!, change: CHANGE_VI[c.change] ?? c.change, revision: c.revision ? REVISION_VI : '',
    })));

  const n = (kind: string) => changes.filter((c) => c.change === kind).length;
  const summary = !previous
    ? 'Đây là lần chạy đầu tiên vào thư mục kết quả này: chưa có lần chạy trước để so sánh.'
    : changes.length === 0
      ? `Không có thay đổi so với lần chạy ${previous.run_id}: cùng các tệp nguồn, cùng giá trị.`
      : `So với lần chạy ${previous.run_id}${previous.finished_at ? ` (${formatDateTimeVn(previous.finished_at)})` : ''}: `
        + `${formatNumber(n('value_changed'), 0)} giá trị thay đổi, ${formatNumber(n('row_new'), 0)} dòng mới, ${formatNumber(n('row_gone'), 0)} dòng không còn, `
        + `${formatNumber(n('status_changed'), 0)} trạng thái thay đổi; ${formatNumber(n('file_changed') + n('file_new') + n('file_gone'), 0)} tệp nguồn thay đổi, mới hoặc không còn.`;
  await write('changes_info', { previous_run_id: 'VARCHAR', summary: 'VARCHAR', revisions: 'VARCHAR' }, [{
    previous_run_id: previous?.run_id ?? '', summary,
    revisions: formatNumber(changes.filter((c) => c.revision && c.indicator_id).length, 0),
  }]);
}
