// Value types of the staff, villages and activities sources (SOURCES.md §7): the level of
// government (no district after 30 Jun 2025), dates of events inside the year, names of
// villages and organisations compared after folding, and the former commune of a village.
import { communeUnits, crosswalk2025, isInForce, matchCommuneName, normaliseCommuneCode } from '@dtts/reference';
import { finding } from '@dtts/messages';
import { canonicalTones, nfc } from '@dtts/vn-text';
import { parseType, type ParseType } from './types.ts';

/** The last day of the district level: the last day the 2020 commune frame was in force (reference data). */
export const districtLevelLastDay: string = (() => {
  const last = communeUnits.find((u) => u.frame === '2020')?.validTo;
  if (!last) throw new Error('reference data: the 2020 commune frame has no end date');
  return last;
})();

/**
 * `Huyện` or `Xã` (`Xã/thị trấn`, `Cấp xã`, …). With `districtAbolished: 'by reference date'`, a
 * `Huyện` value in a file whose reference date falls after the district level ended is rejected.
 */
export function governmentLevel(opts: { districtAbolished?: 'by reference date' } = {}): ParseType {
  return parseType('VARCHAR', (t, ctx) => {
    const key = t.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/^cấp /, '');
    const level = DISTRICT.has(key) ? 'Huyện' : COMMUNE.has(key) ? 'Xã' : undefined;
    if (!level) return { ok: false, finding: finding('not_a_level') };
    if (level === 'Huyện' && opts.districtAbolished && ctx.referenceDate > districtLevelLastDay) {
      return { ok: false, finding: finding('no_district_level', { lastDay: districtLevelLastDay, referenceDate: ctx.referenceDate }) };
    }
    return { ok: true, value: level };
  }, {
    // Forms offer Huyện only while the district level existed: at the reference date with
    // `districtAbolished`, else on some day of the year of the file.
    input: {
      kind: 'list',
      choices: (ctx) => {
        const districtExists = opts.districtAbolished ? ctx.referenceDate <= districtLevelLastDay : `${ctx.year}-01-01` <= districtLevelLastDay;
        return [...(districtExists ? [{ value: 'Huyện' }] : []), { value: 'Xã' }];
      },
    },
  });
}
const DISTRICT = new Set(['huyện', 'huyen', 'h']);
const COMMUNE = new Set(['xã', 'xa', 'xã/thị trấn', 'xã, thị trấn', 'xã/tt', 'thị trấn', 'tt', 'x']);

/**
 * A name (of a village, an organisation) in one spelling: NFC, one tone placement, single spaces,
 * a leading prefix from `prefixes` removed. Case is kept: compare `lower(<column>)`.
 */
export function placeName(opts: { prefixes?: readonly string[] } = {}): ParseType {
  const alternatives = (opts.prefixes ?? []).map((p) => p.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const prefix = alternatives ? new RegExp(`^(?:${alternatives})(?:\\s+|\\.\\s*|$)`, 'iu') : undefined;
  return parseType('VARCHAR', (t) => {
    const spaced = canonicalTones(nfc(t)).replace(/[\s_]+/g, ' ').trim();
    const name = prefix ? spaced.replace(prefix, '').trim() : spaced;
    if (name === '') return { ok: false, finding: finding('name_prefix_only') };
    return { ok: true, value: name };
  }, { input: { kind: 'text' } });
}

/** A village or residential group: `Thôn `, `Bản `, `Tổ dân phố `, `TDP ` prefixes removed. */
export const villageName = (): ParseType => placeName({ prefixes: ['Thôn', 'Bản', 'Tổ dân phố', 'TDP'] });

/** The day on which former communes are named: the last day of the 2020 frame (30 Jun 2025). */
const FORMER_FRAME_DAY = districtLevelLastDay;

/**
 * A former commune, by code or name, among the units in force on 30 Jun 2025 (Văn Bàn's Tân An
 * and Tân Thượng included: they went into Bảo Hà). Loaded as its code.
 */
export function formerCommune(): ParseType {
  // Forms offer those units by name, beside each the commune it went into (the row's commune).
  const choices = communeUnits.filter((u) => isInForce(u, FORMER_FRAME_DAY)).map((u) => ({
    value: u.name,
    note: crosswalk2025.find((c) => c.oldCode === u.code)?.newName ?? u.code,
  }));
  return { ...parseFormerCommune(), input: { kind: 'list', choices: () => choices } };
}

function parseFormerCommune(): ParseType {
  // Read when parsing, not when the connector is declared: a run may use another geography (--reference).
  const formerUnits = () => communeUnits.filter((u) => isInForce(u, FORMER_FRAME_DAY));
  return parseType('VARCHAR', (t) => {
    const units = formerUnits();
    const code = normaliseCommuneCode(t);
    if (code !== null) {
      return units.some((u) => u.code === code)
        ? { ok: true, value: code }
        : { ok: false, finding: finding('former_commune_code_unknown', { date: FORMER_FRAME_DAY }) };
    }
    const match = matchCommuneName(t, units);
    if (match.kind === 'one') return { ok: true, value: match.unit.code };
    if (match.kind === 'many') return { ok: false, finding: finding('former_commune_ambiguous', { candidates: match.units.map((u) => u.name).join(', ') }) };
    return { ok: false, finding: finding('former_commune_unknown', { date: FORMER_FRAME_DAY }) };
  }, { input: { kind: 'list', choices: () => formerUnits().map((u) => ({ value: u.name, note: u.code })) } });
}

/**
 * SQL that is true when the former commune `former` did not go into the commune `commune`
 * (a 2020-frame code or one of the six 2025 communes): neither the same unit nor its successor.
 */
export function formerCommuneOutside(former: string, commune: string): string {
  const pairs = crosswalk2025.map((c) => `'${c.oldCode}>${c.newCode}'`);
  return `(${former} IS NOT NULL AND ${commune} IS NOT NULL AND ${former} <> ${commune} AND NOT list_contains([${pairs.join(', ')}], ${former} || '>' || ${commune}))`;
}
