// Charts of the printable report: Observable Plot drawn in Node (jsdom) to inline SVG, sized for an
// A4 page (content width about 180 mm = 680 px), Vietnamese labels and number formats.
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { formatNumber, formatValue, isCountLike, isVnd } from './format.ts';
import { reportYears } from './public-tables.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

export const PRINT_WIDTH = 680;
export const COLORS = { dtts: '#1d4ed8', target: '#b91c1c', path: '#6b7280', frame: '#d1d5db' } as const;

export interface Point {
  year: number;
  /** null where the value is hidden or missing: the line breaks there. */
  value: number | null;
}

function svgOf(node: Element): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot returned no <svg>');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', 'inherit');
  svg.setAttribute('role', 'img');
  return svg.outerHTML;
}

/** Axis ticks: percent as "95" (the axis says %), VND in millions "3,2". */
function tick(unit: string) {
  if (unit === 'yes_no') return (d: number) => formatValue(d, unit);
  return (d: number) => (isVnd(unit) ? formatNumber(d / 1e6, 1) : formatNumber(d, Number.isInteger(d) ? 0 : 1));
}

/** A point's label: "95,6" for percent, "3,25" (millions) for VND. */
export function pointLabel(value: number, unit: string): string {
  if (isCountLike(unit)) return formatValue(value, unit); // "12", "Có"
  return isVnd(unit) ? formatNumber(value / 1e6, 2) : formatNumber(value, 1);
}

/** Counts and yes/no as bars from 0, one a year (a line between yearly counts suggests a rate). */
function valueMarks(points: { year: number; value: number }[], extra: Record<string, unknown> = {}, width = 0.3): Plot.Markish[] {
  return [Plot.rectY(points, { ...extra, x1: (p: Point) => p.year - width, x2: (p: Point) => p.year + width, y: 'value', fill: COLORS.dtts, fillOpacity: 0.85 })];
}

/** The y axis's label; none for yes/no (the ticks say Không/Có). */
export function axisLabel(unit: string): string | null {
  return isVnd(unit) ? 'triệu đồng/người/tháng' : unit === 'percent' ? '%' : unit === 'count' ? 'số lượng' : null;
}

function domain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 100];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  return [Math.max(lo - pad, lo >= 0 ? 0 : -Infinity), hi + pad];
}

/** Bars stand on 0; yes/no runs from 0 (Không) to 1 (Có), with room above for the labels. */
function countDomain(values: number[], unit: string): [number, number] {
  if (unit === 'yes_no') return [0, 1.3];
  return [0, Math.max(1, ...values) * 1.2];
}

/** Whole-number ticks for counts (no "0,5 births"); yes/no at 0 and 1. */
function countTicks(values: number[], unit: string): number[] {
  if (unit === 'yes_no') return [0, 1];
  const hi = Math.max(1, ...values);
  const step = Math.max(1, Math.ceil(hi / 4));
  return Array.from({ length: Math.floor((hi * 1.2) / step) + 1 }, (_, i) => i * step);
}

/** The year axis over the points' years (reportYears: the plan's period and any later year), a tick a year or only the ends. */
function yearAxis(points: readonly { year: number }[], everyYear: boolean) {
  const years = reportYears(points);
  const [first, last] = [years[0]!, years.at(-1)!];
  return { label: null, domain: [first - 0.4, last + 0.4], ticks: everyYear ? years : [first, last], tickFormat: (d: number) => String(d) };
}

/**
 * The headline trend over the years shown against the target (dashed red) and the straight path from the
 * plan's baseline to the target (dashed grey); a method break as a dotted vertical line.
 */
