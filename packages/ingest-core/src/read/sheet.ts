/** A sheet of text cells as a reader found it, before headers are known. */
export interface RawRow {
  /** The row number a spreadsheet shows (1-based, title and header rows counted), or the CSV line. */
  rowNo: number;
  cells: (string | null)[];
}

export interface RawSheet {
  /** Sheet name for workbooks; undefined for CSV. */
  sheetName?: string;
  /** Its rows; a workbook's sheet holds only its first rows here (its reader streams the rest). */
  rows: RawRow[];
  /** Whether any cell has a value, when `rows` is not the whole sheet. */
  hasData?: boolean;
}

export interface RawFile {
  sheets: RawSheet[];
  /** What the reader noticed: an encoding converted, a delimiter, ignored sheets. */
  notes: string[];
  /** Legacy encoding converted, if any (a warning in the run manifest). */
  legacyEncoding?: string;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Trims a cell, turns empty text into null, and normalises Vietnamese text to NFC (only non-ASCII text needs it). */
export function cellText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  if (t === '') return null;
  return NON_ASCII.test(t) ? t.normalize('NFC') : t;
}
