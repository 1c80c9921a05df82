// Years after the plan's horizon (2025): a run with 2026's files shows 2026 in the pages' tables,
// the trends and the charts, and draws the path of the plan the year is judged by (a later plan file:
// baseline 2025, target 2030). Before, every table stopped at a fixed 2020–2025.
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { catalogRows } from '@dtts/indicators';
import { sparkline } from './charts.ts';
import { trendSvg } from './print-charts.ts';
import { printReportHtml } from './print-report.ts';
import type { PublicData } from './public-data.ts';
import { matrices, plannedPath, reportYears, scorecardRows, trends } from './public-tables.ts';
import type { PublicValueRow } from './public-values.ts';
import { SourceLabels } from './source-labels.ts';

const ID = 'health_insurance_coverage';
const row = (year: number, level: string, code: string, value: number, over: Partial<PublicValueRow> = {}): PublicValueRow => ({
  indicator_id: ID, year, geo_level: level, geo_code: code, ethnic_group: 'DTTS', sex: 'ALL', numerator: null, denominator: null, value,
  target: 98, status: 'on_track', flags: null, baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null,
  plan_id: 'KH-2021-2025', baseline_year: 2020, target_year: 2025, suppressed: false, suppression_reason: null, ...over,
});
// The area 2020–2026 (2026 judged by a 2026–2030 plan: above 99% by 2030), a new commune 2020–2026,
// a former commune 2020–2024.
const later = { target: 99, plan_id: 'KH-2026-2030', baseline_year: 2025, target_year: 2030 };
const rows: PublicValueRow[] = [
  ...[2020, 2021, 2022, 2023, 2024, 2025].map((y) => row(y, 'area', 'BAO_YEN', 90 + y - 2020)),
  row(2026, 'area', 'BAO_YEN', 96.5, later),
  ...[2020, 2025].map((y) => row(y, 'commune_2025', '02989', 80 + y - 2020)),
  row(2026, 'commune_2025', '02989', 86, later),
  ...[2020, 2024].map((y) => row(y, 'commune_2020', '02962', 70 + y - 2020)),
];
const names = { geo: new Map([['commune_2025|02989', 'Xã Bảo Hà'], ['commune_2020|02962', 'Xã Kim Sơn']]), ethnic: new Map([['DTTS', 'Dân tộc thiểu số']]) };
const sources = new SourceLabels([{ source: 'health_insurance', title_vi: 'Thẻ BHYT', short_title_vi: 'BHYT', reference_month_day: '12-31', reference_year_offset: 0 }]);

