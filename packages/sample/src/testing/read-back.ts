// Test helpers: read a written file back as a grid of texts, row numbers as a spreadsheet shows them.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

export interface Grid {
  /** rows[n] is spreadsheet row / CSV line n (1-based); undefined where an xlsx has no row. */
  rows: (string[] | undefined)[];
  raw: Buffer;
  sheets: string[];
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** Splits a CSV line on the delimiter, honouring quotes (the sample never breaks a field across lines). */
export function splitCsvLine(line: string, d: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === d) { out.push(field); field = ''; } else field += ch;
  }
  out.push(field);
  return out;
}

export async function readGrid(file: string, sheetName?: string): Promise<Grid> {
  const raw = await readFile(file);
  if (file.endsWith('.csv')) {
    let body = raw.toString('utf8');
    if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    const lines = body.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    // The delimiter of the first line that has one (a ',' file may hold ';' inside a quoted text).
    const first = lines.find((l) => /[;,]/.test(l)) ?? '';
    const d = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
    return { rows: [undefined, ...lines.map((l) => splitCsvLine(l, d))], raw, sheets: [] };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[wb.worksheets.length - 1];
  if (!ws) throw new Error(`no sheet in ${file}`);
  const rows: (string[] | undefined)[] = [];
  ws.eachRow((row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(text(row.getCell(c).value));
    rows[n] = cells;
  });
  return { rows, raw, sheets: wb.worksheets.map((w) => w.name) };
}
