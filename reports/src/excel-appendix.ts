// exports/bao-cao.xlsx: the leadership's Excel appendix, written from the PUBLIC rows (suppressed
// cells read "Ẩn" as on the site): a scorecard sheet, then one sheet per indicator by commune (both
// frames), ethnic group and sex. Numbers stay numbers (leaders sum and chart them); their format uses
// the Vietnamese locale tag, so Excel on a Vietnamese system shows 1.234,5.
import ExcelJS from 'exceljs';
import { neutraliseCell } from '@dtts/db';
import type { CatalogRow } from '@dtts/indicators';
import { formatDateTimeVn, formatValue, isCount, isCountLike, isPercent, isVnd, isYesNo } from './format.ts';
import { SEX_VI, SUPPRESSION_VI } from './labels.ts';
import type { PublicNumbers, RunInfo } from './public-data.ts';
import { groupBy, type PublicValueRow } from './public-values.ts';
import { HIDDEN, hasValue, headlineEthnic, indexRows, latestNote, shortTarget, statusText, targetText } from './public-tables.ts';

const STATUS_COLOURS: [string, string][] = [
  ['Đạt', 'FFC6EFCE'], ['Đúng tiến độ', 'FFDDEBF7'], ['Chậm tiến độ', 'FFFFEB9C'], ['Không đạt', 'FFFFC7CE'], [HIDDEN, 'FFE7E6E6'],
];
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Excel number format of a unit, tagged Vietnamese ([$-42A]). Percent values are 0–100, so "%" is literal text. */
export function numberFormat(unit: string): string {
  if (isVnd(unit) || isCount(unit)) return '[$-42A]#,##0';
  if (isPercent(unit)) return '[$-42A]#,##0.0"%"';
  return '[$-42A]#,##0.0';
}

const key = (id: string, y: number, level: string, code: string, eth: string, sex: string) => `${id}|${y}|${level}|${code}|${eth}|${sex}`;

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetName(cat: CatalogRow, used: Set<string>): string {
  let name = `${cat.sort_order}. ${cat.name_vi}`.replace(/[[\]:*?/\\]/g, ' ');
  if (name.length > 31) name = `${name.slice(0, 30).trimEnd()}…`;
  while (used.has(name)) name = `${name.slice(0, 29)}~${used.size}`;
  used.add(name);
  return name;
}

function pageSetup(ws: ExcelJS.Worksheet, headerRow: number) {
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, horizontalCentered: true };
  ws.headerFooter = { oddFooter: '&LBáo cáo DTTS huyện Bảo Yên&RTrang &P/&N' };
}

function statusColours(ws: ExcelJS.Worksheet, column: number, from: number, to: number) {
  if (to < from) return;
  const letter = ws.getColumn(column).letter;
  ws.addConditionalFormatting({
    ref: `${letter}${from}:${letter}${to}`,
    rules: STATUS_COLOURS.map(([text, argb], i) => ({
      type: 'cellIs', operator: 'equal', formulae: [`"${text}"`], priority: i + 1,
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
    })),
  });
}

function headerRow(ws: ExcelJS.Worksheet, values: string[]) {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.eachCell((c) => { c.fill = HEADER_FILL; });
  return row.number;
}

/** A value cell: the number with its format, or "Ẩn" with the reason as a note, as the site shows it. */
function putValue(cell: ExcelJS.Cell, r: PublicValueRow | undefined, unit: string) {
  if (!r) return;
  if (r.suppressed) {
    cell.value = HIDDEN;
    cell.font = { italic: true, color: { argb: 'FF595959' } };
    cell.alignment = { horizontal: 'right' };
    const note = r.suppression_reason ? SUPPRESSION_VI[r.suppression_reason] : undefined;
    if (note) cell.note = note;
    return;
  }
  if (r.value === null) return;
  if (isYesNo(unit)) {
    // Yes/no as the words, not 1/0 (nothing to sum).
    cell.value = formatValue(r.value, unit);
    cell.alignment = { horizontal: 'right' };
    return;
  }
  cell.value = r.value;
  cell.numFmt = numberFormat(unit);
}

