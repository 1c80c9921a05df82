import { describe, expect, it } from 'vitest';
import { whoWeightForAgeLms } from './who-growth.ts';

describe('WHO weight-for-age LMS table', () => {
  it('has one row per sex and day from 0 to 1826, as WHO publishes it', () => {
    const rows = whoWeightForAgeLms();
    expect(rows).toHaveLength(2 * 1827);
    for (const sex of [1, 2] as const) {
      const days = rows.filter((r) => r.sex === sex).map((r) => r.ageDays);
      expect(days).toEqual(Array.from({ length: 1827 }, (_, i) => i));
    }
    // Spot values of WHO's weianthro.txt: boys at birth, girls at 1826 days.
    expect(rows[0]).toEqual({ sex: 1, ageDays: 0, l: 0.3487, m: 3.3464, s: 0.14602 });
    for (const r of rows) expect(r.m > 0 && r.s > 0 && Number.isFinite(r.l)).toBe(true);
  });
});
