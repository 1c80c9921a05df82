import { col, readReferenceCsv, type CsvRow } from './csv.ts';

/** One administrative unit over its period of validity. Codes are re-used, so the key is (code, validFrom). */
export interface CommuneUnit {
  code: string;
  name: string;
  nameShort: string;
  type: string;
  /** '2019' pre-merger, '2020' the 17 units of 2020–2025, '2025' the 6 new communes, 'van_ban' Văn Bàn units absorbed in 2025. */
  frame: '2019' | '2020' | '2025' | 'van_ban';
  validFrom: string;
  validTo: string | null;
}

// The legal start of the pre-merger and Văn Bàn units is not in the sources; any date
// earlier than the warehouse's first year (2020) serves, and this one cannot be mistaken for real.
const START_UNKNOWN = '1900-01-01';
const MERGER_2020 = '2020-03-01';
const LAST_DAY_2019_FRAME = '2020-02-29';
/** The day the 2025 reorganisation took effect (17 units became 6). */
export const REFORM_2025 = '2025-07-01';
const LAST_DAY_2020_FRAME = '2025-06-30';

function shortName(name: string, type: string): string {
  return name.startsWith(`${type} `) ? name.slice(type.length + 1) : name;
}

export interface MergerRow { oldCode: string; oldName: string; newCode: string; newName: string }
export interface CrosswalkRow { oldCode: string; oldName: string; newCode: string; newName: string; inBaoYen2020: boolean }

/** The commune files of a reference folder: the geography `--reference DIR` replaces. */
export const GEOGRAPHY_FILES = [
  'bao_yen_communes_2019_abolished.csv', 'bao_yen_communes_2020.csv', 'bao_yen_communes_2020_merger.csv',
  'bao_yen_communes_2025_crosswalk.csv', 'bao_yen_communes_2025_new.csv',
] as const;
export type GeographyFile = (typeof GEOGRAPHY_FILES)[number];

export interface Geography { merger2020: MergerRow[]; crosswalk2025: CrosswalkRow[]; communeUnits: CommuneUnit[] }

/** Builds the units and crosswalks from the five commune files, read by `read`. */
export function buildGeography(read: (file: GeographyFile) => CsvRow[]): Geography {
  const merger: MergerRow[] = read('bao_yen_communes_2020_merger.csv').map((r) => ({
    oldCode: col(r, 'old_code'), oldName: col(r, 'old_name'),
    newCode: col(r, 'new_code'), newName: col(r, 'new_name'),
  }));
  const crosswalk: CrosswalkRow[] = read('bao_yen_communes_2025_crosswalk.csv').map((r) => ({
    oldCode: col(r, 'old_code'), oldName: col(r, 'old_name'),
    newCode: col(r, 'new_code'), newName: col(r, 'new_name'),
    inBaoYen2020: col(r, 'in_bao_yen_2020') === '1',
  }));
  const abolished2019: CommuneUnit[] = read('bao_yen_communes_2019_abolished.csv').map((r) => ({
    code: col(r, 'code'), name: col(r, 'name'), nameShort: col(r, 'name_short'), type: col(r, 'type'),
    frame: '2019', validFrom: START_UNKNOWN, validTo: LAST_DAY_2019_FRAME,
  }));
  const units2020: CommuneUnit[] = read('bao_yen_communes_2020.csv').map((r) => ({
    code: col(r, 'code'), name: col(r, 'name'), nameShort: col(r, 'name_short'), type: col(r, 'type'),
    frame: '2020', validFrom: MERGER_2020, validTo: LAST_DAY_2020_FRAME,
  }));
  const vanBan: CommuneUnit[] = crosswalk.filter((c) => !c.inBaoYen2020).map((c) => ({
    code: c.oldCode, name: c.oldName, nameShort: shortName(c.oldName, 'Xã'), type: 'Xã',
    frame: 'van_ban', validFrom: START_UNKNOWN, validTo: LAST_DAY_2020_FRAME,
  }));
  const units2025: CommuneUnit[] = read('bao_yen_communes_2025_new.csv').map((r) => ({
    code: col(r, 'new_code'), name: col(r, 'new_name'), nameShort: shortName(col(r, 'new_name'), col(r, 'type')),
    type: col(r, 'type'), frame: '2025', validFrom: REFORM_2025, validTo: null,
  }));
  return { merger2020: merger, crosswalk2025: crosswalk, communeUnits: [...abolished2019, ...units2020, ...vanBan, ...units2025] };
}

const bundled = buildGeography((file) => readReferenceCsv(file));

// The arrays are replaced in place by `useGeography` (`--reference DIR`), so every importer sees the
// geography of the run without re-importing.
export const merger2020: MergerRow[] = [...bundled.merger2020];
export const crosswalk2025: CrosswalkRow[] = [...bundled.crosswalk2025];
export const communeUnits: CommuneUnit[] = [...bundled.communeUnits];

/** Makes `g` the geography every resolver and loader reads (the bundled one when `g` is undefined). */
export function useGeography(g: Geography = bundled): void {
  merger2020.splice(0, merger2020.length, ...g.merger2020);
  crosswalk2025.splice(0, crosswalk2025.length, ...g.crosswalk2025);
  communeUnits.splice(0, communeUnits.length, ...g.communeUnits);
}

/** True when the unit exists on that ISO date (inclusive bounds; ISO strings compare as dates). */
export function isInForce(unit: CommuneUnit, referenceDate: string): boolean {
  return unit.validFrom <= referenceDate && (unit.validTo === null || referenceDate <= unit.validTo);
}

/**
 * The Bảo Yên units in force on an ISO date: 17 from 2020-03-01, 6 from 2025-07-01.
 * Văn Bàn units are never returned: they are not Bảo Yên's before 2025 and are gone after.
 * Before 2020-03-01 only the two pre-merger units are known (the sources start in 2020).
 */
export function unitsInForce(referenceDate: string): CommuneUnit[] {
  return communeUnits.filter((u) => u.frame !== 'van_ban' && isInForce(u, referenceDate));
}

/**
 * Former communes inside a 2025 commune that were not part of Bảo Yên in 2020 (Tân An and
 * Tân Thượng for Bảo Hà 02989): a comparison with the 2020 baseline must name them.
 */
export function outsideBaseline2020(newCode: string): { oldCode: string; oldName: string }[] {
  return crosswalk2025.filter((c) => c.newCode === newCode && !c.inBaoYen2020).map(({ oldCode, oldName }) => ({ oldCode, oldName }));
}
