import { col, readReferenceCsv } from './csv.ts';

/** One row of the WHO Child Growth Standards (2006) weight-for-age LMS table. */
export interface WeightForAgeLms {
  /** 1 = boys, 2 = girls (WHO's coding). */
  sex: 1 | 2;
  /** Completed days since birth, 0–1826. */
  ageDays: number;
  l: number;
  m: number;
  s: number;
}

let rows: WeightForAgeLms[] | undefined;

/** `data/who_weight_for_age_lms.csv`, read on first use (only the health source needs it). */
export function whoWeightForAgeLms(): readonly WeightForAgeLms[] {
  rows ??= readReferenceCsv('who_weight_for_age_lms.csv').map((r) => {
    const sex = Number(col(r, 'sex'));
    if (sex !== 1 && sex !== 2) throw new Error(`who_weight_for_age_lms.csv: sex "${col(r, 'sex')}" is not 1 or 2`);
    return { sex, ageDays: Number(col(r, 'age_days')), l: Number(col(r, 'l')), m: Number(col(r, 'm')), s: Number(col(r, 's')) };
  });
  return rows;
}
