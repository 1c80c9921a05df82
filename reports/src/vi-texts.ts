// Vietnamese for the catalog's texts that would otherwise reach the site in English: the targets still
// waiting for a source, units and method notes. Findings of ingestion and the warehouse checks are not
// translated here: they are codes worded in Vietnamese where they are declared (@dtts/messages).
import type { CatalogRow } from '@dtts/indicators';

/**
 * Numerator, denominator and expected source of each target waiting for a source (a catalog entry with
 * `hasSource: false`). None today: every target of the plan has a source; a new one with no source
 * yet gets its Vietnamese here (vi-texts.test.ts fails until it does).
 */
export const PENDING_VI: Record<string, { numerator: string; denominator: string; source: string }> = {};

export const UNIT_VI: Record<string, string> = {
  percent: '%',
  vnd_per_person_month: 'đồng/người/tháng',
  count: 'số lượng',
  yes_no: 'có/không',
};

/** The catalog's method note in Vietnamese (declared with the indicator). */
export function methodNoteVi(c: CatalogRow): string {
  return c.method_note_vi ?? c.method_note ?? '';
}
/** The expected source of a target
 waiting for a source, in Vietnamese. */
export function expectedSourceVi(c: CatalogRow): string {
  return PENDING_VI[c.indicator_id]?.source ?? 'Chưa xác định';
}

export const SEVERITY_VI: Record<string, string> = { error: 'Lỗi', warn: 'Cảnh báo', warning: 'Cảnh báo', info: 'Thông tin' };
export const COMPLETENESS_VI: Record<string, string> = { ok: 'Đủ', missing_commune: 'Thiếu xã', missing: 'Thiếu', empty: 'Trống' };
