// How big a source file may be before it is refused by name instead of read. Each limit keeps
// time and memory bounded on a hostile or broken file; the defaults sit far above any real
// delivery of the district (README "Limits", docs/SOURCES.md).
export interface ReadLimits {
  /** Longest CSV record (one line, or a quoted cell spanning lines), in bytes. */
  maxRecordBytes: number;
  /** Largest part of an .xlsx once unzipped (a sheet's XML), in bytes. */
  maxXlsxPartBytes: number;
  /** All parts of an .xlsx together once unzipped, in bytes. */
  maxXlsxBytes: number;
  /** Rows of one worksheet, formatted empty rows included. */
  maxSheetRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxRecordBytes: 1 << 20,
  maxXlsxPartBytes: 512 << 20,
  maxXlsxBytes: 1024 << 20,
  maxSheetRows: 300_000,
};

export const mib = (n: number) => `${(n / (1 << 20)).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
