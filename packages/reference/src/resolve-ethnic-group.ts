import { finding, type Finding } from '@dtts/messages';
import { foldAscii, foldForMatch, nfc } from '@dtts/vn-text';
import { ethnicGroups, type EthnicGroup } from './ethnic-groups.ts';

export type EthnicGroupResolution = { ok: true; code: string } | { ok: false; finding: Finding; candidates?: string[] };

/**
 * Name key per SOURCES.md §5: NFC, case and tone placement folded, and hyphens, apostrophes
 * and spaces treated alike by dropping them (HMông = H Mông = H'Mông = Hmông). Diacritics stay:
 * Lao (a La Hủ other name) is not Lào.
 */
export function ethnicNameKey(name: string): string {
  return foldForMatch(name).replace(/ /g, '');
}

type Index = Map<string, Set<string>>;

function buildIndex(names: (g: EthnicGroup) => string[]): Index {
  const index: Index = new Map();
  for (const g of ethnicGroups) {
    for (const name of names(g)) {
      const key = ethnicNameKey(name);
      index.set(key, (index.get(key) ?? new Set()).add(g.code));
    }
  }
  return index;
}

// Three tiers, tried in order: canonical names, spelling variants, official other names.
const TIERS: Index[] = [
  buildIndex((g) => [g.name]),
  buildIndex((g) => g.variants),
  buildIndex((g) => g.otherNames),
];
const byCode = new Map(ethnicGroups.map((g) => [g.code, g]));
const describe = (code: string) => `${byCode.get(code)?.name ?? '?'} (${code})`;

/** Resolves a source's ethnic group cell (a 1979 code or a name) to its 2-digit 1979 code. */
export function resolveEthnicGroup(raw: string): EthnicGroupResolution {
  const text = nfc(raw).trim();
  if (text === '') return { ok: false, finding: finding('ethnic_group_missing') };
  if (/^\d{1,2}$/.test(text)) {
    const code = text.padStart(2, '0');
    return byCode.has(code) ? { ok: true, code } : { ok: false, finding: finding('ethnic_group_code_unknown') };
  }
  const key = ethnicNameKey(text);
  for (const tier of TIERS) {
    const codes = [...(tier.get(key) ?? [])].sort();
    if (codes.length === 1) return { ok: true, code: codes[0]! };
    if (codes.length > 1) {
      return { ok: false, finding: finding('ethnic_group_ambiguous', { candidates: codes.map(describe).join(', ') }), candidates: codes };
    }
  }
  // Names without diacritics are never guessed, but the reason says what was probably meant.
  const near = ethnicGroups.filter((g) => foldAscii(g.name).replace(/ /g, '') === foldAscii(text).replace(/ /g, ''));
  if (near.length > 0) return { ok: false, finding: finding('ethnic_group_without_diacritics', { candidates: near.map((g) => describe(g.code)).join(', ') }) };
  return { ok: false, finding: finding('ethnic_group_unknown') };
}
