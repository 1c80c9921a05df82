// The printable report (bao-cao/index.html): one self-contained A4 document built in Node from the
// same PUBLIC (suppressed) rows as the site — a cover, the scorecard, then one section per computed
// indicator with its charts as inline SVG. Print CSS only, no JavaScript, no external file.
import type { CatalogRow } from '@dtts/indicators';
import { formatDateTimeVn, isCountLike } from './format.ts';
import { communesSvg, COLORS, trendSvg, type Point } from './print-charts.ts';
import type { PlanTargetText } from './plan-note.ts';
import type { PublicData, RunInfo } from './public-data.ts';
import { cellText, hasIndicator, hasValue, headlineEthnic, HIDDEN, indexRows, latestNote, NO_TARGET, FIRST_PLAN, plannedPath, planSpan, planTargetWords, reportYears, scorecardRows, statusText, targetText } from './public-tables.ts';
import type { PublicValueRow } from './public-values.ts';
import { expectedSourceVi, methodNoteVi, UNIT_VI } from './vi-texts.ts';

export const REPORT_TITLE = 'Báo cáo kết quả thực hiện mục tiêu đối với đồng bào dân tộc thiểu số';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The key a table cell carries (data-cell), as in the warehouse's grain: for tests and for readers' questions. */
export const cellKey = (id: string, year: number, level: string, code: string, ethnic: string, sex: string) =>
  `${id}|${year}|${level}|${code}|${ethnic}|${sex}`;

const STATUS_CLASS: Record<string, string> = {
  'Đạt': 'ok', 'Đúng tiến độ': 'on', 'Chậm tiến độ': 'off', 'Không đạt': 'off', 'Chưa có số liệu': 'na', [HIDDEN]: 'na', [NO_TARGET]: 'na', 'Chưa đánh giá': 'na',
};
const badge = (label: string) => `<span class="status ${STATUS_CLASS[label] ?? 'na'}">${esc(label)}</span>`;

export interface PrintOptions {
  /** Link to the PDF next to the HTML (shown on screen only). */
  pdfHref?: string | null;
}

export function printReportHtml(data: PublicData, run: RunInfo, opts: PrintOptions = {}): string {
  return printReportVariants(data, run)(opts.pdfHref ?? null);
}

/** Where the cover's on-screen links go in the rendered report (an HTML comment no text contains). */
const COVER_LINKS = '<!--dtts:cover-links-->';

/** The cover's on-screen links: the PDF's, where there is one, and the site's home page. */
function coverLinks(pdfHref: string | null): string {
  return pdfHref ? `<p class="screen-only"><a href="${esc(pdfHref)}">Tải bản PDF</a> · <a href="/">Về trang chủ</a></p>` : '<p class="screen-only"><a href="/">Về trang chủ</a></p>';
}

/**
 * The report rendered once (its 80-odd charts are most of the cost), returned as a function of the
 * PDF's link: the PDF is printed from the report without it, the site ships it with it.
 */
export function printReportVariants(data: PublicData, run: RunInfo): (pdfHref: string | null) => string {
  const html = renderReport(data, run);
  const at = html.indexOf(COVER_LINKS);
  if (at < 0 || html.indexOf(COVER_LINKS, at + 1) >= 0) throw new Error('print report: the cover links marker must occur once');
  const [before, after] = [html.slice(0, at), html.slice(at + COVER_LINKS.length)];
  return (pdfHref) => before + coverLinks(pdfHref) + after;
}

