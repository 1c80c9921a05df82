// Excel workbooks, streamed through exceljs's WorkbookReader (DuckDB's excel extension cannot be
// downloaded here) after xlsx-guard.ts has checked their size and collected their merged ranges.
// Two passes, so that memory holds a few rows, never a sheet: the first reads the head of every
// sheet (sheet choice, header, legacy encoding), the second streams the chosen sheet. Cells typed
// in legacy .VnTime (TCVN3) or VNI fonts are recognised per workbook by reading them as Vietnamese
// syllables, and converted.
import { createRequire } from 'node:module';
import { guessCellEncoding, type LegacyCodec } from '@dtts/vn-text';
import ExcelJS from 'exceljs';
import { SourceFileError } from '../errors.ts';
import { HEADER_SEARCH_ROWS } from './header.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { cellText, type RawRow, type RawSheet } from './sheet.ts';
import { checkXlsx } from './xlsx-guard.ts';
import { MergeFill } from './xlsx-merges.ts';
import { workbookStream } from './xlsx-zip.ts';

/** Rows of each sheet whose cells decide the legacy encoding (and hold the header). */
const HEAD_ROWS = Math.max(200, HEADER_SEARCH_ROWS);

/** The date rule exceljs applies to plain cells, applied here to formula results too (its whole-workbook reader does). */
const excelUtils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904?: boolean): Date;
};

export interface XlsxSheet extends RawSheet {
  sheetName: string;
  /** Its part in the zip, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
  /** The first rows (every row from 1, converted), for the header and the encoding. */
  rows: RawRow[];
  /** Whether any cell of the sheet, not only of its head, has a value. */
  hasData: boolean;
}

export interface XlsxWorkbook {
  /** In the workbook's order (its tabs). */
  sheets: XlsxSheet[];
  notes: string[];
  legacyEncoding?: string;
  /** Streams a sheet's rows from `fromRow` (its number as the spreadsheet shows it), in batches. */
  rows(sheet: XlsxSheet, fromRow: number, batchSize: number): AsyncGenerator<RawRow[]>;
}

/** Opens a workbook: the guard, then the head of every sheet. */
export async function openXlsx(path: string, displayPath: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxWorkbook> {
  const { merges, sheetParts } = await checkXlsx(path, displayPath, limits);
  const sheets: XlsxSheet[] = [];
  const order = await readable(displayPath, async () => {
    const reader = open(path, sheetParts);
    try {
      for await (const ws of reader.sheets()) {
        const rows: RawRow[] = [];
        let hasData = false;
        for await (const row of sheetRows(ws.rows, merges.get(ws.part), reader.date1904())) {
          if (rows.length < HEAD_ROWS) rows.push(row);
          hasData ||= row.cells.some((c) => c !== null);
          if (hasData && rows.length >= HEAD_ROWS) break;
        }
        sheets.push({ sheetName: ws.name, part: ws.part, rows, hasData });
      }
      return reader.sheetOrder();
    } finally {
      reader.close();
    }
  });
  if (sheets.length === 0) throw new SourceFileError(displayPath, 'the workbook has no sheets');
  const rank = (s: XlsxSheet) => (order.indexOf(s.sheetName) + sheets.length + 1) % (sheets.length + 1);
  sheets.sort((a, b) => rank(a) - rank(b));

  const codec = guessCellEncoding(sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c): c is string => c !== null))));
  if (codec) for (const sheet of sheets) for (const row of sheet.rows) convert(row, codec);

  return {
    sheets,
    notes: codec ? [`legacy ${codec.label} text converted to Unicode`] : [],
    ...(codec && { legacyEncoding: codec.label }),
    async *rows(sheet, fromRow, batchSize) {
      const reader = open(path, [sheet.part]);
      const batches = async function* () {
        for await (const ws of reader.sheets()) {
          let batch: RawRow[] = [];
          for await (const row of sheetRows(ws.rows, merges.get(ws.part), reader.date1904())) {
            if (row.rowNo < fromRow) continue;
            batch.push(codec ? convert(row, codec) : row);
            if (batch.length >= batchSize) {
              yield batch;
              batch = [];
            }
          }
          if (batch.length > 0) yield batch;
        }
      };
      try {
        yield* readableStream(displayPath, batches());
      } finally {
        reader.close(); // also when the caller stops early (an error loading a batch)
      }
    },
  };
}

function convert(row: RawRow, codec: LegacyCodec): RawRow {
  row.cells = row.cells.map((c) => (c === null ? null : cellText(codec.convert(c))));
  return row;
}

/** What exceljs's streaming reader gives that its types do not declare. */
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

function open(path: string, sheetParts: readonly string[]) {
  const input = workbookStream(path, sheetParts);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  }) as unknown as StreamedWorkbook;
  // The reader announces each sheet's part number just before it hands the sheet over.
  let part = '';
  reader.on('entry', (entry) => {
    if (entry.type === 'worksheet') part = `xl/worksheets/sheet${entry.id}.xml`;
  });
  return {
    async *sheets() {
      for await (const ws of reader) yield { name: ws.name, part, rows: ws };
    },
    date1904: () => reader.properties?.model?.date1904 === true,
    sheetOrder: () => (reader.model?.sheets ?? []).map((s) => s.name),
    /** Closes the zip (a no-op once it has been read to its end). */
    close: () => input.destroy(),
  };
}

/**
 * Every row of a sheet from row 1 (rows the file leaves out come as empty rows, as the
 * whole-workbook reader gave them), merged cells resolved, cells as text.
 */
async function* sheetRows(rows: AsyncIterable<ExcelJS.Row>, merges: readonly string[] | undefined, date1904: boolean): AsyncGenerator<RawRow> {
  const fill = new MergeFill(merges ?? []);
  let next = 1;
  for await (const row of rows) {
    const rowNo = Number.isNaN(row.number) ? next : row.number;
    if (rowNo < next) throw new Error(`row ${rowNo} comes after row ${next - 1}`);
    for (; next < rowNo; next++) yield fill.row(next, []);
    const cells: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cellToText(streamedValue(cell, date1904)));
    });
    yield fill.row(rowNo, cells);
    next = rowNo + 1;
  }
  for (; next <= fill.lastRow; next++) yield fill.row(next, []);
}

/**
 * A streamed cell's value as the whole-workbook reader gives it: the streaming reader keeps a
 * formula's result as a bare number, so a date-formatted result is made a date here, and an error
 * result (NaN) none.
 */
function streamedValue(cell: ExcelJS.Cell, date1904: boolean): ExcelJS.CellValue {
  const value = cell.value;
  if (value === null || typeof value !== 'object' || !('formula' in value)) return value;
  const result = value.result;
  if (typeof result !== 'number') return (result ?? null) as ExcelJS.CellValue;
  if (Number.isNaN(result)) return null;
  return excelUtils.isDateFmt(cell.numFmt) ? excelUtils.excelToDate(result, date1904) : result;
}

/** Turns what exceljs, unzipper or the XML parser throw into the file's error. */
async function readable<T>(displayPath: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw unreadable(displayPath, error);
  }
}

async function* readableStream<T>(displayPath: string, items: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw unreadable(displayPath, error);
  }
}

const unreadable = (displayPath: string, error: unknown) =>
  error instanceof SourceFileError ? error : new SourceFileError(displayPath, `not a readable .xlsx workbook (${(error as Error).message})`);

/** The text a person sees in the cell; dates as ISO (yyyy-mm-dd), formulas by their result. */
export function cellToText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellToText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}
