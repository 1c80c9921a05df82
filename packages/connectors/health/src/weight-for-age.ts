// Weight-for-age z-scores of the WHO Child Growth Standards (2006), in SQL over a can_tre row
// (SOURCES.md §7). Computed at ingestion, not in staging, because an implausible z blanks the
// weight and is quarantined as `value_blanked` (file, row, column, reason), and only ingestion
// writes the quarantine; the LMS table is a lookup the engine creates beside the work tables.
import type { Lookup, ValueCheck } from '@dtts/ingest-core';
import { join } from 'node:path';
import { referenceDataDir } from '@dtts/reference';

/** The LMS rows (`packages/reference/data/who_weight_for_age_lms.csv`), joined as `lookup_who_wfa`. */
export const whoWeightForAge: Lookup = {
  csv: join(referenceDataDir, 'who_weight_for_age_lms.csv'),
  columns: { sex: 'INTEGER', age_days: 'INTEGER', l: 'DOUBLE', m: 'DOUBLE', s: 'DOUBLE' },
};

/** Completed days between birth and weighing: the table's age (WHO: age in days, not months). */
export const ageDaysSql = `date_diff('day', ngay_sinh, ngay_can)`;

/** The children WHO's table covers: 0–1826 days (under five); older ones have no z. */
export const WHO_MAX_AGE_DAYS = 1826;

/**
 * z = ((y / M)^L − 1) / (L·S) for the child's sex and age in days; beyond ±3 WHO measures the
 * distance in the SD of the 2–3 band at that side, because the LMS curve's tails are unreliable
 * for weight (WHO Anthro: z* = 3 + (y − SD3pos) / (SD3pos − SD2pos), and likewise below −3,
 * where SDk = M·(1 + L·S·k)^(1/L)). NULL when the weight is unknown or the age is out of the table.
 */
export const weightForAgeZSql = `(
  SELECT CASE
      WHEN z > 3 THEN 3 + (y - sd(3)) / (sd(3) - sd(2))
      WHEN z < -3 THEN -3 + (y - sd(-3)) / (sd(-2) - sd(-3))
      ELSE z END
  FROM (SELECT can_nang AS y, (pow(can_nang / w.m, w.l) - 1) / (w.l * w.s) AS z, w.l, w.m, w.s
        FROM lookup_who_wfa w
        WHERE w.sex = CASE gioi_tinh WHEN 'Nam' THEN 1 WHEN 'Nữ' THEN 2 END AND w.age_days = ${ageDaysSql}) t
)`.replace(/sd\((-?\d)\)/g, (_, k: string) => `(t.m * pow(1 + t.l * t.s * (${k}), 1 / t.l))`);

/** WHO's flag for an implausible weight-for-age: z below −6 or above 5. */
export const implausibleWeight: ValueCheck = {
  column: 'can_nang',
  when: `${weightForAgeZSql} NOT BETWEEN -6 AND 5`,
  // The finding names the z-score it saw (rounded), never the weight itself.
  code: 'weight_for_age_implausible',
  params: { z: `round(${weightForAgeZSql}, 2)` },
};
