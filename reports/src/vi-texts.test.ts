import { describe, expect, it } from 'vitest';
import { catalogRows } from '@dtts/indicators';
import { expectedSourceVi, PENDING_VI, UNIT_VI } from './vi-texts.ts';

/** English left in a text meant for readers (identifiers like ma_ho or staging.stg_x are allowed). */
const english = (s: string) => s.replace(/[a-z_]+\.[a-z0-9_]+|\b[a-z]+_[a-z0-9_]+\b|\([^)]*\.(csv|xlsx|txt|docx)\)/g, '')
  .match(/\b(is|the|of|not|never|every|ignored|unknown|expected|after|before|than|above|below|duplicate|none|yet|register|survey|list)\b/i);

describe('Vietnamese for the catalog', () => {
  it('has a numerator, denominator and expected source for every target waiting for a source', () => {
    const pending = catalogRows.filter((c) => !c.has_source);
    for (const c of pending) {
      const vi = PENDING_VI[c.indicator_id];
      expect(vi, c.indicator_id).toBeDefined();
      for (const text of [vi!.numerator, vi!.denominator, vi!.source, expectedSourceVi(c)]) expect(english(text), `${c.indicator_id}: ${text}`).toBeNull();
    }
    // No translation for an id the catalog no longer has.
    for (const id of Object.keys(PENDING_VI)) expect(pending.map((c) => c.indicator_id)).toContain(id);
    for (const c of catalogRows) expect(UNIT_VI[c.unit], c.unit).toBeDefined();
  });

  it('has the Vietnamese terms of every computed target in the catalog, counts and yes/no included', () => {
    const computed = catalogRows.filter((c) => c.has_source);
    expect(computed.length).toBe(40);
    for (const c of computed) {
      for (const text of [c.numerator_text_vi, c.denominator_text_vi, c.name_vi, c.target_text_vi]) {
        expect(text, c.indicator_id).toBeTruthy();
        expect(english(text!), `${c.indicator_id}: ${text}`).toBeNull();
      }
    }
  });
});
