/** A sheet of text cells as a reader found it, before headers are known. */
export interface RawRow {
  /** The row number a spreadsheet shows (1-based, title and header rows counted), or the CSV line. */
  rowNo: number;
  cells: (string | null)[];
}

export interface RawSheet {
  /** Sheet name for workbooks; undefined for CSV. */
  sheetName?: string;
  rows: RawRow[];
}

export interface RawFile {
  sheets: RawSheet[];
  /** What the reader noticed: an encoding converted, a delimiter, ignored sheets. */
  notes: string[];
  /** Legacy encoding converted, if any (a warning in the run manifest). */
  legacyEncoding?: string;
}

/** Trims a cell and turns empty text into null. */
export function cellText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
