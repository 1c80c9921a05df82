// The value types a connector declares its columns with.
import { resolveCommune, resolveEthnicGroup } from '@dtts/reference';
import { parseBooleanVi, parseDateLoose, parseSex, parseVnInteger, foldForMatch } from '@dtts/vn-text';
import { parseType, type ParseType, type SqlType } from './types.ts';

export * from './types.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: { year: number; month: number; day: number }) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
const formatVn = (iso: string) => iso.split('-').reverse().join('/');

/** Free text: trimmed, NFC. */
export function text(): SqlType {
  return { kind: 'sql', sqlType: 'VARCHAR', value: (raw) => raw };
}

/** Personal data: read for matching, never loaded as it is. */
export function personal(action: 'hash' | 'drop', format?: { pattern: string; reason: string }): SqlType {
  return {
    kind: 'sql',
    sqlType: 'VARCHAR',
    value: (raw) => (format ? `regexp_replace(${raw}, '\\s', '', 'g')` : raw),
    ...(format && {
      invalid: { when: (raw) => `NOT regexp_full_match(regexp_replace(${raw}, '\\s', '', 'g'), '${format.pattern}')`, reason: format.reason },
    }),
    pii: action,
  };
}

export function integer(range: { min?: number; max?: number } = {}, sqlType: 'INTEGER' | 'BIGINT' = 'INTEGER'): ParseType {
  return parseType(sqlType, (t) => {
    const n = parseVnInteger(t);
    if (!n.ok) return n;
    if (range.min !== undefined && n.value < range.min) return { ok: false, reason: `${n.value} is below ${range.min}` };
    if (range.max !== undefined && n.value > range.max) return { ok: false, reason: `${n.value} is above ${range.max}` };
    return { ok: true, value: String(n.value) };
  });
}

/** A whole VND amount ≥ 0: `1.500.000`, `1 500 000`, `1500000`. */
export const vnd = () => integer({ min: 0 }, 'BIGINT');

/** A full date, not after the reference date when `notAfterReference`. */
export function date(opts: { notAfterReference?: boolean } = {}): ParseType {
  return parseType('DATE', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (month === undefined || day === undefined) return { ok: false, reason: `"${t}" is a year, not a full date` };
    const iso = isoDate({ year, month, day });
    if (opts.notAfterReference && iso > ctx.referenceDate) {
      return { ok: false, reason: `date ${formatVn(iso)} is after the reference date ${formatVn(ctx.referenceDate)}` };
    }
    return { ok: true, value: iso };
  });
}

/** A birth date: a full date or a year alone (unknown day); never after the reference date. Loaded as text `yyyy-mm-dd` or `yyyy`. */
export function birthDate(): ParseType {
  return parseType('VARCHAR', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (year < 1890) return { ok: false, reason: `birth year ${year} is impossible` };
    if (month === undefined || day === undefined) {
      if (year > ctx.year) return { ok: false, reason: `birth year ${year} is after ${ctx.year}` };
      return { ok: true, value: String(year) };
    }
    const iso = isoDate({ year, month, day });
    if (iso > ctx.referenceDate) {
      return { ok: false, reason: `birth date ${formatVn(iso)} is after the reference date ${formatVn(ctx.referenceDate)}` };
    }
    return { ok: true, value: iso };
  });
}

/** A birth year alone. */
export function birthYear(): ParseType {
  return parseType('INTEGER', (t, ctx) => {
    const n = parseVnInteger(t);
    if (!n.ok || n.value < 1890 || n.value > 9999) return { ok: false, reason: `"${t}" is not a year` };
    if (n.value > ctx.year) return { ok: false, reason: `birth year ${n.value} is after ${ctx.year}` };
    return { ok: true, value: String(n.value) };
  });
}

export function boolean(): ParseType {
  return parseType(
    'BOOLEAN',
    (t) => {
      const b = parseBooleanVi(t);
      return b.ok ? { ok: true, value: b.value === null ? null : String(b.value) } : b;
    },
    { xMarks: true },
  );
}

export function sex(): ParseType {
  return parseType('VARCHAR', (t) => parseSex(t), { accepted: { values: ['Nam', 'Nữ'] }, grain: 'sex' });
}

export function ethnicGroup(): ParseType {
  return parseType('VARCHAR', (t) => {
    const r = resolveEthnicGroup(t);
    return r.ok ? { ok: true, value: r.code } : { ok: false, reason: r.reason };
  }, { accepted: { query: 'select code from ref.ethnic_groups', what: 'an ethnic code of ref.ethnic_groups' }, grain: 'ethnic_group' });
}

/** A commune code (leading zeros may be lost), resolved to the unit in force at the reference date. */
export function communeCode(): ParseType {
  return parseType(
    'VARCHAR',
    (t, ctx) => {
      const r = resolveCommune({ code: t }, ctx.referenceDate);
      return r.ok ? { ok: true, value: r.code } : { ok: false, reason: r.reason };
    },
    { warnings: (t, ctx) => resolveCommuneWarning({ code: t }, ctx.referenceDate) },
  );
}

/** A commune name (`Xã Bảo Hà`, `TT Phố Ràng`, `Bao Ha`), resolved among the units in force at the reference date. */
export function communeName(): ParseType {
  return parseType(
    'VARCHAR',
    (t, ctx) => {
      const r = resolveCommune({ name: t }, ctx.referenceDate);
      return r.ok ? { ok: true, value: r.code } : { ok: false, reason: r.reason };
    },
    { warnings: (t, ctx) => resolveCommuneWarning({ name: t }, ctx.referenceDate) },
  );
}

function resolveCommuneWarning(input: { code?: string; name?: string }, referenceDate: string): string | undefined {
  const r = resolveCommune(input, referenceDate);
  return r.ok ? r.warning : undefined;
}

/**
 * One of a fixed set of values. `values` maps each loaded value to the spellings that mean it;
 * spellings compare after case, tone-placement and spacing folding.
 */
export function oneOf(values: Readonly<Record<string, readonly string[]>>): ParseType {
  const lookup = new Map<string, string>();
  for (const [value, spellings] of Object.entries(values)) {
    for (const s of [value, ...spellings]) lookup.set(foldForMatch(s), value);
  }
  const allowed = Object.values(values).map((s) => s[0] ?? '').join(', ');
  return parseType('VARCHAR', (t) => {
    const value = lookup.get(foldForMatch(t));
    return value === undefined ? { ok: false, reason: `"${t}" is not one of: ${allowed}` } : { ok: true, value };
  }, { accepted: { values: Object.keys(values) } });
}