function renderReport(data: PublicData, run: RunInfo): string {
  const { rows, catalog, latestYear } = data;
  const ix = indexRows(rows);
  const built = formatDateTimeVn(run.builtAt).slice(0, 10);
  const computed = catalog.filter((c) => hasIndicator(rows, c.indicator_id));
  const scorecard = scorecardRows(rows, catalog, latestYear, data.sources, data.planTargets);
  const counts = new Map<string, number>();
  for (const s of scorecard) counts.set(s.status_label, (counts.get(s.status_label) ?? 0) + 1);
  const partial = data.reorganisation.filter((r) => r.outside.length > 0);
  const partialNote = partial.map((r) =>
    `${esc(r.name)} (từ 01/07/2025) gồm cả ${esc(r.outside.join(', '))}, trước đó thuộc huyện Văn Bàn: số liệu 2020–2024 của ${esc(r.name)} và của toàn vùng không gồm các xã này, nên so sánh năm 2025 với năm gốc 2020 không cùng địa giới (được đánh dấu, không ẩn đi).`).join(' ');
  // Targets with no value in this run: no source yet, or their source delivered no file.
  const pending = catalog.filter((c) => !hasIndicator(rows, c.indicator_id));
  // Later plans (plan files after 2021–2025) that judge some indicator's latest value: named on the cover.
  const laterPlans = [...new Map(scorecard.filter((s) => s.later_plan)
    .map((s) => data.planTargets.find((t) => t.plan_id === s.plan_id))
    .filter((p): p is PlanTargetText => p !== undefined).map((p) => [p.plan_id, p] as const)).values()];
  const targetsOf = laterPlans.length ? `mục tiêu năm ${FIRST_PLAN.to} và của ${laterPlans.map((p) => esc(p.plan_name_vi)).join(', ')}` : `mục tiêu năm ${FIRST_PLAN.to}`;

  const cover = `
<section class="cover">
  <p class="kicker">Kế hoạch thực hiện Chỉ thị 28-CT/TU · giai đoạn ${FIRST_PLAN.from}–${FIRST_PLAN.to}${laterPlans.map((p) => ` · ${esc(p.plan_name_vi)}`).join('')}</p>
  <h1>${esc(REPORT_TITLE)}</h1>
  <p class="district">Huyện Bảo Yên, tỉnh Lào Cai</p>
  <dl class="meta">
    <dt>Năm gốc</dt><dd>${FIRST_PLAN.from}${laterPlans.map((p) => `; ${p.baseline_year} (${esc(p.plan_name_vi)})`).join('')}</dd>
    <dt>Số liệu đến năm</dt><dd>${latestYear}</dd>
    <dt>Ngày lập</dt><dd class="built">${built}</dd>
    <dt>Lượt chạy</dt><dd class="run">${esc(run.runId)}</dd>
  </dl>
  <div class="summary">
    <p><b>${scorecard.length}</b> mục tiêu có số liệu được đánh giá cho người dân tộc thiểu số (DTTS) toàn vùng:</p>
    <ul>${[...counts].sort((a, b) => b[1] - a[1]).map(([label, n]) => `<li>${badge(label)} <b>${n}</b> mục tiêu</li>`).join('')}</ul>
    <p>${pending.length ? `${pending.length} mục tiêu khác của Kế hoạch chưa có số liệu (danh sách ở cuối báo cáo).` : `Mọi mục tiêu của Kế hoạch (${catalog.length}) đều có số liệu.`}</p>
  </div>
  <div class="contents"><p><b>Nội dung</b></p><table class="toc">
    <tr><td>1.</td><td>Tổng hợp kết quả so với ${targetsOf}</td></tr>
    <tr><td>2–${computed.length + 1}.</td><td>Từng chỉ tiêu: xu hướng toàn vùng so với mục tiêu và lộ trình, 6 xã, nguồn số liệu</td></tr>
    ${pending.length ? `<tr><td>${computed.length + 2}.</td><td>Mục tiêu chưa có số liệu</td></tr>` : ''}
  </table></div>
  <p class="fine">Số liệu tổng hợp, không có thông tin cá nhân. Ô ghi "${HIDDEN}" là ô có số đếm từ 1 đến 4 (kể cả mẫu số − tử số), mẫu số dưới 20, hoặc bị ẩn thêm
  để không suy ra được ô khác; các giá trị này cũng không được vẽ trên hình.</p>
  ${COVER_LINKS}
</section>`;

  const scoreTable = `
<section class="scorecard">
  <h2>1. Tổng hợp kết quả so với ${targetsOf}</h2>
  <p class="lead">Giá trị của người DTTS toàn vùng năm gốc ${FIRST_PLAN.from} và năm ${latestYear} so với mục tiêu ${FIRST_PLAN.to}${laterPlans.length
    ? `; chỉ tiêu được đánh giá theo ${laterPlans.map((p) => esc(p.plan_name_vi)).join(', ')} so với năm gốc và mục tiêu của kế hoạch đó (năm ghi trong ngoặc)` : ''}. Trạng thái: <b>Đạt</b> (đã đạt mục tiêu),
  <b>Đúng tiến độ</b> (bằng hoặc tốt hơn lộ trình thẳng từ năm gốc đến mục tiêu), <b>Chậm tiến độ</b> (trước năm mục tiêu, dưới lộ trình), <b>Không đạt</b> (từ năm mục tiêu trở đi, chưa đạt mục tiêu), <b>Chưa có số liệu</b>.
  Chỉ tiêu về trường, thôn, xã, tổ chức và hoạt động, chỉ tiêu cán bộ người DTTS không tách theo dân tộc (nhóm "Chung").
  Chỉ tiêu số đếm và có/không (không có mẫu số, không tính %) được đánh giá từng năm theo mức ở cột "Mục tiêu" của năm đó, không theo lộ trình.</p>
  <table class="score">
    <thead><tr><th>TT</th><th>Chỉ tiêu</th><th>Mục</th><th>Nhóm</th><th class="num">Năm gốc</th><th class="num">${latestYear}</th><th class="num">Mục tiêu</th><th>Trạng thái</th></tr></thead>
    <tbody>
${scorecard.map((s, i) => `      <tr data-indicator="${esc(s.indicator_id)}"><td class="num">${i + 1}</td><td>${esc(s.name_vi)}</td><td class="clause">${esc(s.clause)}</td><td>${esc(s.headline)}</td>`
  + `<td class="num">${esc(s.baseline_label)}</td><td class="num">${esc(s.latest_text)}${s.latest_text && s.latest_year !== String(latestYear) ? ` <small>(${esc(s.latest_year)})</small>` : ''}`
  + `${s.latest_note ? `<br><small class="latest-note">${esc(s.latest_note)}</small>` : ''}</td>`
  + `<td class="num target-cell">${esc(s.target_label)}</td><td class="status-cell">${badge(s.status_label)}</td></tr>`).join('\n')}
    </tbody>
  </table>
  <p class="note">Nguồn: ${esc(data.sources.all())};
  nguồn và thời điểm của từng chỉ tiêu ghi ở phần chi tiết. ${partialNote}</p>
</section>`;

  const sections = computed.map((c, i) => indicatorSection(c, i + 2, rows, ix, data, partialNote)).join('\n');

  const pendingSection = pending.length === 0 ? '' : `
<section class="pending">
  <h2>${computed.length + 2}. Mục tiêu chưa có số liệu</h2>
  <p class="lead">Chưa có nguồn số liệu trong hệ thống, hoặc nguồn chưa nộp tệp nào trong lượt chạy này.</p>
  <table class="score">
    <thead><tr><th>Chỉ tiêu</th><th>Mục</th><th>Mục tiêu (nguyên văn Kế hoạch)</th><th>Nguồn số liệu (dự kiến)</th></tr></thead>
    <tbody>
${pending.map((c) => `      <tr><td>${esc(c.name_vi)}</td><td class="clause">${esc(c.clause)}</td><td>${esc(c.target_text_vi)}</td><td>${esc(c.has_source ? data.sources.note(c.source, null).replace(/^Nguồn: /, '') : expectedSourceVi(c))}</td></tr>`).join('\n')}
    </tbody>
  </table>
</section>`;

  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(REPORT_TITLE)} – huyện Bảo Yên – ${built}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${cover}
