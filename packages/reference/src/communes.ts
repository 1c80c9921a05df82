import { col, readReferenceCsv } from './csv.ts';

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
const REFORM_2025 = '2025-07-01';
const LAST_DAY_2020_FRAME = '2025-06-30';

function shortName(name: string, type: string): string {
  return name.startsWith(`${type} `) ? name.slice(type.length + 1) : name;
}

export const merger2020: { oldCode: string; oldName: string; newCode: string; newName: string }[] =
  readReferenceCsv('bao_yen_communes_2020_merger.csv').map((r) => ({
    oldCode: col(r, 'old_code'), oldName: col(r, 'old_name'),
    newCode: col(r, 'new_code'), newName: col(r, 'new_name'),
  }));

export const crosswalk2025: { oldCode: string; oldName: string; newCode: string; newName: string; inBaoYen2020: boolean }[] =
  readReferenceCsv('bao_yen_communes_2025_crosswalk.csv').map((r) => ({
    oldCode: col(r, 'old_code'), oldName: col(r, 'old_name'),
    newCode: col(r, 'new_code'), newName: col(r, 'new_name'),
    inBaoYen2020: col(r, 'in_bao_yen_2020') === '1',
  }));

const abolished2019: CommuneUnit[] = readReferenceCsv('bao_yen_communes_2019_abolished.csv').map((r) => ({
  code: col(r, 'code'), name: col(r, 'name'), nameShort: col(r, 'name_short'), type: col(r, 'type'),
  frame: '2019', validFrom: START_UNKNOWN, validTo: LAST_DAY_2019_FRAME,
}));

const units2020: CommuneUnit[] = readReferenceCsv('bao_yen_communes_2020.csv').map((r) => ({
  code: col(r, 'code'), name: col(r, 'name'), nameShort: col(r, 'name_short'), type: col(r, 'type'),
  frame: '2020', validFrom: MERGER_2020, validTo: LAST_DAY_2020_FRAME,
}));

// Tân An and Tân Thượng are known only from the crosswalk: they were Văn Bàn's, not Bảo Yên's.
const vanBan: CommuneUnit[] = crosswalk2025.filter((c) => !c.inBaoYen2020).map((c) => ({
  code: c.oldCode, name: c.oldName, nameShort: shortName(c.oldName, 'Xã'), type: 'Xã',
  frame: 'van_ban', validFrom: START_UNKNOWN, validTo: LAST_DAY_2020_FRAME,
}));

const units2025: CommuneUnit[] = readReferenceCsv('bao_yen_communes_2025_new.csv').map((r) => ({
  code: col(r, 'new_code'), name: col(r, 'new_name'), nameShort: shortName(col(r, 'new_name'), col(r, 'type')),
  type: col(r, 'type'), frame: '2025', validFrom: REFORM_2025, validTo: null,
}));

export const communeUnits: CommuneUnit[] = [...abolished2019, ...units2020, ...vanBan, ...units2025];

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
