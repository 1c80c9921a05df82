import { describe, expect, it } from 'vitest';
import { viteSeconds } from './index.ts';

describe('viteSeconds', () => {
  it('reads the durations vite prints after "✓ built in"', () => {
    expect(viteSeconds('2m 48s')).toBe(168);
    expect(viteSeconds('73ms')).toBeCloseTo(0.073);
    expect(viteSeconds('5.21s')).toBeCloseTo(5.21);
    expect(viteSeconds('1m 2.5s')).toBeCloseTo(62.5);
  });
});
