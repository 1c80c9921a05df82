/**
 * How the sample's rates move from 2020 toward the plan's 2025 targets (plan II.4). Each
 * entry is [Kinh, DTTS] values for 2020 and 2025, interpolated in between; households and
 * persons keep a latent draw, so a household that got grid power keeps it.
 */
export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2025;

type Pair = readonly [kinh: number, dtts: number];

export function lerp(a: number, b: number, year: number): number {
  const t = Math.min(1, Math.max(0, (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)));
  return a + (b - a) * t;
}

export function trend(from: Pair, to: Pair) {
  return (year: number, dtts: boolean): number => lerp(from[dtts ? 1 : 0], to[dtts ? 1 : 0], year);
}

/** Median income, VND/person/month: DTTS doubles (a little more), Kinh grows by two thirds. */
export const incomeMedian = (year: number, dtts: boolean): number =>
  (dtts ? 1_280_000 : 2_600_000) * (dtts ? 2.08 : 1.7) ** ((year - FIRST_YEAR) / 5);

/**
 * Poor-household share. QĐ 59/2015 in 2020–2021, NĐ 07/2021 from 2022: the new, wider
 * standard makes a visible jump in 2022, then the share falls ~4.5 points a year.
 */
export function poorShare(year: number, dtts: boolean): number {
  const dttsByYear: Record<number, number> = { 2020: 0.25, 2021: 0.205, 2022: 0.27, 2023: 0.225, 2024: 0.18, 2025: 0.137 };
  const kinhByYear: Record<number, number> = { 2020: 0.05, 2021: 0.04, 2022: 0.065, 2023: 0.05, 2024: 0.04, 2025: 0.03 };
  return (dtts ? dttsByYear : kinhByYear)[year] ?? (dtts ? 0.137 : 0.03);
}
export const nearPoorShare = trend([0.05, 0.11], [0.04, 0.09]);

export const gridElectricity = trend([0.99, 0.925], [0.998, 0.978]);
export const hygienicWater = trend([0.95, 0.85], [0.99, 0.965]);
/** Share of households identified for resettlement that were arranged or relocated. */
export const resettlementProgress = trend([0.3, 0.2], [0.7, 0.62]);

export const enrolment = {
  MN: trend([0.97, 0.92], [0.99, 0.97]),
  TH: trend([0.995, 0.98], [1, 0.996]),
  THCS: trend([0.95, 0.88], [0.99, 0.96]),
  THPT: trend([0.75, 0.55], [0.88, 0.75]),
} as const;

export const literacy = trend([0.985, 0.88], [0.99, 0.93]);
export const trainedLabour = trend([0.55, 0.45], [0.7, 0.62]);
export const insured = trend([0.87, 0.93], [0.93, 0.984]);

export const solidClassrooms = (year: number): number => lerp(0.75, 0.95, year);
export const schoolStandard = (year: number, semiBoarding: boolean): number =>
  semiBoarding ? lerp(0.4, 0.66, year) : lerp(0.45, 0.7, year);
