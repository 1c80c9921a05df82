import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureWarehouse } from '../test/fixture.ts';
import { writePublicData, type PublicData } from './public-data.ts';
import { cellKey, printReportHtml } from './print-report.ts';

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
