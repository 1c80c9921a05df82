import { finding, type Finding } from '@dtts/messages';
import { communeUnits, crosswalk2025, isInForce, merger2020, type CommuneUnit } from './communes.ts';
import { matchCommuneName, nameFitsUnit } from './commune-names.ts';

export type CommuneResolution =
  | { ok: true; code: string; name: string; frame: '2020' | '2025'; warnings?: Finding[] }
  | { ok: false; finding: Finding };

/** The warehouse's frames start with the 2020 merger; earlier reference dates have no frame. */
const FIRST_DATE = '2020-03-01';

/** Units of the 2020 and 2025 frames in force on the date (the Bảo Yên units a source may name). */
function framesInForce(date: string): CommuneUnit[] {
  return communeUnits.filter((u) => (u.frame === '2020' || u.frame === '2025') && isInForce(u, date));
}

/** Units that ceased to exist before the date: candidates for mapping forward. */
function abolishedBefore(date: string): CommuneUnit[] {
  return communeUnits.filter((u) => u.validTo !== null && u.validTo < date);
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Follows the 2020 merger and then the 2025 crosswalk until a unit in force on the date. */
function successor(unit: CommuneUnit, date: string): CommuneUnit | undefined {
  let code = unit.code;
  let frame = unit.frame;
  if (frame === '2019') {
    code = merger2020.find((m) => m.oldCode === code)?.newCode ?? code;
    frame = '2020';
  }
  if (date > '2025-06-30') code = crosswalk2025.find((c) => c.oldCode === code)?.newCode ?? code;
  return framesInForce(date).find((u) => u.code === code);
}

const label = (u: CommuneUnit) => `${u.code} (${u.name}${u.frame === 'van_ban' ? ', Huyện Văn Bàn' : ''})`;

function mapForward(unit: CommuneUnit, date: string): CommuneResolution {
  const next = successor(unit, date);
  if (!next) return { ok: false, finding: finding('commune_no_successor', { commune: label(unit), date }) };
  return resolved(next, finding('commune_mapped_forward', { commune: label(unit), date: dayAfter(unit.validTo!), successor: label(next) }));
}

function resolved(unit: CommuneUnit, warning?: Finding): CommuneResolution {
  const frame = unit.frame === '2025' ? '2025' : '2020';
  return warning ? { ok: true, code: unit.code, name: unit.name, frame, warnings: [warning] } : { ok: true, code: unit.code, name: unit.name, frame };
}

function vanBanFinding(unit: CommuneUnit, date: string): CommuneResolution {
  return { ok: false, finding: finding('commune_in_van_ban', { name: unit.name, date }) };
}

/** `2947` → `02947` (codes lose leading zeros in spreadsheets); null when not a code at all. */
export function normaliseCommuneCode(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.0+$/, ''); // a numeric Excel cell may arrive as "2947.0"
  return /^\d{1,5}$/.test(trimmed) ? trimmed.padStart(5, '0') : null;
}

function byCode(raw: string, date: string): CommuneResolution {
  const code = normaliseCommuneCode(raw);
  if (code === null) return { ok: false, finding: finding('commune_code_unknown', { date }) };
  const current = framesInForce(date).find((u) => u.code === code);
  if (current) return resolved(current);
  const gone = abolishedBefore(date).filter((u) => u.code === code).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (gone) return mapForward(gone, date);
  const vanBan = communeUnits.find((u) => u.frame === 'van_ban' && u.code === code && isInForce(u, date));
  if (vanBan) return vanBanFinding(vanBan, date);
  return { ok: false, finding: finding('commune_code_unknown', { date }) };
}

function byName(raw: string, date: string): CommuneResolution {
  const name = raw.trim();
  const current = matchCommuneName(name, framesInForce(date));
  if (current.kind === 'one') return resolved(current.unit);
  const candidates = current.kind === 'many' ? current.units : undefined;
  if (candidates) return { ok: false, finding: finding('commune_ambiguous', { candidates: candidates.map((u) => u.name).join(', ') }) };
  const gone = matchCommuneName(name, abolishedBefore(date));
  if (gone.kind === 'one') return mapForward(gone.unit, date);
  if (gone.kind === 'many') return { ok: false, finding: finding('commune_ambiguous', { candidates: gone.units.map((u) => u.name).join(', ') }) };
  const vanBan = matchCommuneName(name, communeUnits.filter((u) => u.frame === 'van_ban' && isInForce(u, date)));
  if (vanBan.kind === 'one') return vanBanFinding(vanBan.unit, date);
  return { ok: false, finding: finding('commune_name_unknown', { date }) };
}

/**
 * Resolves a source's commune code and/or name to the unit in force on its reference date
 * (SOURCES.md §2, §4). The code wins over the name; a name that contradicts the code is
 * reported in `warning`. Units abolished before the date are mapped forward with a warning.
 */
export function resolveCommune(input: { code?: string | null; name?: string | null }, referenceDate: string): CommuneResolution {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new Error(`reference date must be YYYY-MM-DD, got "${referenceDate}"`);
  if (referenceDate < FIRST_DATE) return { ok: false, finding: finding('reference_date_before_frames', { date: referenceDate, first: FIRST_DATE }) };
  const code = input.code?.trim() ?? '';
  const name = input.name?.trim() ?? '';
  if (code === '' && name === '') return { ok: false, finding: finding('commune_missing') };
  if (code === '') return byName(name, referenceDate);
  const result = byCode(code, referenceDate);
  if (!result.ok || name === '') return result;
  // The name may be the code's earlier name (Phố Ràng for 02947 in 2025): that is no contradiction.
  const given = normaliseCommuneCode(code);
  const named = communeUnits.filter((u) => u.code === result.code || u.code === given);
  if (named.some((u) => nameFitsUnit(name, u))) return result;
  const mismatch = finding('commune_name_mismatch', { code: given ?? code, used: result.name });
  return { ...result, warnings: [...(result.warnings ?? []), mismatch] };
}
