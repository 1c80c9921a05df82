/** How one source file spells things: every real-world variation of SOURCES.md §2 is a field here. */
export interface FileStyle {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  bom: boolean;
  delimiter: ',' | ';';
  /** `UBND HUYỆN BẢO YÊN`, `DANH SÁCH …` and a blank row above the header. */
  title: boolean;
  /** xlsx: title cells merged across the table's width. */
  mergedTitle: boolean;
  /** Blank, note, date and signature rows below the data; `signatures`: only the date and signature lines. */
  footer: boolean | 'signatures';
  headers: 'snake' | 'vi' | 'upper' | 'ascii' | 'alias' | 'messy';
  /**
   * code: `02947`; number: an xlsx number cell 2947 (Excel dropped the zero); nozero: text
   * `2947`; name: only `ten_xa` with names in mixed forms; both: `ma_xa` and `ten_xa`.
   */
  commune: 'code' | 'number' | 'nozero' | 'name' | 'both';
  /** Birth dates; `year` writes a `nam_sinh` column instead of `ngay_sinh`. */
  dates: 'dmy' | 'dmy_short' | 'iso' | 'excel' | 'year';
  bools: 'co_khong' | 'x' | 'one_zero' | 'true_false';
  sex: 'name' | 'code';
  /** code2 `08`, code1 `8`, name: a name or variant (`Mông`, `H'Mông`, `Mèo`, `Xá Phó` …). */
  ethnic: 'code2' | 'code1' | 'name';
  /**
   * VND amounts as `1500000`, `1.500.000`, `1 500 000`; xlsx writes number cells whatever this says.
   * Kilograms: `12,5` (decimal comma, also as xlsx text) with dots or spaces, `12.5` (a number cell in xlsx) with plain.
   */
  numbers: 'plain' | 'dots' | 'spaces';
  /** Which of a column's listed aliases an `alias`-style file writes (0, 1, …; wraps around). */
  aliasSet: number;
  /** §7 enumerations in their abbreviations (`CSYT`, `CB`, `ĐH`, `BTXM`, `Kiểm tra` …), rotating row by row. */
  abbreviations: boolean;
  /** Village names as the census writes them (`Thôn Nà Pồng`), or varied: `Bản `/`TDP ` prefixes, none, lower or upper case. */
  villages: 'census' | 'varied';
  text: 'nfc' | 'nfd' | 'tcvn3';
  /** Write the other tone placement of a name (`Xuân Hòa` for 2020's `Xuân Hoà`, and back in 2025). */
  toneVariant: boolean;
  /** Write the code a commune office still uses for an abolished unit (02995 in 2020, 02980 in 2025). */
  legacyCodes: boolean;
  /** xlsx: the data sheet's name, and another sheet placed before it. */
  sheetName: string;
  extraSheet: string | null;
  /** xlsx: a group label merged over two columns, with their own headers in the row below. */
  groupHeader: { label: string; columns: [string, string] } | null;
}

export const PLAIN_CSV: FileStyle = {
  format: 'csv', bom: false, delimiter: ',', title: false, mergedTitle: false, footer: false, headers: 'snake',
  commune: 'code', dates: 'iso', bools: 'true_false', sex: 'code', ethnic: 'code2', numbers: 'plain', text: 'nfc',
  toneVariant: false, legacyCodes: false, sheetName: 'Sheet1', extraSheet: null, groupHeader: null,
  aliasSet: 0, abbreviations: false, villages: 'census',
};

export function style(overrides: Partial<FileStyle>): FileStyle {
  return { ...PLAIN_CSV, ...overrides };
}

/** The six house styles of the commune statisticians (census files), P0–P5 in VARIATIONS.md. */
export const PROFILES: Record<'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5', FileStyle> = {
  // Excel in vi-VN saved as CSV: BOM, ';', Vietnamese headers, title and signature rows.
  P0: style({ bom: true, delimiter: ';', title: true, footer: true, headers: 'vi', commune: 'both', dates: 'dmy', bools: 'co_khong', sex: 'name', ethnic: 'name', numbers: 'dots' }),
  // An export from software: plain CSV, snake_case headers, ISO dates, codes.
  P1: style({ legacyCodes: true, bools: 'one_zero' }),
  // A hand-kept workbook: merged title, hand-typed headers, real date cells, x marks.
  P2: style({ format: 'xlsx', title: true, mergedTitle: true, footer: true, headers: 'messy', commune: 'number', dates: 'excel', bools: 'x', sex: 'name', ethnic: 'name', sheetName: 'Danh sach' }),
  // CSV with BOM, unaccented headers, short dates, codes that lost their zero, spaced thousands.
  P3: style({ bom: true, footer: true, headers: 'ascii', commune: 'nozero', dates: 'dmy_short', bools: 'true_false', ethnic: 'code1', numbers: 'spaces' }),
  // NFD text, ';', upper-case headers, commune by name only, birth year only.
  P4: style({ delimiter: ';', title: true, footer: true, headers: 'upper', commune: 'name', dates: 'year', bools: 'co_khong', sex: 'name', ethnic: 'name', text: 'nfd', toneVariant: true }),
  // A workbook with an instructions sheet first, alias headers, codes.
  P5: style({ format: 'xlsx', headers: 'alias', dates: 'dmy', bools: 'true_false', ethnic: 'code2', extraSheet: 'Huong dan', sheetName: '' }),
};