${scoreTable}
${sections}
${pendingSection}
</main>
</body>
</html>
`;
}

function indicatorSection(c: CatalogRow, n: number, rows: PublicValueRow[], ix: Map<string, PublicValueRow>, data: PublicData, partialNote: string): string {
  const id = c.indicator_id;
  const head = headlineEthnic(rows, id);
  const who = head === 'DTTS' ? 'người DTTS' : 'chung (không tách theo dân tộc)';
  const at = (year: number, level = 'area', code = 'BAO_YEN') => ix.get(cellKey(id, year, level, code, head, 'ALL'));
  const shown = reportYears(rows);
  const years = shown.filter((y) => hasValue(at(y)));
  const latestYear = years.at(-1) ?? data.latestYear;
  const ended = latestNote(c, years.at(-1) ?? null, data.latestYear);
  const latest = at(latestYear);
  const target = latest?.target ?? null;
  // The target and its path are those of the plan the latest value is judged by (2025's, or a later plan's),
  // and so are the baseline and the target's words.
  const plan = planSpan(latest);
  const planBase = at(plan.from);
  const targetWords = planTargetWords(data.planTargets, latest, c);
  const points: Point[] = shown.map((year) => ({ year, value: at(year)?.value ?? null }));
  const path = planBase && !planBase.suppressed && planBase.value !== null && target !== null && !isCountLike(c.unit)
    ? plannedPath(planBase.value, target, plan.from, plan.to) : null;
  const trend = trendSvg({ points, target, path, unit: c.unit, methodBreakAfter: c.method_break_after_year });

  const communes = [...new Set(rows.filter((r) => r.indicator_id === id && r.geo_level === 'commune_2025').map((r) => r.geo_code))].sort();
  const name = (code: string) => data.geoNames.get(`commune_2025|${code}`) ?? code;
  const panels = communes.map((code) => ({
    name: name(code).replace(/^Xã /, ''),
    points: shown.map((year) => ({ year, value: at(year, 'commune_2025', code)?.value ?? null })),
  }));
  const anyCommune = panels.some((p) => p.points.some((pt) => pt.value !== null));
  // One target line for every panel only where the communes share it (98%; 5 examples a commune);
  // a target of each commune's own (2 × its 2020 income, 70% of its last year's births) is in the table.
  const communeTargets = new Set(communes.map((code) => [...shown].reverse().map((y) => at(y, 'commune_2025', code)).find(hasValue)?.target ?? null));
  const communeTarget = communeTargets.size === 1 ? [...communeTargets][0]! : null;
  // Where every commune value is hidden, a grid of empty panels says nothing: say why instead.
  const multiples = communes.length === 0
    ? `<p class="empty">Chỉ tiêu tính cho toàn huyện, không tách theo xã.</p>`
    : anyCommune
    ? communesSvg({ panels, target: communeTarget, unit: c.unit })
    : `<p class="empty">Mọi giá trị theo xã của chỉ tiêu này đều bị ẩn (số nhỏ) để bảo vệ thông tin cá nhân.</p>`;
  const [num, den] = [c.numerator_text_vi ?? '', c.denominator_text_vi ?? ''];
  const targetShown = targetText(target, c);
  const noTarget = c.target_kind === 'no_target';

  const communeRows = communes.map((code) => {
    const cells = shown.map((year) => {
      const r = at(year, 'commune_2025', code);
      return `<td class="num" data-cell="${esc(cellKey(id, year, 'commune_2025', code, head, 'ALL'))}">${esc(cellText(r, c.unit))}</td>`;
    }).join('');
    const present = [...shown].reverse().map((y) => at(y, 'commune_2025', code)).filter(Boolean);
    const last = present.find(hasValue) ?? present[0];
    const t = last?.target ?? null;
    return `<tr><td class="name">${esc(name(code).replace(/^Xã /, ''))}</td>${cells}<td class="num target-cell">${esc(targetText(t, c))}</td><td class="status-cell">${badge(statusText(last, c))}</td></tr>`;
  }).join('\n');

  // The area's 2025 value covers the new territory too: the note belongs to every indicator.
  const baoHa = data.reorganisation.filter((r) => r.outside.length > 0);
  const notes = [
    `${data.sources.note(c.source, null)}. Số liệu năm ${latestYear}: ${data.sources.note(c.source, latestYear).replace(/^Nguồn: /, '')}.`,
    ended ? `${ended}.` : '',
    `Địa bàn: huyện Bảo Yên (17 xã, thị trấn đến 30/06/2025; 6 xã từ 01/07/2025, số liệu các năm trước cộng theo các xã cũ hợp thành); ${who}.`,
    c.method_note ? `<b>Thay đổi phương pháp:</b> ${esc(methodNoteVi(c))}` : '',
    baoHa.length ? `<b>Số gốc không cùng địa giới:</b> ${partialNote}` : '',
    `"${HIDDEN}": giá trị bị ẩn để bảo vệ thông tin cá nhân; không vẽ trên hình.`,
  ].filter(Boolean);

  return `
