// End to end: the real pipeline on a small generated sample, then buildReports (a real Evidence
// build), then Debian's Chromium on the built site over a local static server. Also scans every
// shipped file for the sample's names and ids. Set DTTS_REPORTS_SOURCES + DTTS_REPORTS_WAREHOUSE to
// reuse a sample and warehouse already built (a faster local loop).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '@dtts/db';
import { JSDOM, VirtualConsole } from 'jsdom';
import { catalogRows } from '@dtts/indicators';
import { buildReports, pdfPages, type BuildReportsResult } from '../src/index.ts';
import { hasChromium } from '../src/chromium.ts';
import { formatValue } from '../src/format.ts';
import { REPORTS_DIR } from '../src/evidence.ts';
import { launch } from './browser.ts';
import { collectPii, findIn } from './pii.ts';
import { serveStatic } from './static-server.ts';

const run = promisify(execFile);
const ROOT = join(REPORTS_DIR, '..');
const SHOTS = join(REPORTS_DIR, 'test-output');
const tool = (name: string) => ['/usr/bin', '/usr/local/bin'].map((d) => join(d, name)).find((p) => existsSync(p));
const PDFTOTEXT = tool('pdftotext');
const PDFTOPPM = tool('pdftoppm');

let work: string;
let sourcesDir: string;
let siteDir: string;
let result: BuildReportsResult;
let warehouse: string;
/** Indicators with at least one value in the warehouse (all 40 once the sample has every source). */
let withValues: Set<string>;
const progress: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reports-site-'));
  sourcesDir = process.env.DTTS_REPORTS_SOURCES ?? join(work, 'sources');
  const prebuilt = process.env.DTTS_REPORTS_WAREHOUSE;
  if (prebuilt) warehouse = prebuilt;
  else {
    const pnpm = (args: string[]) => run('pnpm', args, { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, FORCE_COLOR: '0' } });
    await pnpm(['sample', '--out', sourcesDir, '--scale', '0.02']);
    await pnpm(['pipeline', '--sources', sourcesDir, '--out', join(work, 'out'), '--skip-reports']);
    warehouse = join(work, 'out', 'warehouse.duckdb');
  }
  siteDir = join(work, 'site');
  withValues = new Set((await withDb(warehouse, (db) => db.all<{ id: string }>(`select distinct indicator_id as id from marts.indicator_values`))).map((r) => r.id));
  result = await buildReports({
    warehousePath: warehouse,
    siteDir,
    run: { runId: 'test-run-42', builtAt: '2026-03-05T01:30:00Z', sourcesDir, manifestPath: join(work, 'run-manifest.json') },
    // A cache of its own: this build is a full one (and keeps its bundles for the second build below).
    siteCache: join(work, 'site-cache'),
    onProgress: (m) => progress.push(m),
  });
}, 2_400_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the built site', () => {
  it('has every page, prerendered', () => {
    for (const page of ['index.html', 'chi-tieu/health_insurance_coverage.html', 'xa/2025-02989.html', 'xa/2020-02947.html',
      'sap-xep-2025.html', 'chat-luong-du-lieu.html', 'phuong-phap.html']) {
      const alt = page.replace(/\.html$/, '/index.html');
      expect(existsSync(join(siteDir, page)) || existsSync(join(siteDir, alt)), page).toBe(true);
    }
    expect(result.files).toBeGreaterThan(100);
    expect(result.bytes).toBeGreaterThan(1_000_000);
    expect(progress.some((m) => m.startsWith('site:'))).toBe(true);
  });

  it('ships no name or id of the sample in any file', async () => {
    const pii = await collectPii(sourcesDir);
    expect(pii.size).toBeGreaterThan(2000);
    const leaks: string[] = [];
    let pdfScanned = 0;
    for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      let text: string;
      if (entry.name.endsWith('.parquet')) {
        // Parquet pages may be compressed: read the values back instead of the bytes.
        const rows = await withDb(':memory:', (db) => db.all(`select * from read_parquet('${file.replaceAll("'", "''")}')`));
        text = rows.map((r) => Object.values(r).join(' ')).join('\n');
      } else if (entry.name.endsWith('.pdf')) {
        // PDF text sits in compressed streams: scan what pdftotext reads (the PDF is printed from the
        // scanned HTML report, so without poppler-utils that HTML stands for it).
        if (!PDFTOTEXT) continue;
        text = (await run(PDFTOTEXT, ['-q', file, '-'], { maxBuffer: 64 << 20 })).stdout;
        pdfScanned++;
      } else text = (await readFile(file)).toString('utf8');
      for (const hit of findIn(text, pii)) leaks.push(`${file.slice(siteDir.length)}: ${hit}`);
    }
    expect(leaks).toEqual([]);
    expect(existsSync(join(siteDir, 'bao-cao', 'index.html'))).toBe(true); // the printable report is among the files scanned
    if (PDFTOTEXT && hasChromium()) expect(pdfScanned).toBe(1);
  }, 600_000);
});

