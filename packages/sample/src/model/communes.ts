import { communeUnits, crosswalk2025 } from '@dtts/reference';

/**
 * The sample's picture of each commune (invented but plausible): its 2020 population, ethnic
 * mix (1979 codes) and whether it is a high, remote commune (more Mông and Dao, more poverty,
 * later electricity). Keyed by the 2020-frame code; Tân An and Tân Thượng (Văn Bàn until
 * 2025) are here too and enter the sample only in 2025.
 */
export interface CommuneModel {
  code: string;
  name: string;
  nameShort: string;
  /** Code of the new (1 Jul 2025) commune it belongs to. */
  code2025: string;
  population2020: number;
  mix: readonly (readonly [string, number])[];
  highland: boolean;
  /** True for the two Văn Bàn communes: in the sources only from 2025. */
  vanBan: boolean;
  /** The Bảo Yên commune whose picture it takes: itself, or one of the 17 for a synthetic commune. */
  like: string;
}

interface Params { pop: number; highland: boolean; mix: [string, number][] }

// Ethnic codes: 01 Kinh, 02 Tày, 03 Thái, 04 Hoa, 06 Mường, 07 Nùng, 08 HMông, 09 Dao, 15 Sán Chay, 25 Giáy, 40 Phù Lá.
const PARAMS: Record<string, Params> = {
  '02947': { pop: 8900, highland: false, mix: [['01', 68], ['02', 26], ['09', 6], ['07', 2], ['04', 2], ['06', 2], ['03', 1], ['15', 1]] },
  '02950': { pop: 3000, highland: true, mix: [['09', 52], ['02', 21], ['08', 22], ['01', 5]] },
  '02953': { pop: 5000, highland: false, mix: [['02', 84], ['01', 8], ['09', 6], ['07', 2]] },
  '02956': { pop: 4200, highland: false, mix: [['02', 64], ['09', 18], ['01', 13], ['07', 3], ['15', 2]] },
  '02959': { pop: 4800, highland: false, mix: [['02', 38], ['09', 32], ['01', 26], ['07', 2], ['03', 2]] },
  '02962': { pop: 6000, highland: false, mix: [['02', 58], ['09', 18], ['01', 18], ['25', 6], ['07', 2]] },
  '02965': { pop: 4900, highland: false, mix: [['02', 42], ['09', 24], ['01', 30], ['07', 2], ['06', 2]] },
  '02968': { pop: 5600, highland: true, mix: [['09', 38], ['08', 32], ['02', 13], ['40', 8], ['01', 6], ['25', 3]] },
  '02971': { pop: 5000, highland: false, mix: [['02', 36], ['01', 44], ['09', 20], ['07', 3], ['04', 1]] },
  '02974': { pop: 4600, highland: false, mix: [['02', 42], ['01', 36], ['09', 20], ['07', 3], ['15', 1]] },
  '02977': { pop: 3000, highland: true, mix: [['09', 48], ['02', 22], ['08', 26], ['01', 4]] },
  '02980': { pop: 3900, highland: true, mix: [['08', 42], ['09', 28], ['02', 10], ['40', 8], ['25', 8], ['01', 4]] },
  '02983': { pop: 3400, highland: true, mix: [['09', 44], ['02', 32], ['08', 18], ['01', 6]] },
  '02986': { pop: 3600, highland: true, mix: [['09', 38], ['08', 30], ['02', 21], ['25', 6], ['01', 5]] },
  '02989': { pop: 8600, highland: false, mix: [['01', 58], ['02', 30], ['09', 12], ['07', 5], ['04', 1], ['03', 1], ['06', 1]] },
  '02992': { pop: 4800, highland: true, mix: [['02', 32], ['08', 36], ['09', 22], ['01', 8], ['07', 2]] },
  '02998': { pop: 5400, highland: true, mix: [['09', 35], ['02', 25], ['08', 25], ['07', 8], ['01', 6], ['15', 1]] },
  '03070': { pop: 1900, highland: true, mix: [['09', 50], ['02', 25], ['01', 15], ['08', 10]] },
  '03079': { pop: 2200, highland: false, mix: [['09', 40], ['02', 30], ['01', 20], ['08', 10]] },
};

/** The 17 communes of 2020 in order: a synthetic geography's communes take their pictures in turn. */
const TEMPLATES = Object.keys(PARAMS).filter((code) => code < '03000');

function build(): CommuneModel[] {
  const newCodeOf = new Map(crosswalk2025.map((c) => [c.oldCode, c.newCode]));
  const units = communeUnits.filter((u) => u.frame === '2020' || u.frame === 'van_ban');
  return units.map((u, i) => {
    const like = PARAMS[u.code] ? u.code : TEMPLATES[i % TEMPLATES.length]!;
    const p = PARAMS[like];
    const code2025 = newCodeOf.get(u.code);
    if (!p || !code2025) throw new Error(`sample: no model parameters or 2025 commune for ${u.code} ${u.name}`);
    return {
      code: u.code, name: u.name, nameShort: u.nameShort, code2025, like,
      population2020: p.pop, mix: p.mix, highland: p.highland, vanBan: u.frame === 'van_ban',
    };
  });
}

export const communeModels: CommuneModel[] = build();

/** The 6 communes in force from 1 Jul 2025. */
export const communes2025 = communeUnits.filter((u) => u.frame === '2025');

/**
 * Rebuilds the models in place from the geography in force (after `useReferenceDir` of a synthetic
 * folder), so every module that imported them generates that geography's communes.
 */
export function rebuildCommuneModels(): void {
  communeModels.splice(0, communeModels.length, ...build());
  communes2025.splice(0, communes2025.length, ...communeUnits.filter((u) => u.frame === '2025'));
}

export function communeName(code: string, frame: '2020' | '2025'): string {
  const unit = communeUnits.find((u) => u.code === code && (u.frame === frame || (frame === '2020' && u.frame === 'van_ban')));
  if (!unit) throw new Error(`sample: unknown ${frame} commune ${code}`);
  return unit.name;
}

/** ASCII snake case for file names: "Xã Bảo Hà" → "xa_bao_ha". */
export function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