<section class="indicator" id="${esc(id)}" data-indicator="${esc(id)}">
  <h2>${n}. ${esc(c.name_vi)}</h2>
  <p class="sub">Mục ${esc(c.clause)} của Kế hoạch · Đơn vị: ${esc(UNIT_VI[c.unit] ?? c.unit)} · ${c.direction === 'lower_is_better' ? 'càng thấp càng tốt' : 'càng cao càng tốt'}</p>
  <p class="target"><b>Mục tiêu ${plan.to}:</b> ${esc(targetWords)}</p>
  ${num ? `<p class="def"><b>Tử số:</b> ${esc(num)}. <b>Mẫu số:</b> ${esc(den)}.</p>` : ''}
  <p class="kpi">${head === 'DTTS' ? 'DTTS' : 'Chung'} toàn vùng${ended ? ` (${esc(ended)})` : ''}: năm ${plan.from} <b>${esc(cellText(planBase, c.unit) || '—')}</b> · năm ${latestYear} <b>${esc(cellText(latest, c.unit) || '—')}</b>
   · ${noTarget ? `<b>${NO_TARGET}</b> (chỉ tiêu bối cảnh)` : `mục tiêu ${plan.to} <b>${esc(targetShown)}</b> · ${badge(statusText(latest, c))}`}</p>
  <figure class="chart">
    <figcaption>Xu hướng ${shown[0]}–${shown.at(-1)}, ${esc(who)}, toàn vùng${c.unit === 'vnd_per_person_month' ? ' (triệu đồng/người/tháng)' : c.unit === 'percent' ? ' (%)' : ''}</figcaption>
    ${trend}
    <p class="legend"><span class="key ${isCountLike(c.unit) ? 'bar' : 'line'}" style="border-color:${COLORS.dtts}"></span> ${head === 'DTTS' ? 'DTTS' : 'Chung'}
    ${target !== null ? `<span class="key dash" style="border-color:${COLORS.target}"></span> mục tiêu ${plan.to} (${esc(targetShown)})` : ''}
    ${path ? `<span class="key dash" style="border-color:${COLORS.path}"></span> lộ trình thẳng từ năm gốc đến mục tiêu` : ''}</p>
  </figure>
  ${communes.length === 0 ? multiples : `<figure class="chart">
    <figcaption>Theo xã (địa giới từ 01/07/2025), ${esc(who)}${c.unit === 'vnd_per_person_month' ? ' (triệu đồng/người/tháng)' : c.unit === 'percent' ? ' (%)' : ''}${c.target_kind === 'double_baseline' ? `; mục tiêu của mỗi xã: gấp 2 lần năm ${plan.from} của xã` : ''}</figcaption>
    ${multiples}
  </figure>
  <table class="communes">
    <thead><tr><th>Xã (từ 01/07/2025)</th>${shown.map((y) => `<th class="num">${y}</th>`).join('')}<th class="num">Mục tiêu</th><th>Trạng thái</th></tr></thead>
    <tbody>
${communeRows}
    </tbody>
  </table>`}
  <ol class="notes">${notes.map((t) => `<li>${t.startsWith('<b>') ? t : esc(t)}</li>`).join('')}</ol>
