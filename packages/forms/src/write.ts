// Every form of a year: one workbook per table of every registered connector, laid out as the
// sources folder is (`<connector>/<year>/<table>_bieu_mau_<year>.xlsx`), so a returned file goes
// back into the same place under the sources folder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connector } from '@dtts/ingest-core';
import { readPreviousYear, type PreviousYear } from './previous.ts';
import { buildForm, validationsOf } from './workbook.ts';

export interface WrittenForm {
  connector: string;
  table: string;
  /** Relative to the output folder. */
  file: string;
  columns: number;
  validations: number;
  prefilled: number;
}

export interface WriteFormsOptions {
  year: number;
  outDir: string;
  connectors: readonly Connector[];
  /** A sources folder: the previous year's files there give the pre-filled lists. */
  sourcesDir?: string;
  /** ISO due date (default: 30 days after each source's reference date). */
  due?: string;
}

export async function writeForms(opts: WriteFormsOptions): Promise<{ forms: WrittenForm[]; previous?: PreviousYear }> {
  const previous = opts.sourcesDir
    ? await readPreviousYear({ sourcesDir: opts.sourcesDir, connectors: opts.connectors, year: opts.year - 1, formYear: opts.year })
    : undefined;
  const forms: WrittenForm[] = [];
  for (const connector of opts.connectors) {
    for (const table of connector.tables) {
      const built = buildForm({ connector, table, year: opts.year, previous, due: opts.due });
      const file = join(connector.id, String(opts.year), formFileName(table.prefixes?.[0] ?? table.name, opts.year));
      await mkdir(join(opts.outDir, connector.id, String(opts.year)), { recursive: true });
      await built.workbook.xlsx.writeFile(join(opts.outDir, file));
      const sheet = built.workbook.getWorksheet(table.name)!;
      forms.push({
        connector: connector.id, table: table.name, file, columns: built.columns.length,
        validations: Object.keys(validationsOf(sheet).model).length, prefilled: built.prefilled,
      });
    }
  }
  return { forms, previous };
}

/** Starts with the table's prefix, so the engine files a returned form under its table. */
export function formFileName(prefix: string, year: number): string {
  return `${prefix}_bieu_mau_${year}.xlsx`;
}
