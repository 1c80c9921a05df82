import type { Finding } from '@dtts/messages';

/** Outcome of reading one cell: a value, or a finding (a code of @dtts/messages) for the quarantine. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; finding: Finding };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(finding: Finding): ParseResult<T> => ({ ok: false, finding });
