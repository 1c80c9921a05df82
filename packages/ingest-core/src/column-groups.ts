// Column groups that several sources share, declared once: a commune given by code or by name,
// and a birth date given in full or as a year. Spread them into a table declaration.
import type { ColumnSpec, DerivedColumn } from './contract.ts';
import * as v from './values/index.ts';

export interface ColumnGroup {
  columns: Record<string, ColumnSpec>;
  derived: Record<string, DerivedColumn>;
  /** The alternatives, of which one must be readable. */
  oneOf: string[];
}

/**
 * `ma_xa` or `ten_xa`, loaded as one resolved `commune_code`, required where the table lists the group
 * in `requireOneOf` (a table whose rows may have no commune, district-level ones, does not).
 */
export function communeColumns(opts: { codeAliases?: string[]; nameAliases?: string[]; what?: string } = {}): ColumnGroup & { omit: string[] } {
  const what = opts.what ?? 'Commune';
  return {
    columns: {
      ma_xa: { aliases: opts.codeAliases ?? ['Mã xã', 'Mã ĐVHC'], type: v.communeCode(), description: `${what} (5-digit code; leading zeros may be lost)` },
      ten_xa: { aliases: opts.nameAliases ?? ['Tên xã', 'Xã'], type: v.communeName(), description: `${what} (name), when no code is given` },
    },
    // Named commune_code in every source: the warehouse checks it against the frame in force at the reference date.
    derived: { commune_code: { sql: 'coalesce(ma_xa, ten_xa)', sqlType: 'VARCHAR', from: ['ma_xa', 'ten_xa'], label: opts.codeAliases?.[0] ?? 'Mã xã' } },
    omit: ['ma_xa', 'ten_xa'],
    oneOf: ['ma_xa', 'ten_xa'],
  };
}

/** `ngay_sinh` (a full date or a year alone) or `nam_sinh`, loaded as `ngay_sinh DATE` and `nam_sinh INTEGER`. */
export function birthColumns(): ColumnGroup {
  return {
    columns: {
      ngay_sinh: { aliases: ['Ngày sinh'], type: v.birthDate(), description: 'Birth date (or a year alone)' },
      nam_sinh: { aliases: ['Năm sinh'], type: v.birthYear(), description: 'Birth year' },
    },
    derived: {
      ngay_sinh: { sql: 'try_cast(ngay_sinh AS DATE)', sqlType: 'DATE', label: 'Ngày sinh' },
      nam_sinh: { sql: 'coalesce(nam_sinh, try_cast(left(ngay_sinh, 4) AS INTEGER))', sqlType: 'INTEGER', from: ['ngay_sinh', 'nam_sinh'], label: 'Năm sinh' },
    },
    oneOf: ['ngay_sinh', 'nam_sinh'],
  };
}

/**
 * The birth of one person of a row that holds several (a mother, a husband, a wife):
 * `ngay_sinh_<who>` (a full date or a year alone) or `nam_sinh_<who>`, loaded as DATE and INTEGER.
 */
export function birthColumnsOf(who: string, aliases: { date: string[]; year: string[] }, description: string): ColumnGroup & { birthYear: { date: string; year: string } } {
  const date = `ngay_sinh_${who}`;
  const year = `nam_sinh_${who}`;
  return {
    columns: {
      [date]: { aliases: aliases.date, type: v.birthDate(), description: `Birth date of the ${description} (or a year alone)` },
      [year]: { aliases: aliases.year, type: v.birthYear(), description: `Birth year of the ${description}` },
    },
    derived: {
      [date]: { sql: `try_cast(${date} AS DATE)`, sqlType: 'DATE' },
      [year]: { sql: `coalesce(${year}, try_cast(left(${date}, 4) AS INTEGER))`, sqlType: 'INTEGER' },
    },
    oneOf: [date, year],
    birthYear: { date, year },
  };
}
