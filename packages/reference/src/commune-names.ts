import { foldAscii, foldForMatch, nfc, stripUnitPrefix } from '@dtts/vn-text';
import type { CommuneUnit } from './communes.ts';

export type NameMatch =
  | { kind: 'one'; unit: CommuneUnit }
  | { kind: 'none' }
  | { kind: 'many'; units: CommuneUnit[] };

/** The part of a commune name that is compared: prefix (Xã, TT., …) removed, NFC. */
export function communeNameCore(name: string): string {
  return stripUnitPrefix(nfc(name));
}

/**
 * Finds a commune by name among the given units, per SOURCES.md §2: first case- and
 * tone-placement-insensitively with diacritics, then without diacritics, where only a unique
 * match counts (an ASCII name could stand for two different communes).
 */
export function matchCommuneName(name: string, units: CommuneUnit[]): NameMatch {
  const core = communeNameCore(name);
  if (core === '') return { kind: 'none' };
  const exact = units.filter((u) => foldForMatch(u.nameShort) === foldForMatch(core));
  if (exact.length === 1) return { kind: 'one', unit: exact[0]! };
  if (exact.length > 1) return { kind: 'many', units: exact };
  const ascii = units.filter((u) => foldAscii(u.nameShort) === foldAscii(core));
  if (ascii.length === 1) return { kind: 'one', unit: ascii[0]! };
  if (ascii.length > 1) return { kind: 'many', units: ascii };
  return { kind: 'none' };
}

/** True when `name` names this unit (used to flag a name that contradicts the code beside it). */
export function nameFitsUnit(name: string, unit: CommuneUnit): boolean {
  return matchCommuneName(name, [unit]).kind === 'one';
}
