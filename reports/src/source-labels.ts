// Sources' Vietnamese names and reference days, read from the warehouse's ref.sources (which the
// warehouse writes from the connector declarations): the reports keep no copy of their own.
import type { Db } from '@dtts/db';

export interface SourceRow {
  source: string;
  title_vi: string;
  short_title_vi: string;
  /** `MM-DD` of the reference date. */
  reference_month_day: string;
  /** Years from the data year to the reference date's year (0 for every source so far). */
  reference_year_offset: number;
}

export class SourceLabels {
  private readonly bySource: Map<string, SourceRow>;

  constructor(rows: readonly SourceRow[]) {
    // warehouse table names use `_` for the connector id's `-` (health_insurance_the_bhyt)
    this.bySource = new Map(rows.flatMap((r) => [[r.source, r], [r.source.replaceAll('-', '_'), r]]));
  }

  /** "census" → "Điều tra dân số hằng năm (hộ và nhân khẩu)"; an unknown source as it is. */
  label(source: string): string {
    return this.bySource.get(source)?.title_vi ?? source;
  }

  /** dd/mm/yyyy of the source's reference date for a data year; dd/mm alone when year is null. */
  date(source: string, year: number | null): string | undefined {
    const s = this.bySource.get(source);
    if (!s) return undefined;
    const [mm, dd] = s.reference_month_day.split('-');
    return year === null ? `${dd}/${mm}` : `${dd}/${mm}/${year + s.reference_year_offset}`;
  }

  /** Every source with its reference day: "Điều tra dân số hằng năm (01/10), …". */
  all(): string {
    return [...new Set(this.bySource.values())].map((s) => `${s.title_vi} (${this.date(s.source, null)})`).join(', ');
  }

  /**
   * "Nguồn: Rà soát hộ nghèo, cận nghèo (01/11/2025); Điều tra dân số hằng năm (01/10/2025)"
   * from the catalog's source tables (`poverty.ho_ngheo, census.ho`).
   */
  note(sourceTables: string, year: number | null, short = false): string {
    const systems = [...new Set(sourceTables.split(/[,;]\s*/).map((t) => t.trim().split('.')[0]!).filter(Boolean))];
    const parts = systems.map((id) => {
      const s = this.bySource.get(id);
      if (!s) return id;
      const day = this.date(id, null)!;
      if (short) return `${s.short_title_vi} ${day}`;
      return year === null ? `${s.title_vi} (${day} hằng năm)` : `${s.title_vi} (${this.date(id, year)})`;
    });
    return short ? parts.join('; ') : `Nguồn: ${parts.join('; ')}`;
  }
}

/** Reads ref.sources from the warehouse attached as `catalog`; empty (labels fall back to ids) when it has none. */
export async function readSourceLabels(db: Db, catalog = 'wh'): Promise<SourceLabels> {
  const has = await db.one<{ n: number }>(
    `select count(*) as n from information_schema.tables where table_catalog = ? and table_schema = 'ref' and table_name = 'sources'`, [catalog]);
  if (!has?.n) return new SourceLabels([]);
  return new SourceLabels(await db.all<SourceRow>(
    `select source, title_vi, short_title_vi, reference_month_day, cast(reference_year_offset as integer) as reference_year_offset
     from ${catalog}.ref.sources order by sort_order`));
}