</section>`;
}

const CSS = `
@page { size: A4; margin: 15mm 14mm 16mm 14mm;
  @bottom-left { content: "Bảo Yên · Kết quả thực hiện mục tiêu DTTS"; font: 8pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #6b7280; }
  @bottom-right { content: "Trang " counter(page) "/" counter(pages); font: 8pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #6b7280; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #111827; background: #f3f4f6; }
main { margin: 0 auto; }
section { background: white; }
@media screen { main { width: 210mm; padding: 10mm 0; } section { padding: 15mm 14mm; margin-bottom: 8mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
@media print { body { background: white; } .screen-only { display: none; } section { break-before: page; } section.cover { break-before: auto; } }
h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 6mm; color: #1e3a8a; }
h2 { font-size: 13pt; margin: 0 0 2mm; color: #1e3a8a; }
p { margin: 0 0 2mm; }
.cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: center; }
.cover .kicker { text-transform: uppercase; letter-spacing: .04em; color: #6b7280; font-size: 9pt; margin-bottom: 4mm; }
.cover .district { font-size: 14pt; margin-bottom: 10mm; }
.cover dl.meta { display: grid; grid-template-columns: 40mm auto; gap: 1.5mm 4mm; margin: 0 0 10mm; font-size: 10.5pt; }
.cover dt { color: #6b7280; } .cover dd { margin: 0; font-weight: 600; }
.cover .summary { border-left: 3px solid #1e3a8a; padding: 2mm 0 2mm 5mm; margin-bottom: 10mm; font-size: 10.5pt; }
.cover .summary ul { list-style: none; padding: 0; margin: 2mm 0; }
.cover .summary li { margin: 1.5mm 0; }
.cover .contents { font-size: 10pt; margin-bottom: 10mm; }
.cover table.toc { font-size: 10pt; width: auto; margin: 1mm 0; } .cover table.toc td { border: 0; padding: 0.5mm 3mm 0.5mm 0; }
.cover table.toc td:first-child { white-space: nowrap; color: #4b5563; }
.fine, .note, .notes { font-size: 8pt; color: #4b5563; }
.lead { font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-size: 8.5pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 600; border-bottom: 1.2px solid #374151; padding: 1.2mm 1.5mm; vertical-align: bottom; }
td { border-bottom: 0.5px solid #e5e7eb; padding: 1mm 1.5mm; vertical-align: top; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.clause { white-space: nowrap; color: #4b5563; }
td.target-cell { white-space: normal; max-width: 26mm; }
table.score td { padding: 0.9mm 1.5mm; }
small { color: #6b7280; }
.status { display: inline-block; padding: 0.2mm 1.6mm; border-radius: 2mm; font-size: 8pt; font-weight: 600; white-space: nowrap; }
.status.ok { background: #dcfce7; color: #166534; }
.status.on { background: #dbeafe; color: #1e40af; }
.status.off { background: #fee2e2; color: #991b1b; }
.status.na { background: #f3f4f6; color: #4b5563; }
.sub { color: #4b5563; font-size: 8.5pt; }
.target, .def { font-size: 8.5pt; }
.kpi { font-size: 9.5pt; background: #f9fafb; border: 0.5px solid #e5e7eb; padding: 1.5mm 2.5mm; margin: 2mm 0; }
figure.chart { margin: 2mm 0 1mm; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
.empty { font-size: 8.5pt; color: #4b5563; border: 0.5px dashed #d1d5db; padding: 3mm; margin: 1mm 0; }
section.pending table { font-size: 7.5pt; }
figcaption { font-size: 8.5pt; font-weight: 600; color: #374151; margin-bottom: 1mm; }
.legend { font-size: 8pt; color: #4b5563; margin: 0.5mm 0 0; }
.key { display: inline-block; width: 7mm; vertical-align: middle; margin: 0 1mm 0 3mm; border-top: 2px solid; }
.key.dash { border-top-style: dashed; }
.key.bar { border-top-width: 7px; width: 4mm; }
table.communes { font-size: 7.5pt; margin-top: 1mm; }
table.communes td, table.communes th { padding: 0.6mm 1.2mm; }
td.name { white-space: nowrap; }
ol.notes { margin: 1mm 0 0; padding-left: 4mm; }
ol.notes li { margin-bottom: 0.6mm; }
`;
