// Charts Evidence has no component for, drawn with Observable Plot in Node (jsdom) at build time
// from the PUBLIC rows only, written as SVG into the Evidence project's static/charts/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import type { CatalogRow } from '@dtts/indicators';
import { formatNumber, formatValue, isCountLike } from './format.ts';
import type { PublicValueRow } from './public-values.ts';
import { geoSlug, headlineEthnic, reportYears, rowsByIndicator } from './public-tables.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

function toSvg(node: Element): string {
  // With a title or legend Plot returns a <figure>: keep only the chart.
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot returned no <svg>');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  return svg.outerHTML;
}

/**
 * The rows each chart reads come grouped by indicator (rowsByIndicator, once per list of public
 * rows): every chart used to scan all rows per indicator and commune. Groups keep the rows' order.
 */
const rowsOf = (rows: PublicValueRow[], id: string) => rowsByIndicator(rows).get(id) ?? [];

/** The latest year with any row, once per list of public rows. */
const latestYears = new WeakMap<PublicValueRow[], number>();
function latestYearOf(rows: PublicValueRow[]): number {
  let latest = latestYears.get(rows);
  if (latest === undefined) {
    latest = Math.max(...new Set(rows.map((r) => r.year)));
    latestYears.set(rows, latest);
  }
  return latest;
}

/** The x domain of the years shown (reportYears: 2020–2025 and any later year with values), padded for bars and dots. */
const yearDomain = (rows: PublicValueRow[], pad: number): [number, number] => {
  const years = reportYears(rows);
  return [years[0]! - pad, years.at(-1)! + pad];
};
/** The first and last year shown: the ticks of a small panel. */
const yearEnds = (rows: PublicValueRow[]): number[] => {
  const years = reportYears(rows);
  return [years[0]!, years.at(-1)!];
};

const tick = (unit: string) => (d: number) => (unit === 'vnd_per_person_month' ? `${formatNumber(d / 1e6, 1)} tr` : formatNumber(d, 0));

/** A small trend of the headline value 2020 → latest, with the target as a dashed rule. */
export function sparkline(rows: PublicValueRow[], cat: CatalogRow): string {
  const head = headlineEthnic(rows, cat.indicator_id);
  const data = rowsOf(rows, cat.indicator_id)
    .filter((r) => r.geo_level === 'area' && r.ethnic_group === head && r.sex === 'ALL' && r.value !== null)
    .sort((a, b) => a.year - b.year);
  const target = data.at(-1)?.target ?? null;
  const bars = isCountLike(cat.unit);
  // Counts and yes/no as bars from 0, one a year (a line between yearly counts reads as a rate).
  const marks: Plot.Markish[] = bars
    ? [Plot.rectY(data, { x1: (d: PublicValueRow) => d.year - 0.35, x2: (d: PublicValueRow) => d.year + 0.35, y: 'value', fill: '#1d4ed8' })]
    : [
      Plot.lineY(data, { x: 'year', y: 'value', stroke: '#1d4ed8', strokeWidth: 2 }),
      Plot.dot(data.slice(-1), { x: 'year', y: 'value', fill: '#1d4ed8', r: 2.5 }),
    ];
  if (target !== null) marks.push(Plot.ruleY([target], { stroke: '#b91c1c', strokeDasharray: '3,2' }));
  return toSvg(
    Plot.plot({
      document, width: 140, height: 40, margin: 4, axis: null,
      x: { domain: yearDomain(rows, bars ? 0.5 : 0) },
      y: { domain: bars ? [0, Math.max(1, target ?? 0, ...data.map((d) => d.value!)) * 1.1] : domainWith(data.map((d) => d.value!), target) },
      marks,
    }) as unknown as Element,
  );
}