export function trendSvg(opts: {
  points: Point[]; target: number | null; path: { year: number; value: number }[] | null; unit: string; methodBreakAfter: number | null;
}): string {
  const { points, target, path, unit } = opts;
  const shown = points.filter((p): p is { year: number; value: number } => p.value !== null);
  const all = [...shown.map((p) => p.value), ...(target === null ? [] : [target]), ...(path ?? []).map((p) => p.value)];
  const marks: Plot.Markish[] = [
    Plot.gridY({ stroke: '#e5e7eb', strokeOpacity: 1 }),
  ];
  if (opts.methodBreakAfter !== null) {
    const x = opts.methodBreakAfter + 0.5;
    marks.push(Plot.ruleX([x], { stroke: COLORS.path, strokeDasharray: '1,3' }));
    marks.push(Plot.text([x], { x: (d: number) => d, frameAnchor: 'top', dy: 2, text: () => 'đổi chuẩn nghèo', fontSize: 9, fill: COLORS.path }));
  }
  if (path) marks.push(Plot.lineY(path, { x: 'year', y: 'value', stroke: COLORS.path, strokeDasharray: '5,4', strokeWidth: 1.5 }));
  // The target's value is in the legend under the chart: a label here would collide with the points.
  const bars = isCountLike(unit);
  if (bars) marks.push(...valueMarks(shown));
  if (target !== null) marks.push(Plot.ruleY([target], { stroke: COLORS.target, strokeDasharray: '6,3', strokeWidth: 1.5 }));
  if (!bars) marks.push(
    Plot.lineY(points, { x: 'year', y: (p: Point) => p.value ?? NaN, stroke: COLORS.dtts, strokeWidth: 2.5 }),
    Plot.dot(shown, { x: 'year', y: 'value', fill: COLORS.dtts, r: 3.5 }),
  );
  marks.push(Plot.text(shown, { x: 'year', y: 'value', text: (p: { value: number }) => pointLabel(p.value, unit), dy: -11, fontSize: 10, fontWeight: 600, fill: COLORS.dtts, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }));
  return svgOf(Plot.plot({
    document, width: PRINT_WIDTH, height: 180, marginLeft: 44, marginRight: 16, marginTop: 22, marginBottom: 26,
    style: { fontSize: '10px', background: 'white' },
    x: yearAxis([...points, ...(path ?? [])], true),
    y: { label: axisLabel(unit), domain: bars ? countDomain(all, unit) : domain(all), tickFormat: tick(unit), ticks: bars ? countTicks(all, unit) : 5 },
    marks,
  }) as unknown as Element);
}

/** Small multiples: one panel per commune (3 × 2), its headline value by year against the target. */
export function communesSvg(opts: { panels: { name: string; points: Point[] }[]; target: number | null; unit: string }): string {
  const { panels, target, unit } = opts;
  const columns = 3;
  const at = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  const data = panels.flatMap((p, i) => p.points.map((pt) => ({ ...pt, ...at(i), name: p.name })));
  const shown = data.filter((d) => d.value !== null) as (typeof data[number] & { value: number })[];
  const ends = shown.filter((d) => d.year === Math.max(...shown.filter((s) => s.name === d.name).map((s) => s.year))
    || d.year === Math.min(...shown.filter((s) => s.name === d.name).map((s) => s.year)));
  const rows = Math.ceil(panels.length / columns);
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: COLORS.frame }),
    Plot.text(panels.map((p, i) => ({ ...at(i), name: p.name })), { fx: 'col', fy: 'row', text: 'name', frameAnchor: 'top-left', dx: 5, dy: 5, fontSize: 10, fontWeight: 600, fill: '#111827' }),
  ];
  const bars = isCountLike(unit);
  if (bars) marks.push(...valueMarks(shown, { fx: 'col', fy: 'row' }, 0.35));
  if (target !== null) marks.push(Plot.ruleY([target], { stroke: COLORS.target, strokeDasharray: '6,3', strokeWidth: 1.2 }));
  if (!bars) marks.push(
    Plot.lineY(data, { fx: 'col', fy: 'row', x: 'year', y: (d: Point) => d.value ?? NaN, z: 'name', stroke: COLORS.dtts, strokeWidth: 2 }),
    Plot.dot(shown, { fx: 'col', fy: 'row', x: 'year', y: 'value', fill: COLORS.dtts, r: 2.5 }),
  );
  marks.push(Plot.text(ends, { fx: 'col', fy: 'row', x: 'year', y: 'value', text: (d: { value: number }) => pointLabel(d.value, unit), dy: -9, fontSize: 9, fill: COLORS.dtts, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }));
  const values = [...shown.map((d) => d.value), ...(target === null ? [] : [target])];
  const [lo, hi] = bars ? countDomain(values, unit) : domain(values);
  return svgOf(Plot.plot({
    document, width: PRINT_WIDTH, height: 30 + rows * 104, marginLeft: 36, marginRight: 8, marginTop: 6, marginBottom: 26,
    style: { fontSize: '10px', background: 'white' },
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.12 },
    x: yearAxis(data, false),
    // Room above the highest point for the commune's name.
    // The unit is in the caption (a y label would sit on the first panel's name).
    y: { label: null, domain: [lo, hi + (hi - lo) * 0.3], tickFormat: tick(unit), ticks: 3, grid: true },
    marks,
  }) as unknown as Element);
}
