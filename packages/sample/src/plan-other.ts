import { buildDoc } from './build-doc.ts';
import type { Doc, Source } from './doc.ts';
import type { TableName } from './format/tables.ts';
import { PLAIN_CSV, style, type FileStyle } from './format/style.ts';
import { communeModels, communes2025, slug } from './model/communes.ts';
import type { YearData } from './model/records.ts';

/**
 * Where each variation of SOURCES.md §7 lives in the five other sources (VARIATIONS.md has the
 * table): one style per source, table and year. A year absent from a table's list writes no file:
 * `activities/2021/` is missing altogether, and `to_chuc_dang` ends in 2024.
 */
type Styles = Partial<Record<number, FileStyle | 'per-commune'>>;

const xlsx = (o: Partial<FileStyle>): FileStyle => style({ format: 'xlsx', ...o });
const excelCsv = (o: Partial<FileStyle>): FileStyle => style({ bom: true, delimiter: ';', ...o });

export const OTHER_STYLES: Record<Exclude<TableName, 'ho' | 'nhan_khau' | 'hoc_sinh' | 'truong' | 'the_bhyt' | 'ho_ngheo'>, { source: Source; years: Styles }> = {
  sinh_de: {
    source: 'health',
    years: {
      2020: xlsx({ title: true, mergedTitle: true, footer: true, headers: 'vi', commune: 'number', dates: 'excel', ethnic: 'name', sheetName: 'So dang ky sinh' }),
      2021: excelCsv({ headers: 'alias', commune: 'name', dates: 'year', ethnic: 'name', abbreviations: true }),
      2022: 'per-commune',
      2023: style({ headers: 'ascii', commune: 'nozero', dates: 'dmy_short', ethnic: 'code1' }),
      2024: xlsx({ headers: 'upper', dates: 'dmy', ethnic: 'name', abbreviations: true, sheetName: 'SINH_DE' }),
      2025: excelCsv({ title: true, footer: true, headers: 'alias', aliasSet: 1, dates: 'year', ethnic: 'name' }),
    },
  },
  can_tre: {
    source: 'health',
    years: {
      2020: excelCsv({ title: true, footer: true, headers: 'vi', dates: 'dmy', sex: 'name', ethnic: 'name', numbers: 'dots' }),
      2021: xlsx({ headers: 'vi', dates: 'excel', sex: 'name', ethnic: 'name', sheetName: 'Can tre' }),
      2022: style({ headers: 'alias', dates: 'dmy_short' }),
      2023: xlsx({ title: true, mergedTitle: true, headers: 'messy', commune: 'both', dates: 'dmy', sex: 'name', numbers: 'dots', sheetName: 'Ket qua can' }),
      2024: 'per-commune',
      2025: excelCsv({ headers: 'vi', dates: 'dmy', sex: 'name', ethnic: 'name', numbers: 'dots' }),
    },
  },
  hon_nhan: {
    source: 'civil-registration',
    years: {
      2020: xlsx({ title: true, footer: true, headers: 'vi', dates: 'excel', bools: 'x', ethnic: 'name', sheetName: 'Ho tich' }),
      2021: style({ headers: 'alias', commune: 'name', dates: 'year', bools: 'co_khong', ethnic: 'name' }),
      2022: style({ bools: 'one_zero' }),
      2023: excelCsv({ title: true, footer: true, headers: 'vi', dates: 'dmy', bools: 'co_khong', ethnic: 'name' }),
      2024: xlsx({ headers: 'upper', dates: 'dmy', bools: 'true_false', sheetName: 'HON_NHAN' }),
      2025: excelCsv({ headers: 'alias', aliasSet: 1, dates: 'dmy', bools: 'co_khong', ethnic: 'name' }),
    },
  },
  can_bo: {
    source: 'staff',
    years: {
      2020: xlsx({ title: true, footer: 'signatures', headers: 'vi', dates: 'excel', bools: 'x', sex: 'name', ethnic: 'name', sheetName: 'Danh sach' }),
      2021: style({ headers: 'alias', dates: 'year', bools: 'one_zero', abbreviations: true }),
      2022: style({}),
      2023: excelCsv({ headers: 'ascii', commune: 'nozero', dates: 'dmy_short', bools: 'co_khong', sex: 'name', ethnic: 'code1', abbreviations: true }),
      2024: xlsx({ title: true, mergedTitle: true, headers: 'vi', commune: 'both', dates: 'dmy', bools: 'co_khong', sex: 'name', ethnic: 'name', extraSheet: 'Tổng hợp', sheetName: 'CAN_BO' }),
      2025: excelCsv({ headers: 'vi', dates: 'dmy', bools: 'co_khong', sex: 'name', ethnic: 'name', abbreviations: true }),
    },
  },
  thon: {
    source: 'villages',
    years: {
      2020: xlsx({ title: true, footer: 'signatures', headers: 'vi', commune: 'number', bools: 'x', sheetName: 'Thon' }),
      2021: style({ headers: 'alias', commune: 'name', bools: 'co_khong', abbreviations: true, villages: 'varied' }),
      2022: excelCsv({ headers: 'upper', commune: 'both', bools: 'co_khong', text: 'nfd', villages: 'varied' }),
      2023: style({ headers: 'alias', aliasSet: 2, bools: 'one_zero' }),
      2024: xlsx({ headers: 'vi', bools: 'true_false', villages: 'varied', sheetName: 'Sheet1' }),
      2025: excelCsv({ title: true, footer: true, headers: 'alias', aliasSet: 1, commune: 'both', bools: 'co_khong', abbreviations: true, villages: 'varied' }),
    },
  },
  xa: {
    source: 'villages',
    years: {
      2020: excelCsv({ headers: 'vi', commune: 'both', bools: 'co_khong' }),
      2021: xlsx({ title: true, footer: 'signatures', headers: 'vi', commune: 'both', bools: 'x', sheetName: 'Xa' }),
      2022: style({ headers: 'alias', commune: 'name', bools: 'one_zero' }),
      2023: style({}),
      2024: xlsx({ footer: 'signatures', headers: 'upper', bools: 'x', sheetName: 'XA' }),
      2025: excelCsv({ headers: 'vi', commune: 'both', bools: 'co_khong' }),
    },
  },
  to_chuc_dang: {
    source: 'activities',
    years: {
      2020: xlsx({ title: true, footer: 'signatures', headers: 'vi', dates: 'excel', bools: 'x', sheetName: 'To chuc Dang' }),
      2022: style({ bools: 'one_zero' }),
      2023: xlsx({ footer: 'signatures', headers: 'messy', dates: 'dmy', bools: 'x', sheetName: 'Ke hoach' }),
      2024: excelCsv({ headers: 'alias', dates: 'dmy', bools: 'co_khong', toneVariant: true }),
    },
  },
  hoat_dong: {
    source: 'activities',
    years: {
      2020: xlsx({ title: true, mergedTitle: true, footer: true, headers: 'vi', commune: 'number', dates: 'excel', sheetName: 'Hoat dong' }),
      2022: style({ headers: 'alias', commune: 'name', abbreviations: true }),
      2023: style({}),
      2024: excelCsv({ title: true, footer: true, headers: 'vi', commune: 'both', dates: 'dmy', abbreviations: true }),
      2025: xlsx({ headers: 'vi', commune: 'both', dates: 'dmy', sheetName: 'Hoat dong' }),
    },
  },
};