describe('the printable report', () => {
  const STATUSES = new Set(['Đạt', 'Đúng tiến độ', 'Chậm tiến độ', 'Không đạt', 'Chưa có số liệu', 'Chưa đánh giá', 'Ẩn', 'Không đặt mục tiêu']);
  let doc: Document;
  beforeAll(async () => {
    // A silent console: jsdom's CSS parser does not know @page margin boxes (Chromium does).
    doc = new JSDOM(await readFile(join(siteDir, 'bao-cao', 'index.html'), 'utf8'), { virtualConsole: new VirtualConsole() }).window.document;
  });

  it('is one self-contained HTML page: cover, scorecard with statuses, a chart per computed indicator', () => {
    expect(doc.documentElement.lang).toBe('vi');
    expect(doc.querySelectorAll('script, link[rel=stylesheet], img[src^=http]').length).toBe(0);
    const cover = doc.querySelector('section.cover')!.textContent!;
    expect(cover).toMatch(/Huyện Bảo Yên/);
    expect(cover).toMatch(/test-run-42/);
    expect(cover).toMatch(/05\/03\/2026/); // build date, dd/mm/yyyy
    const rows = [...doc.querySelectorAll('table.score tr[data-indicator]')];
    // Every target with values, the context indicator (no target) too: 40 when every source is there.
    const scored = catalogRows.filter((c) => withValues.has(c.indicator_id));
    expect(rows.length).toBe(scored.length);
    const statuses = rows.map((r) => r.querySelector('.status')?.textContent ?? '');
    for (const st of statuses) expect(STATUSES).toContain(st);
    expect(statuses.some((st) => /^(Đạt|Đúng tiến độ|Chậm tiến độ)$/.test(st))).toBe(true);
    const sections = [...doc.querySelectorAll('section.indicator')];
    expect(sections.map((x) => x.getAttribute('data-indicator'))).toEqual(scored.map((c) => c.indicator_id));
    for (const x of sections) {
      expect(x.querySelectorAll('svg').length, x.id).toBeGreaterThanOrEqual(1);
      expect(x.querySelector('ol.notes')!.textContent, x.id).toMatch(/Nguồn: .*\(\d\d\/\d\d/);
      expect(x.querySelector('ol.notes')!.textContent, x.id).toMatch(/Bảo Hà .*Tân An|Tân An.*Bảo Hà/s);
      // Years as 2020, not 2,020 or 2.020; Vietnamese decimals.
      expect(x.textContent, x.id).not.toMatch(/\b2[,.]0[12]\d\b(?![.,]\d)/);
    }
    expect(doc.querySelector('#poor_household_rate ol.notes')!.textContent).toMatch(/NĐ 07\/2021/);
    expect(doc.querySelector('#health_insurance_coverage')!.textContent).toMatch(/\d,\d%/);
  });

  it('shows a suppressed cell as hidden, never as a number', async () => {
    // Commune cells of the 2025 frame whose numerator is a count of 1–4: primary suppression.
    const small = await withDb(warehouse, (db) => db.all<{ indicator_id: string; year: number; geo_code: string; value: number }>(
      `select indicator_id, cast(year as integer) as year, geo_code, value from marts.indicator_values
       where geo_level = 'commune_2025' and ethnic_group = 'DTTS' and sex = 'ALL' and numerator between 1 and 4
         and indicator_id not in (${catalogRows.filter((c) => !c.about_persons || c.unit === 'vnd_per_person_month').map((c) => `'${c.indicator_id}'`).join(', ')})`));
    expect(small.length).toBeGreaterThan(0);
    for (const c of small) {
      const cell = doc.querySelector(`td[data-cell="${c.indicator_id}|${c.year}|commune_2025|${c.geo_code}|DTTS|ALL"]`);
      expect(cell, `${c.indicator_id} ${c.year} ${c.geo_code}`).not.toBeNull();
      expect(cell!.textContent).toBe('Ẩn');
      expect(cell!.textContent).not.toMatch(/\d/);
      // Nor in the commune's row of that section's table, year by year.
      const yearCells = [...cell!.closest('tr')!.querySelectorAll('td[data-cell]')].map((td) => td.textContent);
      const unit = catalogRows.find((x) => x.indicator_id === c.indicator_id)!.unit;
      expect(yearCells).not.toContain(formatValue(c.value, unit));
    }
  });

  it('is printed to an A4 PDF where Chromium is installed', async () => {
    const pdf = join(siteDir, 'bao-cao', 'bao-cao.pdf');
    if (!hasChromium()) {
      expect(existsSync(pdf)).toBe(false);
      expect(progress.some((m) => /PDF skipped/.test(m))).toBe(true);
      return;
    }
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Cover, scorecard, one page per computed indicator at least, the targets waiting for a source.
    expect(pdfPages(bytes)).toBeGreaterThanOrEqual(withValues.size + 2);
    expect(progress.some((m) => /printable report: HTML and PDF/.test(m))).toBe(true);
    expect(doc.querySelector('a[href="bao-cao.pdf"]')).not.toBeNull();
    await mkdir(SHOTS, { recursive: true });
    if (PDFTOPPM) await run(PDFTOPPM, ['-r', '70', '-png', '-f', '1', '-l', '3', pdf, join(SHOTS, 'report-page')]);
  }, 300_000);
});

describe('the site in Chromium', () => {
  let browser: BrowserContext;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, shot?: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      // A request the app itself cancels when a newer query replaces it is not a failure.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`external request: ${r.url()}`);
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    // Tables fill in after hydration: wait until every table on the page has body rows (a busy
    // machine renders slowly: at load 15 on 2 cores 20 s were not enough), then let charts settle.
    // Also gone: Evidence's loading skeletons (`role=status` with `animate-pulse`, e.g. a chart not
    // drawn yet) and tables whose rows are there but empty (their headers are empty too, so the
    // "Trạng thái" test below cannot see them).
    // DataTable puts its rows straight in <table>, with no <tbody>: a body row is any row outside <thead>.
    await page.waitForFunction(() => {
      const bodyRows = (t: HTMLTableElement) => [...t.querySelectorAll('tr')].some((tr) => !tr.closest('thead'));
      const tables = [...document.querySelectorAll('table')];
      return !document.querySelector('[role=status].animate-pulse')
        && tables.every((t) => !bodyRows(t) || [...t.querySelectorAll('td')].some((td) => (td.textContent ?? '').trim()))
        && tables
          .filter((t) => [...(t.querySelector('thead tr:last-child')?.querySelectorAll('th') ?? [])].some((th) => (th.textContent ?? '').trim() === 'Trạng thái'))
          .every(bodyRows);
    }, null, { timeout: 120_000 }).catch(() => {});
    await page.waitForTimeout(1500);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (innerText applies CSS, leaves hidden nodes out)
    const text = await page.locator('main, body').first().innerText();
    const charts = await page.locator('[_echarts_instance_] canvas, [_echarts_instance_] svg').count();
    const images = await page.evaluate(() =>
      [...document.querySelectorAll('img')].filter((i) => i.src.includes('/charts/') && i.complete && i.naturalWidth > 0).length);
    // Every cell under a "Trạng thái" header, in every table of the page.
    const statuses = await page.evaluate(() =>
      [...document.querySelectorAll('table')].flatMap((t) => {
        // DataTable's thead has a spacer row first: the column titles are in its last row.
        const heads = [...(t.querySelector('thead tr:last-child')?.querySelectorAll('th') ?? [])].map((th) => (th.textContent ?? '').trim());
        const col = heads.indexOf('Trạng thái');
        if (col < 0) return [];
        return [...t.querySelectorAll('tr')].filter((tr) => !tr.closest('thead'))
          .map((tr) => (tr.querySelectorAll('td')[col]?.textContent ?? '').trim()).filter(Boolean);
      }));
    // What a reader sees around the content: breadcrumbs, sidebar, the tab's title (innerText applies
    // CSS text-transform, so a title-cased entry would show here).
    const nav = await page.evaluate(() => ({
      // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (innerText applies CSS, leaves hidden nodes out)
      crumbs: [...document.querySelectorAll('nav.vi-crumbs > a, nav.vi-crumbs > span:not(.sep)')].map((e) => (e as HTMLElement).innerText.trim()),
      // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (innerText applies CSS, leaves hidden nodes out)
      sidebar: [...document.querySelectorAll('nav.vi-nav a')].map((e) => (e as HTMLElement).innerText.trim()),
      title: document.title,
      systemLinks: document.querySelectorAll('a[href^="/explore"], a[href^="/settings"]').length,
    }));
    // Each table's column titles (the year columns come from the data: pub.years).
    const headers = await page.evaluate(() => [...document.querySelectorAll('table')]
      .map((t) => [...(t.querySelector('thead tr:last-child')?.querySelectorAll('th') ?? [])].map((th) => (th.textContent ?? '').trim()).filter(Boolean)));
    if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    await page.close();
    return { problems, text, charts, images, statuses, headers, ...nav };
  }

  const STATUS = /^(Đạt|Đúng tiến độ|Chậm tiến độ|Không đạt|Chưa có số liệu)$/;
  const SIDEBAR = ['Trang chủ', 'Chỉ tiêu', 'Xã', 'Dân tộc', 'Sắp xếp đơn vị hành chính năm 2025', 'Phương pháp', 'Chất lượng dữ liệu', 'Thay đổi so với lần chạy trước', 'Báo cáo in (A4)'];
  const common = (r: Awaited<ReturnType<typeof open>>) => {
    expect(r.problems).toEqual([]);
    // Vietnamese everywhere a reader looks: sidebar, breadcrumbs, the tab's title; no link to Evidence's own pages.
    expect(r.sidebar).toEqual(SIDEBAR);
    expect(r.crumbs[0]).toBe('Trang chủ');
    expect(r.title).not.toMatch(/Evidence/);
    expect(r.text).not.toMatch(/\bHome\b/);
    expect(r.systemLinks).toBe(0);
    expect(r.text).toMatch(/test-run-42/);
    expect(r.text).toMatch(/05\/03\/2026 08:30/); // built time, Vietnam time
    expect(r.text).not.toMatch(/\b2,0[12]\d\b/); // years never as "2,020"
  };

  it('renders the overview scorecard with its trend charts', async () => {
    const r = await open('/', 'overview.png');
    common(r);
    expect(r.images).toBeGreaterThanOrEqual(10);
    expect(r.text).toMatch(/Đạt|Đúng tiến độ|Chậm tiến độ|Chưa có số liệu/);
    expect(r.text).toMatch(/\d,\d%/); // vi-VN decimals
    expect(r.crumbs).toEqual(['Trang chủ']);
    expect(r.text).toMatch(/Báo cáo in \(A4\)/);
    // the scorecard compares the baseline of the plan that judges each value (2020 here: no later plan file)
    expect(r.headers.find((h) => h.includes('Chỉ tiêu') && h.includes('Năm gốc'))).toEqual(expect.arrayContaining(['Năm gốc', 'Năm gần nhất', 'Mục tiêu']));
    expect(r.text).not.toMatch(/được đánh giá theo một kế hoạch sau/);
    // The targets with no value in this run (a source the sample lacks), with their plan clause and source,
    // in Vietnamese; none when every source is there.
    expect(r.text).toMatch(/Chỉ tiêu chưa có số liệu/);
    const missing = catalogRows.filter((c) => !withValues.has(c.indicator_id));
    if (missing.length === 0) expect(r.text).toMatch(/Mọi mục tiêu của Kế hoạch đều có số liệu/);
    else expect(r.text).toMatch(new RegExp(`${missing[0]!.name_vi.replace(/[()]/g, '\\$&')}\\s+${missing[0]!.clause.replace(/[().]/g, '\\$&')}`));
    expect(r.text).not.toMatch(/none yet|expected:|register|survey/i);
  }, 300_000);

  it('renders an indicator page: trend chart and commune small multiples', async () => {
    const r = await open('/chi-tieu/health_insurance_coverage', 'indicator.png');
    common(r);
    expect(r.crumbs).toEqual(['Trang chủ', 'Chỉ tiêu', 'Tỷ lệ người tham gia bảo hiểm y tế']);
    expect(r.title).toMatch(/^Tỷ lệ người tham gia bảo hiểm y tế/);
    expect(r.charts).toBeGreaterThanOrEqual(1);
    expect(r.images).toBe(1);
    expect(r.text).toMatch(/Nguồn/);
    // the target in the 2021–2025 plan's words (a later plan's would say its year)
    const words = catalogRows.find((c) => c.indicator_id === 'health_insurance_coverage')!.target_text_vi;
    expect(r.text.replace(/\s+/g, " ")).toContain(`của Kế hoạch. Mục tiêu: ${words.replace(/\s+/g, " ")}`);
    // A column per year of the data (2020–2025 here); the former communes' table stops before the 2025 reorganisation.
    const communeTables = new Set(r.headers.filter((h) => h[0] === 'Xã').map((h) => h.filter((x) => /^\d{4}$/.test(x)).join(' ')));
    expect([...communeTables]).toEqual(['2020 2021 2022 2023 2024 2025', '2020 2021 2022 2023 2024']);
  }, 300_000);

  it('renders a count indicator page: bars by year, whole numbers, no %', async () => {
    const id = ['good_examples_per_commune', 'child_marriages'].find((x) => withValues.has(x));
    if (!id) return; // the sample has none of the other sources yet
    const name = catalogRows.find((c) => c.indicator_id === id)!.name_vi;
    const r = await open(`/chi-tieu/${id}`, 'indicator-count.png');
    common(r);
    expect(r.crumbs).toEqual(['Trang chủ', 'Chỉ tiêu', name]);
    expect(r.charts).toBeGreaterThanOrEqual(1);
    expect(r.text).toMatch(/số đếm từng năm/);
    expect(r.text).toMatch(/\(31\/12/); // the §7 sources describe 31 Dec
    expect(r.text).not.toMatch(/\d%/);
  }, 300_000);

  it('renders a commune page with its chart and the partial-baseline note', async () => {
    const r = await open('/xa/2025-02989', 'commune.png');
    common(r);
    expect(r.crumbs).toEqual(['Trang chủ', 'Xã', 'Xã Bảo Hà']);
    expect(r.title).toMatch(/^Xã Bảo Hà/);
    // The rates as small multiples (one drawn SVG), not one chart of many lines under a paged legend.
    expect(r.images).toBe(1);
    expect(r.text).toMatch(/Tân An/);
    // Each plan target with its status, as on the overview.
    expect(r.statuses.length).toBeGreaterThanOrEqual(19);
    expect(r.statuses.some((s) => STATUS.test(s))).toBe(true);
  }, 300_000);

  it('renders an ethnic-group page with its chart', async () => {
    const groups = await readdir(join(siteDir, 'dan-toc'));
    const code = groups.map((g) => g.replace(/\.html$/, '')).find((g) => /^\d\d$/.test(g));
    expect(code).toBeDefined();
    const r = await open(`/dan-toc/${code}`, 'ethnic-group.png');
    common(r);
    const name = r.text.match(/^Dân tộc (.+)$/m)?.[1]; // the page heading
    expect(r.crumbs).toEqual(['Trang chủ', 'Dân tộc', name]);
    expect(r.title).toMatch(new RegExp(`^Dân tộc ${name}`));
    expect(r.charts).toBeGreaterThanOrEqual(1);
    expect(r.statuses.some((s) => STATUS.test(s))).toBe(true);
  }, 300_000);

  it('opens the printable report from the overview, offline', async () => {
    const r = await open('/bao-cao/index.html', 'report.png');
    expect(r.problems).toEqual([]);
    expect(r.text).toMatch(/Báo cáo kết quả thực hiện mục tiêu/);
    expect(r.text).toMatch(/05\/03\/2026/);
  }, 300_000);

  it('ships only Vietnamese reasons, warnings and checks, worded from their codes', async () => {
    const shipped = async (table: string) => {
      const file = (await readdir(siteDir, { recursive: true })).find((f) => f.endsWith(`${table}.parquet`));
      expect(file, table).toBeDefined();
      return withDb(':memory:', (db) => db.all<Record<string, string>>(`select * from read_parquet('${join(siteDir, file!).replaceAll("'", "''")}')`));
    };
    // English as ingestion and the checks used to write it (identifiers such as ma_ho or staging.x are allowed).
    const english = (t: string) => t.replace(/[a-z_]+\.[a-z0-9_]+|\b[a-z]+_[a-z0-9_]+\b|\([^)]*\.(csv|xlsx|txt|docx)\)/g, '')
      // a list of column names (`year, value, status`) is identifiers, not English
      .replace(/\b[a-z0-9_]+(?:, *[a-z0-9_]+)+\b/g, '')
      .match(/\b(is|the|of|not|no|never|every|ignored|unknown|missing|value|expected|after|before|than|above|below|duplicate|none|already|loaded|row|sheet)\b/i);
    const quarantine = await shipped('dq_quarantine');
    // The sample plants bad rows of many kinds (unknown communes, impossible dates, duplicates, …).
    expect(new Set(quarantine.map((q) => q.reason)).size).toBeGreaterThanOrEqual(5);
    const texts = [...quarantine.map((q) => q.reason!), ...(await shipped('dq_warnings')).map((w) => w.message!), ...(await shipped('dq_checks')).map((c) => c.mo_ta!)];
    // An empty table ships one row of NULLs (Evidence cannot read an empty source): not a text.
    for (const t of texts.filter((x) => x != null)) {
      expect(english(t), t).toBeNull();
      expect(t, 'a code shown as itself: the catalogue lacks it').not.toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
    }
    expect(quarantine.map((q) => q.reason).join('\n')).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it('renders the data-quality page in Vietnamese; Evidence\'s explore and settings pages are not built', async () => {
    const r = await open('/chat-luong-du-lieu', 'data-quality.png');
    common(r);
    expect(r.crumbs).toEqual(['Trang chủ', 'Chất lượng dữ liệu']);
    expect(r.text).toMatch(/Điều tra dân số hằng năm/);
    expect(r.text).not.toMatch(/never NULL|is unique|ignored:|unknown commune|abolished|is after the reference/);
    for (const path of ['/explore/console', '/explore/schema', '/settings']) {
      expect((await fetch(server.url + path)).status, path).toBe(404);
    }
  }, 300_000);
});

// The second build of this file: the same pages on changed data (another run, one commune value
// changed in a copy of the warehouse), with the bundles the first build kept.
describe('a build on the bundles a full build kept (the site cache)', () => {
  let second: BuildReportsResult;
  let secondDir: string;
  const secondProgress: string[] = [];
  // A commune's DTTS value as an indicator page's table shows it (pub.matrix: a text per year).
  let changed: { indicator_id: string; year: number; geo_code: string; text: string };
  const NEW_VALUE = 12.3456;
  const parquet = (site: string, table: string) => join(site, 'data', 'pub', table, `${table}.parquet`);
  const communeRows = (site: string) => withDb(':memory:', (db) => db.all<Record<string, string | null>>(
    `select * from read_parquet('${parquet(site, 'matrix').replaceAll("'", "''")}')
     where page = 'indicator' and page_key = 'health_insurance_coverage' and section = 'commune_2025' order by row_order`));
  const shownText = async (site: string) => (await communeRows(site))
    .filter((r) => r.link === `/xa/2025-${changed.geo_code}`).map((r) => r[`y${changed.year}`]);
  const files = async (site: string) => (await readdir(site, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(site.length + 1)).sort();

  beforeAll(async () => {
    // A commune value the first site shows (a number, not hidden), latest year first.
    const rows = await communeRows(siteDir);
    const years = Object.keys(rows[0] ?? {}).filter((k) => /^y\d{4}$/.test(k)).sort().reverse();
    const candidates = years.flatMap((y) => rows.filter((r) => /^\d/.test(r[y] ?? ''))
      .map((r) => ({ indicator_id: 'health_insurance_coverage', year: Number(y.slice(1)), geo_code: r.link!.replace('/xa/2025-', ''), text: r[y]! })));
    expect(candidates.length).toBeGreaterThan(0);
    changed = candidates[0]!;
    const changedWarehouse = join(work, 'warehouse-changed.duckdb');
    await copyFile(warehouse, changedWarehouse);
    await withDb(changedWarehouse, (db) => db.exec(`update marts.indicator_values set value = ${NEW_VALUE}
      where indicator_id = '${changed.indicator_id}' and year = ${changed.year} and geo_level = 'commune_2025'
        and geo_code = '${changed.geo_code}' and ethnic_group = 'DTTS' and sex = 'ALL'`));
    secondDir = join(work, 'site-2');
    second = await buildReports({
      warehousePath: changedWarehouse,
      siteDir: secondDir,
      run: { runId: 'test-run-43', builtAt: '2026-03-06T01:30:00Z', sourcesDir, manifestPath: join(work, 'run-manifest.json') },
      siteCache: join(work, 'site-cache'),
      onProgress: (m) => secondProgress.push(m),
    });
  }, 1_800_000);

  it('builds no Vite bundle: only the prerender, service worker and adapter run', () => {
    expect(result.siteCache.state).toBe('miss');
    expect(result.steps.map((st) => st.name)).toContain('vite: client bundle');
    expect(second.siteCache).toEqual({ state: 'hit' });
    expect(second.steps.filter((st) => /vite|evidence build/i.test(st.name))).toEqual([]);
    expect(second.steps.find((st) => st.name.startsWith('prerender'))?.name).toMatch(/^prerender \(\d+ pages/);
    expect(secondProgress.some((m) => /^site cache: bundles kept from an earlier build/.test(m))).toBe(true);
  });

  it('ships the files a full build ships: the same bundles, pages and data files', async () => {
    const [full, fast] = [await files(siteDir), await files(secondDir)];
    // A prerendered query result is a file named by the hash of its content (equal results share
    // one): on changed data their names and number differ. Every other file is the same.
    const results = /^api\/prerendered_queries\/([0-9a-f]+)\.arrow$/;
    expect(fast.filter((f) => !results.test(f))).toEqual(full.filter((f) => !results.test(f)));
    // …and every result a page asks for is there.
    const shipped = new Set(fast.map((f) => results.exec(f)?.[1]).filter(Boolean));
    expect(shipped.size).toBeGreaterThan(10);
    const asked = new Set<string>();
    for (const f of fast.filter((x) => x.endsWith('all-queries.json'))) {
      for (const hash of Object.values(JSON.parse(await readFile(join(secondDir, f), 'utf8')) as Record<string, string>)) asked.add(hash);
    }
    expect([...asked].filter((h) => !shipped.has(h))).toEqual([]);
    expect(asked.size).toBeGreaterThan(10);
    // The bundles are the full build's, byte for byte.
    const bundles = full.filter((f) => f.startsWith('_app/immutable/'));
    expect(bundles.length).toBeGreaterThan(20);
    for (const f of bundles) expect((await readFile(join(secondDir, f))).equals(await readFile(join(siteDir, f))), f).toBe(true);
  });

  it('shows the new data: every page names the new run, the changed value is in the data', async () => {
    const pages = (await files(secondDir)).filter((f) => f.endsWith('.html') && !f.startsWith('bao-cao/'));
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const html = await readFile(join(secondDir, f), 'utf8');
      expect(html, f).toMatch(/test-run-43/);
      expect(html, f).not.toMatch(/test-run-42/);
    }
    expect(await readFile(join(secondDir, 'bao-cao', 'index.html'), 'utf8')).toMatch(/test-run-43/);
    expect(await shownText(siteDir)).toEqual([changed.text]);
    // 12.3456 % with one decimal and a decimal comma
    expect(await shownText(secondDir)).toEqual(['12,3%']);
  });

  it('keeps the route analysis with the bundles: a third build reads it and ships the second\'s files', async () => {
    expect(second.steps.map((st) => st.name)).toContain('analyse');
    const thirdDir = join(work, 'site-3');
    const third = await buildReports({
      warehousePath: join(work, 'warehouse-changed.duckdb'),
      siteDir: thirdDir,
      run: { runId: 'test-run-43', builtAt: '2026-03-06T01:30:00Z', sourcesDir, manifestPath: join(work, 'run-manifest.json') },
      siteCache: join(work, 'site-cache'),
    });
    expect(third.siteCache).toEqual({ state: 'hit' });
    expect(third.steps.map((st) => st.name)).toContain('analyse (kept with the bundles)');
    // As above, query results are named by the hash of their content, and a few results' row order
    // (hence hash) differs from build to build of the same data: every other file is the same…
    const results = /^api\/prerendered_queries\/([0-9a-f]+)\.arrow$/;
    const [was, now] = [await files(secondDir), await files(thirdDir)];
    expect(now.filter((f) => !results.test(f))).toEqual(was.filter((f) => !results.test(f)));
    expect(now).toContain('bao-cao/bao-cao.pdf');
    // …every result a page asks for is there…
    const shipped = new Set(now.map((f) => results.exec(f)?.[1]).filter(Boolean));
    const asked = new Set<string>();
    for (const f of now.filter((x) => x.endsWith('all-queries.json'))) {
      for (const hash of Object.values(JSON.parse(await readFile(join(thirdDir, f), 'utf8')) as Record<string, string>)) asked.add(hash);
    }
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((h) => !shipped.has(h))).toEqual([]);
    // …and what is drawn from the data before the build (charts, printed report) is byte for byte the same.
    const drawn = now.filter((f) => f.startsWith('charts/') || f === 'bao-cao/index.html');
    expect(drawn.length).toBeGreaterThan(10);
    for (const f of drawn) expect((await readFile(join(thirdDir, f))).equals(await readFile(join(secondDir, f))), f).toBe(true);
  }, 1_200_000);

  it('builds in full when the kept bundles cannot be used, and keeps a fresh entry', async () => {
    // A damaged entry (its server bundle gone): the fast path fails, the full build takes over.
    const cache = join(work, 'site-cache');
    const [entry] = (await readdir(cache, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join(cache, d.name));
    await rm(join(entry!, 'template', '.svelte-kit', 'output', 'server'), { recursive: true, force: true });
    const fourthDir = join(work, 'site-4');
    const said: string[] = [];
    const fourth = await buildReports({
      warehousePath: join(work, 'warehouse-changed.duckdb'),
      siteDir: fourthDir,
      run: { runId: 'test-run-44', builtAt: '2026-03-07T01:30:00Z', sourcesDir, manifestPath: join(work, 'run-manifest.json') },
      siteCache: cache,
      onProgress: (m) => said.push(m),
    });
    expect(fourth.siteCache.state).toBe('failed');
    expect(said.some((m) => /^site cache: the fast path failed \(.+\); full evidence build instead$/.test(m))).toBe(true);
    expect(fourth.steps.map((st) => st.name)).toContain('vite: client bundle');
    expect(await readFile(join(fourthDir, 'index.html'), 'utf8')).toMatch(/test-run-44/);
    // the entry was made again by the full build
    expect(existsSync(join(entry!, 'template', '.svelte-kit', 'output', 'server'))).toBe(true);
  }, 1_200_000);

  it('renders the changed value in Chromium, with no error', async () => {
    const server = await serveStatic(secondDir);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      await page.goto(`${server.url}/chi-tieu/${changed.indicator_id}/`, { waitUntil: 'networkidle' });
      const shown = formatValue(NEW_VALUE, catalogRows.find((c) => c.indicator_id === changed.indicator_id)!.unit);
      await page.waitForFunction((t) => (document.body.textContent ?? '').includes(t), shown, { timeout: 60_000 }).catch(() => {});
      // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (innerText applies CSS, leaves hidden nodes out)
      const text = await page.locator('main, body').first().innerText();
      expect(problems).toEqual([]);
      expect(text).toContain(shown);
      expect(text).toMatch(/test-run-43/);
      expect(text).toMatch(/06\/03\/2026 08:30/);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300_000);
});