function domainWith(values: number[], target: number | null): [number, number] {
  const all = target === null ? values : [...values, target];
  if (all.length === 0) return [0, 100];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

/** Small multiples: one panel per commune of the 2025 frame, the headline value by year against the target. */
export function communeSmallMultiples(rows: PublicValueRow[], cat: CatalogRow, geoNames: Map<string, string>): string {
  const head = headlineEthnic(rows, cat.indicator_id);
  const own = rowsOf(rows, cat.indicator_id);
  const data = own
    .filter((r) => r.geo_level === 'commune_2025' && r.ethnic_group === head && r.sex === 'ALL' && r.value !== null)
    .map((r) => ({ ...r, commune: (geoNames.get(`commune_2025|${r.geo_code}`) ?? r.geo_code).replace(/^Xã /, '') }))
    .sort((a, b) => a.year - b.year);
  const latestYear = latestYearOf(rows);
  const target = own.find((r) => r.geo_level === 'area' && r.ethnic_group === head && r.sex === 'ALL' && r.year === latestYear)?.target ?? null;
  const who = head === 'DTTS' ? 'người dân tộc thiểu số' : 'chung';
  const bars = isCountLike(cat.unit);
  const title = (d: PublicValueRow) => `${d.year}: ${formatValue(d.value, cat.unit)}`;
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: '#e5e7eb' }),
    ...(bars
      ? [Plot.rectY(data, { x1: (d: PublicValueRow) => d.year - 0.35, x2: (d: PublicValueRow) => d.year + 0.35, y: 'value', fx: 'commune', fill: '#1d4ed8', title })]
      : [
        Plot.lineY(data, { x: 'year', y: 'value', fx: 'commune', stroke: '#1d4ed8', strokeWidth: 2 }),
        Plot.dot(data, { x: 'year', y: 'value', fx: 'commune', fill: '#1d4ed8', r: 2.5, title }),
      ]),
  ];
  // A commune's target where the communes share one (98%, 5 examples a commune); not the area's sum, not 2 × each commune's own income.
  const communeTargets = new Set(data.map((d) => d.target));
  const communeTarget = bars ? (communeTargets.size === 1 ? [...communeTargets][0] ?? null : null) : target;
  if (communeTarget !== null && cat.target_level !== 'times_baseline') marks.push(Plot.ruleY([communeTarget], { stroke: '#b91c1c', strokeDasharray: '4,3' }));
  return toSvg(
    Plot.plot({
      document, width: 900, height: 240, marginLeft: 56, marginBottom: 36, marginTop: 28,
      title: `${cat.name_vi}: theo xã (địa giới từ 01/07/2025), ${who}`,
      fx: { label: null, padding: 0.12 },
      x: { label: 'Năm', tickFormat: (d: number) => String(d), ticks: yearEnds(rows), domain: yearDomain(rows, 0.4) },
      y: {
        label: cat.unit === 'vnd_per_person_month' ? 'triệu đồng/người/tháng' : bars ? 'Số lượng' : 'Tỷ lệ (%)', grid: true, tickFormat: tick(cat.unit),
        domain: bars ? [0, Math.max(1, communeTarget ?? 0, ...data.map((d) => d.value!)) * 1.1] : domainWith(data.map((d) => d.value!), cat.target_level === 'times_baseline' ? null : target),
      },
      marks,
    }) as unknown as Element,
  );
}

/**
 * A commune's rates as small multiples: one panel per percent indicator (its headline group: DTTS,
 * or all for the school-level ones), three to a row, each with its own target as a dashed rule —
 * readable where one chart of 15 lines under a paged legend was not. Hidden values are not drawn.
 */
