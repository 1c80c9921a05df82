import { whoWeightForAgeLms, type WeightForAgeLms } from '@dtts/reference';
import type { Ymd } from './records.ts';

/** WHO Child Growth Standards (2006) weight-for-age, both ways, as SOURCES.md §7 computes z. */
const DAY_MS = 86_400_000;
export const WHO_MAX_AGE_DAYS = 1826;

export function ageDays(birth: Ymd, on: Ymd): number {
  return Math.round((Date.UTC(on.y, on.m - 1, on.d) - Date.UTC(birth.y, birth.m - 1, birth.d)) / DAY_MS);
}

let bySexAge: Map<string, WeightForAgeLms> | undefined;
function lms(sex: 1 | 2, days: number): WeightForAgeLms {
  bySexAge ??= new Map(whoWeightForAgeLms().map((r) => [`${r.sex}|${r.ageDays}`, r]));
  const row = bySexAge.get(`${sex}|${days}`);
  if (!row) throw new Error(`sample: no WHO weight-for-age row for sex ${sex}, ${days} days`);
  return row;
}

/** The weight at SD k: M·(1 + L·S·k)^(1/L). */
const sd = (r: WeightForAgeLms, k: number): number => r.m * (1 + r.l * r.s * k) ** (1 / r.l);

/** z of a weight, with WHO's restricted tails beyond ±3 (as the health connector computes it). */
export function weightForAgeZ(sex: 1 | 2, days: number, kg: number): number {
  const r = lms(sex, days);
  const z = ((kg / r.m) ** r.l - 1) / (r.l * r.s);
  if (z > 3) return 3 + (kg - sd(r, 3)) / (sd(r, 3) - sd(r, 2));
  if (z < -3) return -3 + (kg - sd(r, -3)) / (sd(r, -2) - sd(r, -3));
  return z;
}

/** The weight with that z: the inverse of weightForAgeZ. */
export function weightForZ(sex: 1 | 2, days: number, z: number): number {
  const r = lms(sex, days);
  if (z > 3) return sd(r, 3) + (z - 3) * (sd(r, 3) - sd(r, 2));
  if (z < -3) return sd(r, -3) + (z + 3) * (sd(r, -2) - sd(r, -3));
  return sd(r, z);
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
