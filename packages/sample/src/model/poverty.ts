import { rngFor } from '../rng.ts';
import type { CensusYear } from './census.ts';
import type { HoNgheoRecord } from './records.ts';

/**
 * The annual review's poor and near-poor households. They come from the census households
 * (same ma_ho) except ~3% that the social-affairs system codes its own way.
 */
export function povertyReview(census: CensusYear, year: number, seed: number): HoNgheoRecord[] {
  const rng = rngFor(seed, 'poverty', year);
  const out: HoNgheoRecord[] = [];
  let own = 0;
  for (const ho of census.ho) {
    if (!ho.poverty) continue;
    const foreignCode = rng.chance(0.03);
    out.push({
      maHo: foreignCode ? `LDTB${ho.communeCode}${String(++own).padStart(4, '0')}` : ho.maHo,
      headName: ho.headName, communeCode: ho.communeCode, thon: ho.thon, ethnic: ho.ethnic, size: Math.max(1, ho.size),
      poverty: ho.poverty, deprivations: ho.poverty === 'poor' ? rng.int(3, 7) : rng.int(1, 4),
    });
  }
  return out;
}