function title(ws: ExcelJS.Worksheet, lines: string[]) {
  lines.forEach((text, i) => {
    const row = ws.addRow([neutraliseCell(text)]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  ws.addRow([]);
}

export interface AppendixOptions {
  /** A sentence shown under the title when the latest year is past the plan's target year. */
  planNote?: string;
}

export function buildAppendix(data: PublicNumbers, run: RunInfo, opts: AppendixOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DTTS indicator warehouse';
  wb.created = new Date(run.builtAt);
  const ix = indexRows(data.rows);
  const years = [...new Set(data.rows.map((r) => r.year))].sort((a, b) => a - b);
  const byIndicator = groupBy(data.rows, (r) => r.indicator_id);
  const computed = data.catalog.filter((c) => byIndicator.has(c.indicator_id));
  const subtitle = `Lập lúc ${formatDateTimeVn(run.builtAt)}, lượt chạy ${run.runId}. Ô "Ẩn": số nhỏ được ẩn để bảo vệ thông tin cá nhân (như trên trang web).`;

  // The scorecard: each plan target with a value, the headline group at the area level.
  const sc = wb.addWorksheet('Tổng hợp');
  const planNote = opts.planNote ?? data.planNote;
  title(sc, ['Kết quả thực hiện mục tiêu đối với đồng bào DTTS, huyện Bảo Yên (Kế hoạch thực hiện Chỉ thị 28-CT/TU)', subtitle, ...(planNote ? [planNote] : [])]);
  const cols = ['Chỉ tiêu', 'Mục', 'Nhóm', ...years.map(String), 'Mục tiêu', 'Năm mục tiêu', 'Trạng thái (năm gần nhất)', 'Nguồn'];
  const head = headerRow(sc, cols);
  for (const c of computed) {
    const eth = headlineEthnic(data.rows, c.indicator_id);
    const at = (y: number) => ix.get(key(c.indicator_id, y, 'area', 'BAO_YEN', eth, 'ALL'));
    const withValue = [...years].reverse().find((y) => hasValue(at(y))) ?? null;
    const latestYear = withValue ?? years.at(-1)!;
    const latest = at(latestYear);
    const row = sc.addRow([c.name_vi, c.clause, eth === 'DTTS' ? 'DTTS' : 'Chung']);
    for (const [i, y] of years.entries()) putValue(row.getCell(4 + i), at(y), c.unit);
    // Why the last years are empty (the district level ended on 01/07/2025), in the years' first empty cell.
    const note = latestNote(c, withValue, years.at(-1)!);
    if (note && withValue !== null) {
      const cell = row.getCell(4 + years.indexOf(withValue) + 1);
      cell.value = note;
      cell.font = { italic: true, color: { argb: 'FF595959' } };
      cell.alignment = { wrapText: true };
    }
    const target = row.getCell(4 + years.length);
    if (latest?.target != null && isCountLike(c.unit)) target.value = targetText(latest.target, c);
    else if (latest?.target != null) {
      target.value = latest.target;
      target.numFmt = numberFormat(c.unit);
    } else target.value = shortTarget(c);
    row.getCell(5 + years.length).value = latest?.target_year ?? c.target_year;
    row.getCell(6 + years.length).value = statusText(latest, c);
    row.getCell(7 + years.length).value = data.sources.note(c.source, latestYear);
  }
  sc.getColumn(1).width = 48;
  for (let i = 4; i < 4 + years.length; i++) sc.getColumn(i).width = 11;
  sc.getColumn(4 + years.length).width = 16;
  sc.getColumn(6 + years.length).width = 16;
  sc.getColumn(7 + years.length).width = 44;
  sc.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  statusColours(sc, 6 + years.length, head + 1, sc.rowCount);
  pageSetup(sc, head);

  const used = new Set<string>(['Tổng hợp']);
  for (const c of computed) indicatorSheet(wb.addWorksheet(sheetName(c, used)), c, byIndicator.get(c.indicator_id)!, data, ix, years, subtitle);
  return wb;
}

function indicatorSheet(ws: ExcelJS.Worksheet, c: CatalogRow, rows: PublicValueRow[], data: PublicNumbers, ix: ReturnType<typeof indexRows>, years: number[], subtitle: string) {
  const eth = headlineEthnic(data.rows, c.indicator_id);
  const headVi = eth === 'DTTS' ? 'dân tộc thiểu số' : 'chung';
  title(ws, [c.name_vi, `Mục ${c.clause}. Mục tiêu: ${c.target_text_vi}`, subtitle]);
  const head = headerRow(ws, ['Địa bàn / nhóm', 'Mã', ...years.map(String), 'Trạng thái (năm gần nhất)']);
  const statusCol = 3 + years.length;
  const section = (text: string) => {
    const row = ws.addRow([text]);
    row.font = { bold: true, italic: true };
  };
  const line = (label: string, code: string, level: string, geo: string, e: string, sex: string) => {
    const row = ws.addRow([neutraliseCell(label), code]);
    let latest: PublicValueRow | undefined;
    years.forEach((y, i) => {
      const r = ix.get(key(c.indicator_id, y, level, geo, e, sex));
      if (r && (hasValue(r) || latest === undefined)) latest = r;
      putValue(row.getCell(3 + i), r, c.unit);
    });
    row.getCell(statusCol).value = statusText(latest, c);
  };
  const codes = (level: string) => [...new Set(rows.filter((r) => r.geo_level === level).map((r) => r.geo_code))].sort();
  const geoName = (level: string, code: string) => data.geoNames.get(`${level}|${code}`) ?? code;

  section(`Toàn vùng — ${headVi}`);
  line('Huyện Bảo Yên', 'BAO_YEN', 'area', 'BAO_YEN', eth, 'ALL');
  section(`Theo xã, địa giới từ 01/07/2025 — ${headVi}`);
  for (const code of codes('commune_2025')) line(geoName('commune_2025', code), code, 'commune_2025', code, eth, 'ALL');
  section(`Theo xã, địa giới trước 01/07/2025 — ${headVi}`);
  for (const code of codes('commune_2020')) line(geoName('commune_2020', code), code, 'commune_2020', code, eth, 'ALL');
  const groups = [...new Set(rows.filter((r) => r.geo_level === 'area').map((r) => r.ethnic_group))];
  if (groups.length > 1) {
    section('Theo dân tộc — toàn vùng');
    const order = ['ALL', 'DTTS', ...groups.filter((g) => g !== 'ALL' && g !== 'DTTS').sort()];
    for (const g of order.filter((g) => groups.includes(g))) line(data.ethnicNames.get(g) ?? g, g, 'area', 'BAO_YEN', g, 'ALL');
  }
  if (rows.some((r) => r.sex !== 'ALL')) {
    section(`Theo giới tính — toàn vùng, ${headVi}`);
    for (const sex of ['Nam', 'Nữ']) line(SEX_VI[sex]!, sex, 'area', 'BAO_YEN', eth, sex);
  }
  ws.addRow([]);
  ws.addRow([data.sources.note(c.source, null)]);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 9;
  for (let i = 3; i < 3 + years.length; i++) ws.getColumn(i).width = 11;
  ws.getColumn(statusCol).width = 16;
  statusColours(ws, statusCol, head + 1, ws.rowCount);
  pageSetup(ws, head);
}

export async function writeExcelAppendix(path: string, data: PublicNumbers, run: RunInfo, opts: AppendixOptions = {}): Promise<void> {
  await buildAppendix(data, run, opts).xlsx.writeFile(path);
}
