/**
 * How the five other sources (SOURCES.md §7) move from 2020 toward the plan's 2025 targets
 * (INDICATORS.md, "The indicators of the other sources"): each entry is [Kinh, DTTS] for 2020
 * and 2025, interpolated in between, or one value per year where the path is not straight.
 * Some targets are met by 2025 and some are not, so the scorecard's statuses vary.
 */
import { lerp, trend } from './trends.ts';

/** Deliveries with ≥ 4 antenatal visits at a facility or at home with staff (target DTTS > 85%). */
export const antenatalCare = trend([0.9, 0.7], [0.97, 0.885]);
/** Share of weighed children with weight-for-age z < −2 (target DTTS < 13.5%). */
export const underweight = trend([0.08, 0.19], [0.055, 0.108]);
/** Share of children under five weighed in June. */
export const weighingCoverage = trend([0.93, 0.84], [0.96, 0.92]);

/** Yearly chance that a woman aged 18–44 delivers (age over 35: × 0.4). */
export const fertility = (dtts: boolean): number => (dtts ? 0.1 : 0.07);
/** Yearly chance that a girl aged 15–17 delivers her first child: falling, by uneven steps. */
export function teenBirths(year: number, dtts: boolean): number {
  const byYear: Record<number, number> = { 2020: 0.05, 2021: 0.043, 2022: 0.029, 2023: 0.022, 2024: 0.014, 2025: 0.01 };
  return (byYear[year] ?? 0.01) * (dtts ? 1 : 0.12);
}

/** Share of a year's eligible girls 15–17 married (child marriage), and of grooms under 20. */
export function childMarriage(year: number): { bride: number; groom: number } {
  const bride: Record<number, number> = { 2020: 0.12, 2021: 0.09, 2022: 0.06, 2023: 0.035, 2024: 0.02, 2025: 0.008 };
  return { bride: bride[year] ?? 0.008, groom: lerp(0.05, 0.006, year) };
}
export const consanguineous = trend([0, 0.025], [0, 0.004]);
export const registeredMarriage = (year: number): number => lerp(0.84, 0.95, year);

/** New hires' DTTS share, and the share of the staff present in 2020. */
export const staffDtts = {
  commune: { start: 0.56, hires: 0.88 },
  district: { start: 0.36, hires: 0.62 },
} as const;
/** University degree (Đại học and above) by kind: the threshold of a latent draw, so degrees are kept. */
export const university = {
  'Cán bộ': (year: number) => lerp(0.68, 0.94, year),
  'Công chức': (year: number) => lerp(0.86, 0.985, year),
  'Viên chức': (year: number) => lerp(0.78, 0.9, year),
} as const;
export const economicTraining = (year: number): number => lerp(0.58, 0.9, year);

export const pavedRoad = (year: number, highland: boolean): number => (highland ? lerp(0.55, 0.9, year) : lerp(0.8, 0.985, year));
export const mediaReach = (year: number): number => lerp(0.7, 0.97, year);
export const culturalTeam = (year: number): number => lerp(0.62, 0.86, year);
export const teamActive = (year: number): number => lerp(0.48, 0.7, year);
export const culturedVillage = (year: number): number => lerp(0.7, 0.88, year);
export const communeTroupe = (year: number): number => lerp(0.6, 0.95, year);
export const partyPlans = (year: number): number => lerp(0.78, 1.02, year);
