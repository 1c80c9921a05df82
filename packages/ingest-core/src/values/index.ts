// The value types a connector declares its columns with.
import { finding, type Finding } from '@dtts/messages';
import { ethnicGroups, resolveCommune, resolveEthnicGroup, unitsInForce } from '@dtts/reference';
import { parseBooleanVi, parseDateLoose, parseSex, parseVnInteger, foldForMatch } from '@dtts/vn-text';
import { parseType, type ParseType, type SqlType } from './types.ts';

export * from './types.ts';
export { eventDate, fullBirthDate, kilograms } from './measures.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: { year: number; month: number; day: number }) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
/** Births before this year are impossible in these registers. */
const FIRST_BIRTH_YEAR = 1890;

/** Free text: trimmed, NFC. */
export function text(): SqlType {
  return { kind: 'sql', sqlType: 'VARCHAR', value: (raw) => raw, input: { kind: 'text' } };
}

/** Personal data: read for matching, never loaded as it is. */
export function personal(action: 'hash' | 'drop', format?: { pattern: string; finding: Finding }): SqlType {
  const inFormat = (sql: string) => `regexp_full_match(${sql}, '${format?.pattern}')`;
  const spaceless = (sql: string) => `regexp_replace(${sql}, '\\s', '', 'g')`;
  return {
    kind: 'sql',
    sqlType: 'VARCHAR',
    // Spaces inside an id are taken out; an id already in its format (nearly all) is not rewritten,
    // which spares two of three regular expressions per cell (the card file's ids: 100 → 30 ms).
    value: (raw) => (format ? `CASE WHEN ${inFormat(raw)} THEN ${raw} ELSE ${spaceless(raw)} END` : raw),
    ...(format && {
      invalid: {
        when: (raw) => `CASE WHEN ${inFormat(raw)} THEN false ELSE NOT ${inFormat(spaceless(raw))} END`,
        finding: format.finding,
      },
    }),
    pii: action,
    input: { kind: 'text', ...fixedLength(format?.pattern) },
  };
}

/** `[0-9]{12}` → 12 digits; `[A-Za-z0-9]{15}` → 15 characters; other patterns say nothing a form can check. */
function fixedLength(pattern: string | undefined): { length?: number; digits?: boolean } {
  const m = pattern?.match(/^\[([^\]]+)\]\{(\d+)\}$/);
  return m ? { length: Number(m[2]), digits: m[1] === '0-9' } : {};
}

export function integer(range: { min?: number; max?: number } = {}, sqlType: 'INTEGER' | 'BIGINT' = 'INTEGER'): ParseType {
  const input = { kind: 'whole', range: () => range, thousands: sqlType === 'BIGINT' } as const;
  return parseType(sqlType, (t) => {
    const n = parseVnInteger(t);
    if (!n.ok) return n;
    if (range.min !== undefined && n.value < range.min) return { ok: false, finding: finding('number_below', { min: range.min }) };
    if (range.max !== undefined && n.value > range.max) return { ok: false, finding: finding('number_above', { max: range.max }) };
    return { ok: true, value: String(n.value) };
  }, { input });
}

/** A whole VND amount ≥ 0: `1.500.000`, `1 500 000`, `1500000`. */
export const vnd = () => integer({ min: 0 }, 'BIGINT');

/** A full date, not after the reference date when `notAfterReference`. */
export function date(opts: { notAfterReference?: boolean } = {}): ParseType {
  return parseType('DATE', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (month === undefined || day === undefined) return { ok: false, finding: finding('date_year_only') };
    const iso = isoDate({ year, month, day });
    if (opts.notAfterReference && iso > ctx.referenceDate) return { ok: false, finding: finding('date_after_reference', { referenceDate: ctx.referenceDate }) };
    return { ok: true, value: iso };
  }, { input: { kind: 'date', range: (ctx) => (opts.notAfterReference ? { max: ctx.referenceDate } : {}) } });
}

/** A birth date: a full date or a year alone (unknown day); never after the reference date. Loaded as text `yyyy-mm-dd` or `yyyy`. */
export function birthDate(): ParseType {
  return parseType('VARCHAR', (t, ctx) => {
    const d = parseDateLoose(t);
    if (!d.ok) return d;
    const { year, month, day } = d.value;
    if (year < FIRST_BIRTH_YEAR) return { ok: false, finding: finding('birth_year_before', { min: FIRST_BIRTH_YEAR }) };
    if (month === undefined || day === undefined) {
      if (year > ctx.year) return { ok: false, finding: finding('birth_year_after', { year: ctx.year }) };
      return { ok: true, value: String(year) };
    }
    const iso = isoDate({ year, month, day });
    if (iso > ctx.referenceDate) return { ok: false, finding: finding('birth_date_after_reference', { referenceDate: ctx.referenceDate }) };
    return { ok: true, value: iso };
  }, { input: { kind: 'date', range: (ctx) => ({ min: `${FIRST_BIRTH_YEAR}-01-01`, max: ctx.referenceDate }) } });
}