type OtherTable = keyof typeof OTHER_STYLES;

const RECORDS: Record<OtherTable, (d: YearData) => object[]> = {
  sinh_de: (d) => d.sinhDe, can_tre: (d) => d.canTre, hon_nhan: (d) => d.honNhan, can_bo: (d) => d.canBo,
  thon: (d) => d.thon, xa: (d) => d.xa, to_chuc_dang: (d) => d.toChucDang, hoat_dong: (d) => d.hoatDong,
};

const ext = (s: FileStyle): string => (s.format === 'xlsx' ? 'xlsx' : 'csv');

/** The files of the five other sources for one year, in their varied, realistic forms. */
export function planOtherSources(d: YearData): Doc[] {
  const docs: Doc[] = [];
  const y = d.year;
  for (const [table, { source, years }] of Object.entries(OTHER_STYLES) as [OtherTable, (typeof OTHER_STYLES)[OtherTable]][]) {
    const st = years[y];
    if (!st) continue;
    const records = RECORDS[table](d);
    if (records.length === 0) continue;
    const base = { source, table, year: y };
    if (st === 'per-commune') {
      // One plain CSV per commune, the form a commune health station sends.
      const units = y >= 2025 ? communes2025 : communeModels.filter((c) => !c.vanBan);
      for (const u of units) {
        const own = records.filter((r) => (r as { communeCode?: string | null }).communeCode === u.code);
        if (own.length > 0) docs.push(buildDoc({ ...base, path: `${source}/${y}/${table}_${slug(u.name)}.csv`, records: own as never, style: style({}), communeTitle: u.name }));
      }
    } else docs.push(buildDoc({ ...base, path: `${source}/${y}/${table}_${y}.${ext(st)}`, records: records as never, style: st }));
  }
  return docs;
}

/** csvOnly: one plain CSV per table and year, the same tables and years as the varied sample; built when asked for. */
export function* planOtherSourcesCsvOnly(d: YearData): Generator<Doc> {
  const y = d.year;
  for (const [table, { source, years }] of Object.entries(OTHER_STYLES) as [OtherTable, (typeof OTHER_STYLES)[OtherTable]][]) {
    if (!years[y] || RECORDS[table](d).length === 0) continue;
    yield buildDoc({ path: `${source}/${y}/${table}.csv`, source, table, year: y, style: PLAIN_CSV, records: RECORDS[table](d) as never });
  }
}
