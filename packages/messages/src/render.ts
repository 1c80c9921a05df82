// Rendering a finding (code + parameters) in Vietnamese or English: in JavaScript, and as a DuckDB
// expression over the warehouse's `code` and `params` columns. Both read the same templates.
import { MESSAGES, type MessageCode } from './catalogue.ts';

/** Parameter names a template mentions: "below {min}" → "min"; "{d:date}" → "d". */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? (P extends `${infer N}:${string}` ? N : P) | ParamNames<Rest> : never;
type Templates<C extends MessageCode> = (typeof MESSAGES)[C]['en'] | (typeof MESSAGES)[C]['vi'];
export type ParamsOf<C extends MessageCode> = { [K in ParamNames<Templates<C>>]: string | number };

export type ParamValue = string | number;

/** A finding as the warehouse stores it (SOURCES.md §3): a code with its parameters. */
export interface Finding {
  code: MessageCode;
  params: Record<string, ParamValue>;
}

/** A finding, with its parameters checked against the code's templates at compile time. */
export function finding<C extends MessageCode>(code: C, ...rest: [ParamNames<Templates<C>>] extends [never] ? [] : [ParamsOf<C>]): Finding {
  return { code, params: (rest[0] ?? {}) as Record<string, ParamValue> };
}

export type Language = 'vi' | 'en' | 'site';

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The template of a code in a language; `site` falls back to `vi`. */
export function template(code: MessageCode, lang: Language): string {
  const spec: { en: string; vi: string; site?: string } = MESSAGES[code];
  return lang === 'en' ? spec.en : lang === 'site' ? (spec.site ?? spec.vi) : spec.vi;
}

type Part = { text: string } | { param: string; format?: 'date' };

export function parseTemplate(t: string): Part[] {
  const parts: Part[] = [];
  const re = /\{(\w+)(?::(date))?\}/g;
  let last = 0;
  for (const m of t.matchAll(re)) {
    if (m.index > last) parts.push({ text: t.slice(last, m.index) });
    parts.push(m[2] ? { param: m[1]!, format: 'date' } : { param: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < t.length) parts.push({ text: t.slice(last) });
  return parts;
}

const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/** The finding in words. An unknown code is shown as itself, so nothing is lost (never English prose). */
export function render(f: { code: string; params?: Record<string, unknown> | null }, lang: Language): string {
  if (!isMessageCode(f.code)) return f.code;
  const params = f.params ?? {};
  return parseTemplate(template(f.code, lang))
    .map((p) => {
      if ('text' in p) return p.text;
      const v = params[p.param];
      const s = v === undefined || v === null ? '?' : String(v);
      const iso = p.format === 'date' && lang !== 'en' ? ISO_DATE.exec(s) : null;
      return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : s;
    })
    .join('');
}

/** A finding stored as text: `{"code":…,"params":{…}}` (how work tables carry one per cell). */
export const encodeFinding = (f: Finding): string => JSON.stringify({ code: f.code, params: f.params });

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A DuckDB expression rendering a finding from a code column and a params column (JSON text), the
 * same words as `render`. Used where DuckDB writes a file (exports/quarantine.csv) or a table.
 */
export function renderSql(code: string, params: string, lang: Language): string {
  const branches = (Object.keys(MESSAGES) as MessageCode[]).map((c) => {
    const pieces = parseTemplate(template(c, lang)).map((p) => {
      if ('text' in p) return sqlString(p.text);
      const v = `coalesce(json_extract_string(${params}, ${sqlString(`$.${p.param}`)}), '?')`;
      return p.format === 'date' && lang !== 'en' ? `coalesce(strftime(try_cast(${v} AS DATE), '%d/%m/%Y'), ${v})` : v;
    });
    return `WHEN ${sqlString(c)} THEN concat(${pieces.join(', ')})`;
  });
  return `(CASE ${code} ${branches.join(' ')} ELSE ${code} END)`;
}
