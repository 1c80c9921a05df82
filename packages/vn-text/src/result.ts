/** Outcome of reading one cell: a value, or a reason in plain words for the quarantine. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): ParseResult<T> => ({ ok: false, reason });
