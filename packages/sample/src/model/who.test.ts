import { describe, expect, it } from 'vitest';
import { ageDays, probit, weightForAgeZ, weightForZ } from './who.ts';

// Expected values computed by hand from the LMS rows of packages/reference/data/who_weight_for_age_lms.csv:
// boy 365 days L 0.0645 M 9.646 S 0.10925; girl 730 days L −0.294 M 11.4741 S 0.12389.
describe('WHO weight-for-age (the generator draws weights so z is what it intends)', () => {
  it('a child at the median weight has z = 0, and the weight at z = 0 is M', () => {
    expect(weightForAgeZ(1, 0, 3.3464)).toBeCloseTo(0, 10);
    expect(weightForZ(2, 730, 0)).toBeCloseTo(11.4741, 10);
  });

  it('matches the LMS formula by hand: a boy at 365 days, a girl at 730 days', () => {
    // 9.646 × (1 + 0.0645 × 0.10925 × −2)^(1/0.0645) = 7.74068
    expect(weightForZ(1, 365, -2)).toBeCloseTo(7.74068, 4);
    expect(weightForAgeZ(1, 365, 7.74068)).toBeCloseTo(-2, 4);
    // ((10 / 11.4741)^−0.294 − 1) / (−0.294 × 0.12389) = −1.13265
    expect(weightForAgeZ(2, 730, 10)).toBeCloseTo(-1.13265, 4);
  });

  it('uses WHO restricted tails below −3: SD3neg 8.06361, SD2neg 9.03334 for the girl', () => {
    // −3 + (7.0 − 8.06361) / (9.03334 − 8.06361) = −4.09681
    expect(weightForAgeZ(2, 730, 7)).toBeCloseTo(-4.09681, 4);
    expect(weightForZ(2, 730, -4.09681)).toBeCloseTo(7, 4);
  });

  it('ages in days and the normal quantile', () => {
    expect(ageDays({ y: 2023, m: 6, d: 16 }, { y: 2024, m: 6, d: 15 })).toBe(365);
    expect(ageDays({ y: 2020, m: 2, d: 28 }, { y: 2020, m: 3, d: 1 })).toBe(2);
    expect(probit(0.5)).toBeCloseTo(0, 8);
    expect(probit(0.0227501)).toBeCloseTo(-2, 4);
    expect(probit(0.975)).toBeCloseTo(1.959964, 5);
  });
});
