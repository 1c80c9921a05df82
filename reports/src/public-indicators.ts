// The public tables about the catalog: one row per indicator in Vietnamese, and the scorecard.
import type { CatalogRow } from '@dtts/indicators';
import type { Db } from '@dtts/db';
import { isCountLike } from './format.ts';
import { typesOf, writeTable } from './public-db.ts';
import { hasIndicator, headlineEthnic, scorecardRows } from './public-tables.ts';
import type { PublicValueRow } from './public-values.ts';
import type { PlanTargetText } from './plan-note.ts';
import type { SourceLabels } from './source-labels.ts';
import { expectedSourceVi, methodNoteVi, PENDING_VI, UNIT_VI } from './vi-texts.ts';

export async function writeIndicators(db: Db, workDir: string, rows: PublicValueRow[], catalog: CatalogRow[], latestYear: number, sources: SourceLabels, planTargets: readonly PlanTargetText[]) {
  const indicators = catalog.map((c) => {
    // Every text in Vietnamese: the catalog describes targets in English for the engineers.
    const pending = PENDING_VI[c.indicator_id];
    const [num, den] = c.numerator_text_vi !== null && c.denominator_text_vi !== null
      ? [c.numerator_text_vi, c.denominator_text_vi] : pending ? [pending.numerator, pending.denominator] : ['', ''];
    const computed = hasIndicator(rows, c.indicator_id);
    return {
      indicator_id: c.indicator_id, sort_order: c.sort_order, clause: c.clause, name_vi: c.name_vi, unit: c.unit,
      unit_label: UNIT_VI[c.unit] ?? c.unit,
      direction_label: c.direction === 'lower_is_better' ? 'Càng thấp càng tốt' : 'Càng cao càng tốt',
      numerator_text: num, denominator_text: den, target_text_vi: c.target_text_vi,
      source_label: c.has_source ? c.source.split(/,\s*/).map((s) => `${sources.label(s.split('.')[0]!)} (${s})`).join('; ') : expectedSourceVi(c),
      reference_date: c.has_source ? sources.note(c.source, null).replace(/^Nguồn: /, '') : '',
      method_note: c.method_note ? methodNoteVi(c) : '', has_source: c.has_source, has_values: computed,
      // A count or yes/no: bars by year, no denominator, no path from the baseline.
      counted: isCountLike(c.unit),
      link: computed ? `/chi-tieu/${c.indicator_id}` : null,
      headline: computed ? (headlineEthnic(rows, c.indicator_id) === 'DTTS' ? 'Dân tộc thiểu số' : 'Chung (không tách theo dân tộc)') : '',
    };
  });
  await writeTable(db, workDir, 'indicators', { ...typesOf(indicators[0]!), sort_order: 'INTEGER', link: 'VARCHAR' }, indicators);

  const scorecard = scorecardRows(rows, catalog, latestYear, sources, planTargets);
  // the columns pages query by name typed even when no indicator has a value (an empty scorecard)
  await writeTable(db, workDir, 'scorecard', {
    indicator_id: 'VARCHAR', target_year: 'VARCHAR', target_words: 'VARCHAR', later_plan: 'BOOLEAN',
    ...typesOf(scorecard[0] ?? {}), sort_order: 'INTEGER', target_value: 'DOUBLE',
  }, scorecard);
}
