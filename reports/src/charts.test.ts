import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { catalogRows } from '@dtts/indicators';
import { communeTrendPanels, emptyChart } from './charts.ts';
import type { PublicValueRow } from './public-values.ts';

const row = (indicator_id: string, year: number, value: number | null, target: number | null, ethnic_group = 'DTTS'): PublicValueRow => ({
  indicator_id, year, geo_level: 'commune_2025', geo_code: '02989', ethnic_group, sex: 'ALL', numerator: null, denominator: null, value, target,
  status: null, flags: null, baseline_value: null, change_vs_baseline: null, geo_name: null, ethnic_name: null,
  suppressed: value === null, suppression_reason: value === null ? 'secondary' : null,
});

describe("a commune's trend chart", () => {
  // Three rates of new Bảo Hà: insurance (one year hidden), literacy, and income (not a rate: not drawn here).
  const rows = [
    ...[2020, 2021, 2022, 2023, 2024, 2025].map((y) => row('health_insurance_coverage', y, y === 2022 ? null : 90 + y - 2020, 95)),
    ...[2020, 2025].map((y) => row('literacy_15_60', y, 80 + (y - 2020), 90)),
    row('income_per_capita', 2025, 3_000_000, 4_000_000),
  ];
  const svg = communeTrendPanels(rows, catalogRows, 'commune_2025', '02989')!;
  const doc = new JSDOM(svg).window.document;
  const name = (id: string) => catalogRows.find((c) => c.indicator_id === id)!.name_vi;

  it('draws one titled panel per rate, none for income', () => {
    // A long name wraps onto several lines (tspans) rather than being cut.
    const texts = [...doc.querySelectorAll('text')].map((t) => (t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].map((x) => x.textContent).join(' ') : t.textContent));
    expect(texts).toContain(name('health_insurance_coverage'));
    expect(texts).toContain(name('literacy_15_60'));
    expect(texts.join(' ')).not.toMatch(/thu nhập/i);
    expect(doc.querySelectorAll('g[aria-label="frame"] rect, g[aria-label="frame"]').length).toBeGreaterThanOrEqual(2);
  });

  it('marks each panel’s own target and leaves hidden values out', () => {
    const rules = doc.querySelectorAll('g[aria-label="rule"] line');
    expect(rules.length).toBe(2); // 95% and 90%: one dashed target per panel
    // 5 shown insurance years + 2 literacy years; the hidden 2022 is not a dot.
    expect(doc.querySelectorAll('g[aria-label="dot"] circle').length).toBe(7);
    expect([...doc.querySelectorAll('g[aria-label="dot"] title')].map((t) => t.textContent)).not.toContain('2022: ');
  });

  it('draws nothing for a commune without rates', () => {
    expect(communeTrendPanels([row('income_per_capita', 2025, 3_000_000, null)], catalogRows, 'commune_2025', '02989')).toBeNull();
  });

  it('gives a commune page without rates a chart that says so (the page always links one)', () => {
    const svg = emptyChart('Chưa có chỉ tiêu tỷ lệ nào hiển thị được cho xã này.');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(new JSDOM(svg).window.document.querySelector('text')?.textContent).toBe('Chưa có chỉ tiêu tỷ lệ nào hiển thị được cho xã này.');
  });
});