describe('a year after the plan period', () => {
  it('widens the years shown to the last year with values, never below the plan period', () => {
    expect(reportYears(rows)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(reportYears(rows.filter((r) => r.year === 2024))).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('gives the tables a 2026 column, empty for a commune that ended in 2025', () => {
    const m = matrices(rows, catalogRows, names, sources).filter((r) => r.page === 'indicator' && r.page_key === ID);
    const newCommune = m.find((r) => r.section === 'commune_2025')!;
    expect(newCommune.y2025).toBe('85,0%');
    expect(newCommune.y2026).toBe('86,0%');
    // its latest value is judged by the later plan: its target is that plan's
    expect(newCommune.target_text).toBe('99,0%');
    const former = m.find((r) => r.section === 'commune_2020')!;
    expect(former.y2024).toBe('74,0%');
    expect(former.y2025).toBe('');
    expect(former.y2026).toBe('');
    const area = m.find((r) => r.section === 'ethnic' && r.row_label === 'Dân tộc thiểu số')!;
    expect(area.y2026).toBe('96,5%');
  });

  it('draws 2026 on the trend, with the later plan’s path from its 2025 baseline to 2030', () => {
    const t = trends(rows, catalogRows, names.ethnic).filter((r) => r.page === 'indicator' && r.page_key === ID);
    expect(t.filter((r) => r.series === 'Dân tộc thiểu số').map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const path = t.filter((r) => r.series.startsWith('Lộ trình'));
    expect(path.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    // from 95 (the area's 2025) to 99 in five years: 0.8 a year
    expect(path.map((r) => r.value)).toEqual([95, 95.8, 96.6, 97.4, 98.2, 99]);
    expect(plannedPath(90, 98)).toEqual([2020, 2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, value: 90 + 1.6 * i })));
  });

  it('puts 2026 inside the charts’ year axis', () => {
    const cat = catalogRows.find((c) => c.indicator_id === ID)!;
    const dots = (svg: string) => [...new JSDOM(svg).window.document.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    // the sparkline's last dot (2026) at the right edge of its 140-pixel frame, not beyond it
    const spark = dots(sparkline(rows, cat));
    expect(spark).toHaveLength(1);
    expect(spark[0]).toBeGreaterThan(120);
    expect(spark[0]).toBeLessThanOrEqual(140);
    const svg = trendSvg({ points: reportYears(rows).map((year) => ({ year, value: rows.find((r) => r.geo_level === 'area' && r.year === year)?.value ?? null })), target: 99, path: null, unit: 'percent', methodBreakAfter: null });
    const ticks = [...new JSDOM(svg).window.document.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
  });
});

describe('the overview and the printed report after the plan period', () => {
  // grid electricity 2020–2026, judged by the 2021–2025 plan throughout (no later target for it)
  const grid = [2020, 2025, 2026].map((y) => row(y, 'area', 'BAO_YEN', 60 + y - 2020, { indicator_id: 'grid_electricity_households' }));
  const all = [...rows, ...grid];
  const planTargets = [
    { plan_id: 'KH-2021-2025', plan_name_vi: 'Kế hoạch thực hiện Chỉ thị 28-CT/TU giai đoạn 2021–2025', baseline_year: 2020, target_year: 2025, indicator_id: ID, target_text_vi: 'Trên 98%.' },
    { plan_id: 'KH-2026-2030', plan_name_vi: 'Kế hoạch giai đoạn 2026–2030', baseline_year: 2025, target_year: 2030, indicator_id: ID, target_text_vi: 'Tỷ lệ tham gia bảo hiểm y tế đạt trên 99%.' },
  ];

  it('compares an indicator a later plan judges with that plan’s baseline and target, the others with 2020 and 2025', () => {
    const card = scorecardRows(all, catalogRows, 2026, sources, planTargets);
    // 2025 (95%) is the 2026–2030 plan's baseline; 2020 (90%) is not shown for it
    expect(card.find((r) => r.indicator_id === ID)).toMatchObject({
      plan_id: 'KH-2026-2030', later_plan: true, baseline_year: '2025', baseline_text: '95,0%', baseline_label: '95,0% (2025)',
      latest_year: '2026', latest_text: '96,5%', target_year: '2030', target_text: '99,0%', target_label: '99,0% (2030)',
      target_words: 'Tỷ lệ tham gia bảo hiểm y tế đạt trên 99%.',
    });
    expect(card.find((r) => r.indicator_id === 'grid_electricity_households')).toMatchObject({
      plan_id: 'KH-2021-2025', later_plan: false, baseline_year: '2020', baseline_label: '60,0%', latest_text: '66,0%', target_year: '2025', target_label: '98,0%',
      target_words: catalogRows.find((c) => c.indicator_id === 'grid_electricity_households')!.target_text_vi,
    });
  });

  it('names the later plan on the printed cover and quotes its target on the indicator’s page', () => {
    const data: PublicData = {
      rows: all, catalog: catalogRows, geoNames: names.geo, ethnicNames: names.ethnic, latestYear: 2026, sources, reorganisation: [],
      headline: { eligible: 0, shown: 0 }, planNote: '', planTargets,
    };
    const doc = new JSDOM(printReportHtml(data, { runId: 'r1', builtAt: '2027-03-01T08:00:00Z', sourcesDir: '', manifestPath: '' }), { virtualConsole: new VirtualConsole() }).window.document;
    const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text(doc.querySelector('.cover .kicker'))).toBe('Kế hoạch thực hiện Chỉ thị 28-CT/TU · giai đoạn 2020–2025 · Kế hoạch giai đoạn 2026–2030');
    expect(text(doc.querySelector('.cover .meta dd'))).toBe('2020; 2025 (Kế hoạch giai đoạn 2026–2030)');
    expect(text(doc.querySelector('.scorecard h2'))).toBe('1. Tổng hợp kết quả so với mục tiêu năm 2025 và của Kế hoạch giai đoạn 2026–2030');
    const cells = (id: string) => [...doc.querySelectorAll(`.scorecard tr[data-indicator="${id}"] td`)].map(text);
    expect(cells(ID).slice(4, 7)).toEqual(['95,0% (2025)', '96,5%', '99,0% (2030)']);
    expect(cells('grid_electricity_households').slice(4, 7)).toEqual(['60,0%', '66,0%', '98,0%']);
    const page = doc.querySelector(`section.indicator[data-indicator="${ID}"]`);
    expect(text(page!.querySelector('.target'))).toBe('Mục tiêu 2030: Tỷ lệ tham gia bảo hiểm y tế đạt trên 99%.');
    expect(text(page!.querySelector('.kpi'))).toMatch(/^DTTS toàn vùng: năm 2025 95,0% · năm 2026 96,5% · mục tiêu 2030 99,0%/);
    const gridPage = doc.querySelector('section.indicator[data-indicator="grid_electricity_households"]');
    expect(text(gridPage!.querySelector('.target'))).toMatch(/^Mục tiêu 2025: /);
    expect(text(gridPage!.querySelector('.kpi'))).toMatch(/^DTTS toàn vùng: năm 2020 60,0% · năm 2026 66,0% · mục tiêu 2025 98,0%/);
  });

  it('keeps the 2021–2025 framing while no later plan judges anything', () => {
    const before = all.filter((r) => r.year <= 2025);
    const data: PublicData = {
      rows: before, catalog: catalogRows, geoNames: names.geo, ethnicNames: names.ethnic, latestYear: 2025, sources, reorganisation: [],
      headline: { eligible: 0, shown: 0 }, planNote: '', planTargets,
    };
    const doc = new JSDOM(printReportHtml(data, { runId: 'r1', builtAt: '2026-03-01T08:00:00Z', sourcesDir: '', manifestPath: '' }), { virtualConsole: new VirtualConsole() }).window.document;
    expect(doc.querySelector('.cover .kicker')?.textContent).toBe('Kế hoạch thực hiện Chỉ thị 28-CT/TU · giai đoạn 2020–2025');
    expect(doc.querySelector('.cover .meta dd')?.textContent).toBe('2020');
    expect(doc.querySelector('.scorecard h2')?.textContent).toBe('1. Tổng hợp kết quả so với mục tiêu năm 2025');
    expect(scorecardRows(before, catalogRows, 2025, sources).find((r) => r.indicator_id === ID)).toMatchObject({ baseline_label: '90,0%', target_label: '98,0%' });
  });
});
