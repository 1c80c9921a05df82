// `--reference DIR`: another geography (a province's communes and crosswalk) in the bundled files'
// shape. The folder is checked whole before anything reads it, so a missing file or column is named
// at the start of a run, not as a thousand unknown communes in the quarantine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, referenceCsvHeader, type CsvRow } from './csv.ts';
import { buildGeography, GEOGRAPHY_FILES, useGeography, type Geography, type GeographyFile } from './communes.ts';

export class ReferenceDataError extends Error {}

const CODE = /^\d{5}$/;

/**
 * Reads and checks the five commune files of `dir`: each present, with every column of its bundled
 * counterpart (packages/reference/data), 5-digit codes, one row per code, and a crosswalk that takes
 * every 2020 unit to one commune of the 2025 file. Ethnic groups, the WHO table and the encoding
 * maps are national or international standards and always come from the bundled folder.
 */
export function readGeographyDir(dir: string): Geography {
  if (!existsSync(dir)) throw new ReferenceDataError(`reference folder ${dir} does not exist`);
  const rows = new Map<GeographyFile, CsvRow[]>();
  for (const file of GEOGRAPHY_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      throw new ReferenceDataError(`reference folder ${dir} has no ${file} (it needs the same commune files as packages/reference/data: ${GEOGRAPHY_FILES.join(', ')})`);
    }
    const have = new Set(referenceCsvHeader(file, dir));
    const missing = referenceCsvHeader(file).filter((c) => !have.has(c));
    if (missing.length > 0) throw new ReferenceDataError(`${path}: no column ${missing.map((c) => `"${c}"`).join(', ')} (the columns are those of packages/reference/data/${file})`);
    try {
      rows.set(file, parseCsv(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new ReferenceDataError(`${path}: ${(error as Error).message}`);
    }
  }
  for (const [file, columns] of [
    ['bao_yen_communes_2020.csv', ['code']], ['bao_yen_communes_2019_abolished.csv', ['code']],
    ['bao_yen_communes_2025_new.csv', ['new_code']], ['bao_yen_communes_2025_crosswalk.csv', ['old_code', 'new_code']],
    ['bao_yen_communes_2020_merger.csv', ['old_code', 'new_code']],
  ] as const) {
    (rows.get(file) ?? []).forEach((r, i) => {
      for (const c of columns) {
        if (!CODE.test(r[c] ?? '')) throw new ReferenceDataError(`${join(dir, file)} row ${i + 1}, column ${c}: "${r[c]}" is not a 5-digit commune code`);
      }
    });
  }
  const unique = (file: GeographyFile, column: string) => {
    const seen = new Set<string>();
    (rows.get(file) ?? []).forEach((r, i) => {
      const code = r[column] ?? '';
      if (seen.has(code)) throw new ReferenceDataError(`${join(dir, file)} row ${i + 1}: code ${code} appears twice`);
      seen.add(code);
    });
    return seen;
  };
  const codes2020 = unique('bao_yen_communes_2020.csv', 'code');
  const codes2025 = unique('bao_yen_communes_2025_new.csv', 'new_code');
  const mapped = unique('bao_yen_communes_2025_crosswalk.csv', 'old_code');
  if (codes2020.size === 0) throw new ReferenceDataError(`${join(dir, 'bao_yen_communes_2020.csv')}: no communes`);
  if (codes2025.size === 0) throw new ReferenceDataError(`${join(dir, 'bao_yen_communes_2025_new.csv')}: no communes`);
  for (const code of codes2020) {
    if (!mapped.has(code)) throw new ReferenceDataError(`${join(dir, 'bao_yen_communes_2025_crosswalk.csv')}: no row for the 2020 commune ${code}`);
  }
  (rows.get('bao_yen_communes_2025_crosswalk.csv') ?? []).forEach((r, i) => {
    if (!codes2025.has(r.new_code ?? '')) {
      throw new ReferenceDataError(`${join(dir, 'bao_yen_communes_2025_crosswalk.csv')} row ${i + 1}, column new_code: ${r.new_code} is not in bao_yen_communes_2025_new.csv`);
    }
  });
  return buildGeography((file) => rows.get(file) ?? []);
}

/**
 * Makes the geography of `dir` the one every resolver and loader of this process reads; without a
 * folder, the bundled one. A pipeline run calls it first, so a run never inherits another's.
 */
export function useReferenceDir(dir?: string): void {
  useGeography(dir === undefined ? undefined : readGeographyDir(dir));
}

/** The bundled files that are not geography, for a writer that copies a complete folder. */
export const STANDARD_FILES = ['ethnic_groups.csv', 'who_weight_for_age_lms.csv', 'tcvn3_vni_map.csv', 'name_encoding_examples.csv'] as const;

