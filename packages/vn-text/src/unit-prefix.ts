import { nfc } from './fold.ts';

// Administrative prefixes as they appear in sources: full, abbreviated, with or without
// diacritics, any case. "TT" needs a dot or a space after it and "P" a dot, so that names
// merely starting with those letters are left alone.
const PREFIX = /^\s*(?:x[aã]|th[iị]\s+tr[aấ]n|ph[uư][oờ]ng)(?:\s+|\.\s*)|^\s*(?:tt\.\s*|tt\s+|p\.\s*)/iu;

/** Removes a leading Xã / Thị trấn / TT / TT. / Phường / P. and returns the rest, trimmed. */
export function stripUnitPrefix(name: string): string {
  const text = nfc(name);
  const rest = text.replace(PREFIX, '').trim();
  // A bare "Xã" is not a name with its prefix removed; keep it so callers can report it.
  return rest === '' ? text.trim() : rest;
}
