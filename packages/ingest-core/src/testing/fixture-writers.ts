// Writers for small real fixture files: .xlsx through exceljs (a real writer), .csv as bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | boolean | null;

export interface XlsxSheet {
  name: string;
  rows: Cell[][];
  /** Ranges to merge, e.g. 'A1:F1'. */
  merges?: string[];
}

/** Fixed workbook dates keep fixtures byte-stable across regenerations. */
const FIXED = new Date(Date.UTC(2025, 0, 1));

export async function writeXlsx(path: string, sheets: XlsxSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = FIXED;
  workbook.modified = FIXED;
  workbook.creator = 'fixtures';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((c) => c ?? undefined));
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

export interface CsvOptions {
  delimiter?: ',' | ';';
  bom?: boolean;
  /** Bytes to write instead of UTF-8 (e.g. TCVN3 text as Latin-1). */
  latin1?: boolean;
  eol?: '\n' | '\r\n';
}

export async function writeCsv(path: string, rows: Cell[][], opts: CsvOptions = {}): Promise<void> {
  const d = opts.delimiter ?? ',';
  const quote = (c: Cell) => {
    const s = c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
    return /["\n\r,;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(d)).join(opts.eol ?? '\r\n') + (opts.eol ?? '\r\n');
  const body = opts.latin1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}
