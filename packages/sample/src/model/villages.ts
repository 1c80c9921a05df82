import { rngFor } from '../rng.ts';
import type { CommuneModel } from './communes.ts';
import type { Population } from './population.ts';
import type { RoadSurface, ThonRecord, XaRecord } from './records.ts';
import * as T from './trends-other.ts';

interface Village {
  commune: CommuneModel;
  name: string;
  uRoad: number; uSurface: number; uTeam: number; uActive: number; uCultured: number; uMedia: number;
}

/** The census's villages (the hamlets its households live in), each with its latent draws. */
export function buildVillages(pop: Population, seed: number): Village[] {
  const seen = new Set<string>();
  const out: Village[] = [];
  for (const h of pop.households) {
    const key = `${h.commune.code}|${h.thon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rng = rngFor(seed, 'thon', key);
    out.push({ commune: h.commune, name: h.thon, uRoad: rng.next(), uSurface: rng.next(), uTeam: rng.next(), uActive: rng.next(), uCultured: rng.next(), uMedia: rng.next() });
  }
  return out;
}

/**
 * The year's village survey: roads paved, troupes, cultured villages and media reach rising
 * toward the plan's targets. From 2025 a village belongs to its new commune and names its former
 * one (xa_cu), as two villages of one merged commune may share a name.
 */
export function villagesOf(villages: Village[], year: number): ThonRecord[] {
  return villages.filter((v) => year >= 2025 || !v.commune.vanBan).map((v) => {
    const town = v.commune.code === '02947';
    const paved = town || v.uRoad < T.pavedRoad(year, v.commune.highland);
    const road: RoadSurface = paved ? (v.uSurface < (town ? 0.8 : 0.35) ? 'Nhựa' : 'Bê tông') : v.uSurface < 0.6 ? 'Cấp phối' : 'Đất';
    const troupe = v.uTeam < T.culturalTeam(year);
    return {
      communeCode: year >= 2025 ? v.commune.code2025 : v.commune.code, name: v.name, formerCommune: year >= 2025 ? v.commune.code : null,
      road, troupe, troupeActive: troupe ? v.uActive < T.teamActive(year) : null,
      cultured: v.uCultured < T.culturedVillage(year), media: town || v.uMedia < T.mediaReach(year),
    };
  });
}

/** The year's commune survey: one row per commune in force. */
export function communesOf(codes: string[], year: number, seed: number): XaRecord[] {
  return codes.map((code) => {
    const rng = rngFor(seed, 'xa', code);
    return { communeCode: code, troupe: rng.next() < T.communeTroupe(year), media: rng.next() < T.mediaReach(year) + 0.05 };
  });
}
