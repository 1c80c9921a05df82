// What the warehouse's not-null checks demand is derived from the declarations (describeConnector):
// a required column, a key column, or a group's resolved value where the table requires the group —
// and never a value a rule may blank, nor a key column declared optional. On the bundled sample the
// earlier derivation failed thousands of correct rows (district-level staff without a commune, villages
// without a former commune, a weight blanked as implausible).
import { describeConnector } from '@dtts/ingest-core';
import { describe, expect, it } from 'vitest';
import { connectors } from './connectors.ts';

const required = (source: string, table: string) => {
  const connector = connectors.find((c) => c.id === source)!;
  const t = describeConnector(connector).find((d) => d.table === table)!;
  return new Set(t.columns.filter((c) => c.required).map((c) => c.name));
};

describe('required columns derived from the declarations', () => {
  it('a commune is required where the table requires it, not on district-level staff or activities', () => {
    expect(required('villages', 'thon').has('commune_code')).toBe(true);
    expect(required('census', 'ho').has('commune_code')).toBe(true);
    expect(required('staff', 'can_bo').has('commune_code')).toBe(false);
    expect(required('activities', 'hoat_dong').has('commune_code')).toBe(false);
    expect(required('staff', 'can_bo').has('nam_sinh')).toBe(true);
  });

  it('a key column declared optional stays optional (a blank xa_cu is a value of its own)', () => {
    const thon = required('villages', 'thon');
    expect(thon.has('xa_cu')).toBe(false);
    expect(thon.has('ten_thon')).toBe(true);
    expect(required('staff', 'can_bo').has('ma_can_bo_hash')).toBe(true);
  });

  it('a value a rule may blank is not required in the loaded table (an implausible weight)', () => {
    const canTre = required('health', 'can_tre');
    expect(canTre.has('can_nang')).toBe(false);
    expect(canTre.has('ngay_can')).toBe(true);
  });
});