export function communeTrendPanels(rows: PublicValueRow[], catalog: CatalogRow[], level: string, code: string): string | null {
  const columns = 3;
  const panels = catalog
    .filter((c) => c.unit === 'percent' && rowsOf(rows, c.indicator_id).length > 0)
    .map((c) => {
      const head = headlineEthnic(rows, c.indicator_id);
      const points = rowsOf(rows, c.indicator_id)
        .filter((r) => r.geo_level === level && r.geo_code === code && r.ethnic_group === head && r.sex === 'ALL')
        .sort((a, b) => a.year - b.year);
      const target = points.findLast((r) => r.target !== null)?.target ?? null;
      return { name: c.name_vi, points, target };
    })
    .filter((p) => p.points.some((r) => r.value !== null));
  if (panels.length === 0) return null;
  const at = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  const data = panels.flatMap((p, i) => p.points.map((r) => ({ year: r.year, value: r.value, ...at(i), name: p.name })));
  const shown = data.filter((d) => d.value !== null);
  const targets = panels.flatMap((p, i) => (p.target === null ? [] : [{ ...at(i), target: p.target }]));
  const rowsOfPanels = Math.ceil(panels.length / columns);
  return toSvg(
    Plot.plot({
      document, width: 900, height: 40 + rowsOfPanels * 150, marginLeft: 40, marginRight: 8, marginTop: 8, marginBottom: 28,
      fx: { axis: null, padding: 0.1 },
      fy: { axis: null, padding: 0.16 },
      x: { label: null, domain: yearDomain(rows, 0.4), ticks: yearEnds(rows), tickFormat: (d: number) => String(d) },
      y: { label: null, domain: [0, 150], ticks: [0, 50, 100], tickFormat: tick('percent'), grid: true },
      marks: [
        Plot.frame({ stroke: '#e5e7eb' }),
        Plot.text(panels.map((p, i) => ({ ...at(i), name: p.name })), { fx: 'col', fy: 'row', text: 'name', frameAnchor: 'top-left', dx: 4, dy: 4, fontSize: 10, fontWeight: 600, fill: '#111827', lineWidth: 21 }),
        Plot.ruleY(targets, { fx: 'col', fy: 'row', y: 'target', stroke: '#b91c1c', strokeDasharray: '4,3' }),
        Plot.lineY(data, { fx: 'col', fy: 'row', x: 'year', y: (d: { value: number | null }) => d.value ?? NaN, z: 'name', stroke: '#1d4ed8', strokeWidth: 2 }),
        Plot.dot(shown, { fx: 'col', fy: 'row', x: 'year', y: 'value', fill: '#1d4ed8', r: 2.5, title: (d: { year: number; value: number }) => `${d.year}: ${formatValue(d.value, 'percent')}` }),
      ],
    }) as unknown as Element,
  );
}

/** A blank chart with one line of text, for a page whose chart has nothing to draw. */
export function emptyChart(text: string): string {
  return toSvg(Plot.plot({
    document, width: 900, height: 60, axis: null, margin: 0,
    marks: [Plot.text([text], { frameAnchor: 'left', dx: 8, fontSize: 13, fill: '#4b5563' })],
  }) as unknown as Element);
}

/** Writes every chart; returns the number of files. */
export async function writeCharts(dir: string, rows: PublicValueRow[], catalog: CatalogRow[], geoNames: Map<string, string>): Promise<number> {
  await mkdir(dir, { recursive: true });
  let n = 0;
  for (const cat of catalog) {
    const own = rowsOf(rows, cat.indicator_id);
    if (own.length === 0) continue;
    await writeFile(join(dir, `spark-${cat.indicator_id}.svg`), sparkline(rows, cat));
    n++;
    // An indicator of the whole district (district officials, district activities) has no commune chart.
    if (!own.some((r) => r.geo_level === 'commune_2025')) continue;
    await writeFile(join(dir, `communes-${cat.indicator_id}.svg`), communeSmallMultiples(rows, cat, geoNames));
    n++;
  }
  // Every commune a page may link (the reorganisation table links all six new communes, with values or not).
  const communes = new Set([...rows.filter((r) => r.geo_level !== 'area').map((r) => `${r.geo_level}|${r.geo_code}`),
    ...[...geoNames.keys()].filter((g) => !g.startsWith('area|'))]);
  for (const g of communes) {
    const [level, code] = g.split('|') as [string, string];
    // Every commune page links its chart: a commune with no rate it may show gets a chart that says so.
    const svg = communeTrendPanels(rows, catalog, level, code) ?? emptyChart('Chưa có chỉ tiêu tỷ lệ nào hiển thị được cho xã này.');
    await writeFile(join(dir, `commune-${geoSlug(level, code)}.svg`), svg);
    n++;
  }
  return n;
}
