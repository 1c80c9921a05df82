import type { Doc, FooterKind, Layout, Source } from './doc.ts';
import type { TableName } from './format/tables.ts';
import type { Cell } from './format/values.ts';

/** A planted defect and where a reader must report it. */
export interface BadRowTruth {
  /** Relative to the sources folder, e.g. `census/2024/nhan_khau_xa_bao_ha.xlsx`. */
  file: string;
  /** Spreadsheet row counting title and header rows from 1, or the 1-based CSV line. */
  row: number;
  /** Canonical column name (SOURCES.md §6). */
  column: string;
  /** The header text as written in the file. */
  header: string;
  action: 'row_rejected' | 'value_blanked';
  why: string;
  /** The raw value as written (an xlsx date cell as YYYY-MM-DD). */
  value: string;
}

export interface FileTruth {
  file: string;
  source: Source;
  table: TableName;
  year: number;
  format: 'csv' | 'xlsx';
  text: 'nfc' | 'nfd' | 'tcvn3';
  /** Row of the header (for a two-level header, the lower row, which holds the column names). */
  headerRow: number;
  firstDataRow: number;
  /** Data rows written, planted bad rows included. */
  dataRows: number;
  /** Data rows a correct reader loads: dataRows minus the rejected ones. */
  expectedLoaded: number;
  rowsRejected: number;
  valuesBlanked: number;
  /** the_bhyt: card rows that repeat an earlier row (loaded, counted once). */
  repeatedCards: number;
  /** Blank, note and signature rows below the data, to be skipped and counted (xlsx stores no blank rows). */
  skipped: { row: number; kind: FooterKind }[];
}

export interface Truth {
  generator: string;
  options: Record<string, unknown>;
  badRows: BadRowTruth[];
  files: FileTruth[];
  /** Files a reader must ignore with a warning. */
  ignoredFiles: string[];
  /** Source folders deliberately absent for a year (`activities/2021/`): their indicators are `no_data` that year. */
  missingSourceYears: { source: Source; year: number }[];
}

function rawText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

export function fileTruth(doc: Doc, lay: Layout): { file: FileTruth; badRows: BadRowTruth[] } {
  const badRows: BadRowTruth[] = [];
  doc.rows.forEach((r, i) => {
    if (!r.planted) return;
    const col = doc.columns.indexOf(r.planted.column);
    badRows.push({
      file: doc.path, row: lay.dataRowNumbers[i]!, column: r.planted.column, header: doc.headers[col] ?? r.planted.column,
      action: r.planted.action, why: r.planted.why, value: rawText(r.cells[r.planted.column] ?? null),
    });
  });
  const rejected = badRows.filter((b) => b.action === 'row_rejected').length;
  let repeatedCards = 0;
  if (doc.table === 'the_bhyt') {
    const seen = new Set<string>();
    for (const r of doc.rows) {
      const key = doc.columns.map((c) => rawText(r.cells[c] ?? null)).join('\u0001');
      if (seen.has(key)) repeatedCards++;
      seen.add(key);
    }
  }
  return {
    badRows,
    file: {
      file: doc.path, source: doc.source, table: doc.table, year: doc.year, format: doc.style.format, text: doc.style.text,
      headerRow: lay.headerRow, firstDataRow: lay.firstDataRow, dataRows: doc.rows.length,
      expectedLoaded: doc.rows.length - rejected, rowsRejected: rejected, valuesBlanked: badRows.length - rejected, repeatedCards,
      skipped: doc.footer
        .map((f, i) => ({ row: lay.footerRowNumbers[i]!, kind: f.kind }))
        .filter((f) => !(doc.style.format === 'xlsx' && f.kind === 'blank')),
    },
  };
}