/** A birth year alone. */
export function birthYear(): ParseType {
  return parseType('INTEGER', (t, ctx) => {
    const n = parseVnInteger(t);
    if (!n.ok || n.value < FIRST_BIRTH_YEAR || n.value > 9999) return { ok: false, finding: finding('not_a_year') };
    if (n.value > ctx.year) return { ok: false, finding: finding('birth_year_after', { year: ctx.year }) };
    return { ok: true, value: String(n.value) };
  }, { input: { kind: 'whole', range: (ctx) => ({ min: FIRST_BIRTH_YEAR, max: ctx.year }), year: true } });
}

export function boolean(): ParseType {
  return parseType(
    'BOOLEAN',
    (t) => {
      const b = parseBooleanVi(t);
      return b.ok ? { ok: true, value: b.value === null ? null : String(b.value) } : b;
    },
    { xMarks: true, input: { kind: 'list', choices: () => [{ value: 'Có' }, { value: 'Không' }] } },
  );
}

export function sex(): ParseType {
  return parseType('VARCHAR', (t) => parseSex(t), {
    accepted: { values: ['Nam', 'Nữ'] }, grain: 'sex',
    input: { kind: 'list', choices: () => [{ value: 'Nam' }, { value: 'Nữ' }] },
  });
}

export function ethnicGroup(): ParseType {
  return parseType('VARCHAR', (t) => {
    const r = resolveEthnicGroup(t);
    return r.ok ? { ok: true, value: r.code } : { ok: false, finding: r.finding };
  }, {
    accepted: { query: 'select code from ref.ethnic_groups', check: 'check_ethnic_code' }, grain: 'ethnic_group',
    // The 54 groups of the 1979 list by name, code beside (55, foreigners, is not an ethnic group).
    input: { kind: 'list', choices: () => ethnicGroups.filter((g) => g.code !== '55').map((g) => ({ value: g.name, note: g.code })) },
  });
}

/** A commune code (leading zeros may be lost), resolved to the unit in force at the reference date. */
export function communeCode(): ParseType {
  return parseType(
    'VARCHAR',
    (t, ctx) => {
      const r = resolveCommune({ code: t }, ctx.referenceDate);
      return r.ok ? { ok: true, value: r.code } : { ok: false, finding: r.finding };
    },
    {
      warnings: (t, ctx) => resolveCommuneWarning({ code: t }, ctx.referenceDate),
      input: { kind: 'list', choices: (ctx) => unitsInForce(ctx.referenceDate).map((u) => ({ value: u.code, note: u.name })) },
    },
  );
}

/** A commune name (`Xã Bảo Hà`, `TT Phố Ràng`, `Bao Ha`), resolved among the units in force at the reference date. */
export function communeName(): ParseType {
  return parseType(
    'VARCHAR',
    (t, ctx) => {
      const r = resolveCommune({ name: t }, ctx.referenceDate);
      return r.ok ? { ok: true, value: r.code } : { ok: false, finding: r.finding };
    },
    {
      warnings: (t, ctx) => resolveCommuneWarning({ name: t }, ctx.referenceDate),
      input: { kind: 'list', choices: (ctx) => unitsInForce(ctx.referenceDate).map((u) => ({ value: u.name, note: u.code })) },
    },
  );
}

/** A column holds a code or a name, never both, so a resolution raises at most one warning (mapped forward). */
function resolveCommuneWarning(input: { code?: string; name?: string }, referenceDate: string): Finding | undefined {
  const r = resolveCommune(input, referenceDate);
  return r.ok ? r.warnings?.[0] : undefined;
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
  // The reason lists each value as a clerk writes it: the value where it is already words
  // (`Cấp phối`, `Nêu gương`), else its first spelling (`facility` → `Cơ sở y tế`, `MN` → `Mầm non`).
  const allowed = Object.entries(values).map(([value, spellings]) => (/[^\x00-\x7f]| /.test(value) ? value : (spellings[0] ?? value))).join(', ');
  // A form offers each value by its longest spelling: the words in full (`Nội trú`, not `NT`).
  const choices = Object.entries(values).map(([value, spellings]) => ({
    value: [value, ...spellings].reduce((a, b) => (b.length > a.length ? b : a)),
  }));
  return parseType('VARCHAR', (t) => {
    const value = lookup.get(foldForMatch(t));
    return value === undefined ? { ok: false, finding: finding('not_one_of', { allowed }) } : { ok: true, value };
  }, { accepted: { values: Object.keys(values) }, input: { kind: 'list', choices: () => choices } });
}
export * from './places-and-levels.ts';
