// Value types: how the text of a cell becomes a typed value.
//
// Two kinds, for speed: `parse` types run a zod schema once per DISTINCT raw
// text of a column (a few thousand at most: codes, dates, flags, names of
// communes and ethnic groups), and the engine joins the results back in
// DuckDB; `sql` types (free text, ids, personal data) are a SQL expression
// over the raw column, so millions of rows never pass through JavaScript.
import { type Finding, render } from '@dtts/messages';
import { z } from 'zod';

export interface ParseContext {
  /** ISO date the source describes, e.g. 2024-10-01. */
  referenceDate: string;
  year: number;
}

/** A parse schema turns trimmed, NFC text into the SQL text of a value (cast by the engine), or null for unknown. */
export type ParseSchema = z.ZodType<string | null, string>;

/** A value a clerk may pick from a list, with a note shown beside it (a commune's code, say). */
export interface Choice {
  value: string;
  note?: string;
}

/**
 * What a data-entry form needs to know about a value type: the kind of cell, its bounds at the
 * reference date, or the values a clerk may pick. Forms (`@dtts/forms`) derive their validation,
 * number formats and examples from it, so it is declared here beside the parser it describes.
 */
export type ValueInput =
  /** `length`: exactly so many characters (`digits`: all of them digits), as a citizen id's 12. */
  | { kind: 'text'; length?: number; digits?: boolean }
  | { kind: 'whole'; range: (ctx: ParseContext) => { min?: number; max?: number }; thousands?: boolean; year?: boolean }
  /** A measure such as a weight in kg: shown with `decimals` places (12,5). */
  | { kind: 'decimal'; range: (ctx: ParseContext) => { min?: number; max?: number }; decimals: number }
  /** ISO bounds. */
  | { kind: 'date'; range: (ctx: ParseContext) => { min?: string; max?: string } }
  | { kind: 'list'; choices: (ctx: ParseContext) => Choice[] };

export interface ParseType {
  kind: 'parse';
  sqlType: string;
  /** Built per reference date, so that dates and communes are judged against it. */
  schema: (ctx: ParseContext) => ParseSchema;
  /** A warning a value raised while parsing (an abolished commune code mapped forward, say). */
  warnings?: (raw: string, ctx: ParseContext) => Finding | undefined;
  /** Booleans: a blank cell means false in a file whose boolean columns use `x` marks. */
  xMarks?: boolean;
  /** The values a parsed cell can take, for the warehouse's accepted-values check. */
  accepted?: AcceptedValues;
  /** The indicator grain this value is: the warehouse splits a source's records by it. */
  grain?: 'ethnic_group' | 'sex';
  pii?: undefined;
  input?: ValueInput;
}

/**
 * A fixed list, or a SQL query over `ref.*` returning one column with the check's wording: a code of
 * @dtts/messages taking `{model}` and `{column}` (the ethnic codes: `check_ethnic_code`).
 */
export type AcceptedValues = { values: readonly string[] } | { query: string; check: 'check_ethnic_code' };

export interface SqlType {
  kind: 'sql';
  sqlType: string;
  /** SQL for the value from the raw column expression (already trimmed and NFC; NULL when blank). */
  value: (raw: string) => string;
  /** SQL that is true when a present raw value is not acceptable, with the finding the quarantine records. */
  invalid?: { when: (raw: string) => string; finding: Finding };
  /** Personal data: `hash` keeps a keyed hash (as `<column>_hash`), `drop` keeps nothing. */
  pii?: 'hash' | 'drop';
  input?: ValueInput;
}

export type ValueType = ParseType | SqlType;

/** Builds a parse type from a function returning a value or a finding (the zod issue carries it in `params.finding`). */
export function parseType(
  sqlType: string,
  parse: (text: string, ctx: ParseContext) => { ok: true; value: string | null } | { ok: false; finding: Finding },
  extra: Partial<Pick<ParseType, 'warnings' | 'xMarks' | 'input' | 'accepted' | 'grain'>> = {},
): ParseType {
  return {
    kind: 'parse',
    sqlType,
    schema: (ctx) =>
      z.string().transform((text, issue) => {
        const result = parse(text, ctx);
        if (result.ok) return result.value;
        issue.addIssue({ code: 'custom', message: render(result.finding, 'en'), params: { finding: result.finding } });
        return z.NEVER;
      }),
    ...extra,
  };
}
