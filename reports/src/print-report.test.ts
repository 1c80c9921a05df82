import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureWarehouse } from '../test/fixture.ts';
import { writePublicData, type PublicData } from './public-data.ts';
import { cellKey, printReportHtml, printReportVariants } from './print-report.ts';

let dir: string;
let data: PublicData;
let doc: Document;
const run = { runId: 'print-run-7', builtAt: '2026-01-31T20:05:00Z', sourcesDir: '/x', manifestPath: '/x/m.json' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-print-'));
  await writeFixtureWarehouse(join(dir, 'warehouse.duckdb'));
  data = await writePublicData(join(dir, 'warehouse.duckdb'), join(dir, 'public.duckdb'), dir, run);
  doc = new JSDOM(printReportHtml(data, run), { virtualConsole: new VirtualConsole() }).window.document;
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the printable report', () => {
  it('is rendered once for both variants: the site\'s links the PDF, the printed one does not, nothing else differs', () => {
    const variant = printReportVariants(data, run);
    const [plain, linked] = [variant(null), variant('bao-cao.pdf')];
    expect(plain).toBe(printReportHtml(data, run));
    expect(linked).toBe(printReportHtml(data, run, { pdfHref: 'bao-cao.pdf' }));
    expect(plain).not.toMatch(/Tải bản PDF|dtts:cover-links/);
    const link = '<a href="bao-cao.pdf">Tải bản PDF</a> · ';
    expect(linked.split(link)).toHaveLength(2);
    expect(linked.replace(link, '')).toBe(plain);
  });

  it('has a cover with the run and the build date in Vietnam time, dd/mm/yyyy', () => {
    const cover = doc.querySelector('section.cover')!.textContent!;
    expect(cover).toMatch(/print-run-7/);
    expect(cover).toMatch(/01\/02\/2026/); // 31/01 20:05 UTC is 01/02 in Vietnam
    expect(doc.querySelectorAll('script').length).toBe(0);
  });

  it('has a section with charts per computed indicator, years as 2020 and numbers as 1.234,5', () => {
    const ids = [...new Set(data.rows.map((r) => r.indicator_id))];
    const sections = doc.querySelectorAll('section.indicator');
    expect(sections.length).toBe(ids.length);
    for (const s of sections) {
      const svgs = s.querySelectorAll('svg');
      expect(svgs.length, s.id).toBeGreaterThanOrEqual(1);
      for (const svg of svgs) expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(s.textContent, s.id).not.toMatch(/\b2[,.]0[12]\d\b(?![.,]\d)/);
    }
    expect(doc.querySelector('#income_per_capita')!.textContent).toMatch(/\d\.\d{3}\.\d{3} đ/);
    expect(doc.querySelector('#poor_household_rate')!.textContent).toMatch(/đổi chuẩn nghèo/);
  });

  it('shows every suppressed commune cell as "Ẩn" and no other', () => {
    const communes = data.rows.filter((r) => r.geo_level === 'commune_2025' && r.sex === 'ALL' && doc.querySelector(`section#${r.indicator_id}`)
      && r.ethnic_group === (data.rows.some((x) => x.indicator_id === r.indicator_id && x.ethnic_group === 'DTTS') ? 'DTTS' : 'ALL'));
    expect(communes.some((r) => r.suppressed)).toBe(true);
    for (const r of communes) {
      const cell = doc.querySelector(`td[data-cell="${cellKey(r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex)}"]`);
      expect(cell, `${r.indicator_id} ${r.year} ${r.geo_code}`).not.toBeNull();
      if (r.suppressed) expect(cell!.textContent).toBe('Ẩn');
      else expect(cell!.textContent).toMatch(/\d/);
    }
  });
});

describe('the indicators of the other sources in the printable report', () => {
  const section = (id: string) => doc.querySelector(`section#${id}`)!;

  it('draws a count as bars by year, whole numbers, no %', () => {
    const s = section('teen_first_births');
    const shown = data.rows.filter((r) => r.indicator_id === 'teen_first_births' && r.geo_level === 'area' && r.ethnic_group === 'DTTS' && r.value !== null);
    const trend = s.querySelectorAll('figure.chart svg')[0]!;
    expect(trend.querySelectorAll('g[aria-label="rect"] rect').length).toBe(shown.length);
    expect(trend.querySelectorAll('g[aria-label="line"]').length).toBe(0);
    expect(s.querySelector('.kpi')!.textContent).toMatch(new RegExp(`năm 2025 ${shown.find((r) => r.year === 2025)!.value}\\b`));
    for (const td of s.querySelectorAll('table.communes td[data-cell]')) expect(td.textContent).toMatch(/^(\d{1,3}(\.\d{3})*|Ẩn|)$/);
    // Its notes carry the source with its reference date (31 Dec, from the connector declaration).
    expect(s.querySelector('ol.notes')!.textContent).toMatch(/Nguồn: .*\(31\/12 hằng năm\)/);
  });

  it('says yes/no in words, and that a district indicator has no commune and no 2025', () => {
    const survey = section('annual_dtts_survey');
    expect(survey.querySelector('.kpi')!.textContent).toMatch(/năm 2020 Có · năm 2025 Có/);
    expect(survey.textContent).toMatch(/Chỉ tiêu tính cho toàn huyện, không tách theo xã/);
    const district = section('dtts_officials_district');
    expect(district.querySelector('.kpi')!.textContent).toMatch(/Cấp huyện không còn từ 01\/07\/2025: số liệu đến năm 2024\).*năm 2024 \d+,\d%/s);
    const row = doc.querySelector('table.score tr[data-indicator="dtts_officials_district"]')!;
    expect(row.textContent).toMatch(/\(2024\)Cấp huyện không còn từ 01\/07\/2025/);
  });

  it('lists the targets without values with their source and reference date', () => {
    const pending = doc.querySelector('section.pending')!;
    const withValues = new Set(data.rows.map((r) => r.indicator_id));
    expect(pending.querySelectorAll('tbody tr').length).toBe(data.catalog.filter((c) => !withValues.has(c.indicator_id)).length);
    const antenatal = [...pending.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes(data.catalog.find((c) => c.indicator_id === 'antenatal_care_dtts')!.name_vi))!;
    expect(antenatal.textContent).toMatch(/\(31\/12 hằng năm\)/);
  });
});
