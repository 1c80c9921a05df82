import { buildDoc } from './build-doc.ts';
import type { Doc } from './doc.ts';
import { communeModels, communes2025, slug } from './model/communes.ts';
import type { YearData } from './model/records.ts';
import { PLAIN_CSV, PROFILES, style, type FileStyle } from './format/style.ts';
import { planOtherSources, planOtherSourcesCsvOnly } from './plan-other.ts';

/**
 * Where each variation of SOURCES.md §2 lives (VARIATIONS.md is the readable version). Census
 * files take their commune's house style (P0–P5); the other sources change style by year.
 */
export const CENSUS_PROFILE_2020: Record<string, keyof typeof PROFILES> = {
  '02947': 'P1', '02950': 'P2', '02953': 'P0', '02956': 'P3', '02959': 'P4', '02962': 'P4', '02965': 'P5',
  '02968': 'P0', '02971': 'P1', '02974': 'P3', '02977': 'P2', '02980': 'P1', '02983': 'P0', '02986': 'P5',
  '02989': 'P4', '02992': 'P3', '02998': 'P1',
};
export const CENSUS_PROFILE_2025: Record<string, keyof typeof PROFILES> = {
  '02947': 'P1', '02953': 'P0', '02968': 'P2', '02962': 'P4', '02998': 'P5', '02989': 'P0',
};
/** The one commune whose statistician still types in TCVN3 (.VnTime), in one year. */
export const TCVN3_FILE = { year: 2022, commune: '02965' } as const;

const ext = (s: FileStyle): string => (s.format === 'xlsx' ? 'xlsx' : 'csv');

function censusDocs(d: YearData): Doc[] {
  const docs: Doc[] = [];
  const units = d.year >= 2025
    ? communes2025.map((u) => ({ code: u.code, name: u.name, profile: CENSUS_PROFILE_2025[u.code] }))
    : communeModels.filter((c) => !c.vanBan).map((c) => ({ code: c.code, name: c.name, profile: CENSUS_PROFILE_2020[c.code] }));
  for (const u of units) {
    if (!u.profile) throw new Error(`sample: no census profile for ${u.code}`);
    let st = PROFILES[u.profile];
    if (d.year === TCVN3_FILE.year && u.code === TCVN3_FILE.commune) st = { ...st, text: 'tcvn3' };
    const ho = d.ho.filter((r) => r.communeCode === u.code);
    const nk = d.nhanKhau.filter((r) => r.communeCode === u.code);
    const base = { source: 'census' as const, year: d.year, communeTitle: u.name };
    docs.push(buildDoc({ ...base, path: `census/${d.year}/ho_${slug(u.name)}.${ext(st)}`, table: 'ho', records: ho, style: { ...st, sheetName: st.sheetName || 'HO' } }));
    docs.push(buildDoc({ ...base, path: `census/${d.year}/nhan_khau_${slug(u.name)}.${ext(st)}`, table: 'nhan_khau', records: nk, style: { ...st, sheetName: st.sheetName || 'Nhan khau' } }));
  }
  return docs;
}

const SCHOOL_STYLE: Record<number, FileStyle> = {
  2020: style({ format: 'xlsx', title: true, mergedTitle: true, headers: 'vi', commune: 'number', bools: 'x', extraSheet: 'Tổng hợp', sheetName: 'Truong' }),
  2021: style({ bom: true, delimiter: ';', title: true, footer: true, headers: 'vi', commune: 'both', bools: 'co_khong' }),
  2022: style({ format: 'xlsx', headers: 'upper', bools: 'one_zero', sheetName: 'DS truong' }),
  2023: style({ bools: 'true_false' }),
  2024: style({ format: 'xlsx', footer: true, headers: 'alias', commune: 'name', bools: 'x', sheetName: 'Sheet1' }),
  2025: style({ format: 'xlsx', title: true, headers: 'vi', bools: 'co_khong', sheetName: 'Truong hoc' }),
};

function schoolDocs(d: YearData): Doc[] {
  const y = d.year;
  const base = { source: 'school' as const, year: y };
  const ts = SCHOOL_STYLE[y] ?? style({});
  const docs = [buildDoc({ ...base, path: `school/${y}/truong${ts.format === 'xlsx' && y === 2020 ? '_2020' : ''}.${ext(ts)}`, table: 'truong', records: d.truong, style: ts })];
  const hs = (path: string, st: FileStyle, filter: (l: string) => boolean): void => {
    docs.push(buildDoc({ ...base, path: `school/${y}/${path}.${ext(st)}`, table: 'hoc_sinh', records: d.hocSinh.filter((r) => filter(r.level)), style: st }));
  };
  const all = (): boolean => true;
  if (y === 2021) {
    hs('hoc_sinh_mam_non', style({ format: 'xlsx', headers: 'vi', dates: 'excel', sex: 'name', ethnic: 'name', sheetName: 'Hoc sinh' }), (l) => l === 'MN');
    hs('hoc_sinh_pho_thong', style({ bom: true, delimiter: ';', headers: 'vi', commune: 'name', dates: 'dmy', sex: 'name', ethnic: 'name', toneVariant: true }), (l) => l !== 'MN');
  } else if (y === 2022) hs('hoc_sinh', style({ headers: 'ascii', commune: 'nozero', dates: 'year', ethnic: 'code1' }), all);
  else if (y === 2023) {
    hs('hoc_sinh_mam_non', style({ headers: 'alias', dates: 'dmy_short' }), (l) => l === 'MN');
    hs('hoc_sinh_tieu_hoc', style({ headers: 'alias', dates: 'dmy_short' }), (l) => l === 'TH');
    hs('hoc_sinh_trung_hoc', style({ format: 'xlsx', headers: 'alias', dates: 'excel', sheetName: 'HOC_SINH' }), (l) => l === 'THCS' || l === 'THPT');
  } else if (y === 2024) hs('hoc_sinh', style({ title: true, footer: true, headers: 'vi', commune: 'both', dates: 'dmy', sex: 'name', ethnic: 'name' }), all);
  else hs('hoc_sinh', style({}), all);
  return docs;
}

function healthDocs(d: YearData): Doc[] {
  const y = d.year;
  const base = { source: 'health-insurance' as const, table: 'the_bhyt' as const, year: y };
  const one = (st: FileStyle, records = d.theBhyt, name = `the_bhyt_${y}`): Doc => buildDoc({ ...base, path: `health-insurance/${y}/${name}.${ext(st)}`, records, style: st });
  switch (y) {
    case 2020: return [one(style({ bom: true, delimiter: ';', headers: 'vi', dates: 'dmy', sex: 'name', ethnic: 'name' }))];
    case 2021: return [one(style({}))];
    case 2022: return [one(style({ headers: 'ascii', commune: 'name', dates: 'dmy_short', ethnic: 'code1' }))];
    case 2023: return [
      one(style({ headers: 'vi', dates: 'dmy', sex: 'name' }), d.theBhyt.filter((c) => c.group !== 'HS'), 'the_bhyt_2023_hgd'),
      one(style({
        format: 'xlsx', title: true, mergedTitle: true, headers: 'vi', dates: 'excel', sex: 'name', ethnic: 'name', sheetName: 'The BHYT',
        groupHeader: { label: 'Giá trị thẻ', columns: ['gia_tri_tu', 'gia_tri_den'] },
      }), d.theBhyt.filter((c) => c.group === 'HS'), 'the_bhyt_2023_hoc_sinh'),
    ];
    case 2024: return [one(style({ headers: 'alias', dates: 'year' }))];
    default: return [one(style({ headers: 'vi', dates: 'dmy', sex: 'name', ethnic: 'name', footer: true }))];
  }
}

function povertyDocs(d: YearData): Doc[] {
  const y = d.year;
  const base = { source: 'poverty' as const, table: 'ho_ngheo' as const, year: y };
  const one = (st: FileStyle): Doc => buildDoc({ ...base, path: `poverty/${y}/ho_ngheo_${y}.${ext(st)}`, records: d.hoNgheo, style: st });
  switch (y) {
    case 2020: return [one(style({ format: 'xlsx', title: true, mergedTitle: true, footer: true, headers: 'vi', commune: 'number', ethnic: 'name', sheetName: 'Ho ngheo' }))];
    case 2021: return [one(style({ bom: true, delimiter: ';', headers: 'vi', ethnic: 'name' }))];
    case 2022: return [one(style({ format: 'xlsx', headers: 'upper', extraSheet: 'Tổng hợp', sheetName: 'HO_NGHEO' }))];
    case 2023: return communeModels.filter((c) => !c.vanBan).map((c) => buildDoc({
      ...base, path: `poverty/${y}/ho_ngheo_${slug(c.name)}.csv`, records: d.hoNgheo.filter((r) => r.communeCode === c.code), style: style({}),
    }));
    case 2024: return [one(style({ format: 'xlsx', headers: 'alias', commune: 'name', ethnic: 'code1', sheetName: 'Sheet1' }))];
    default: return [one(style({ headers: 'vi', ethnic: 'name', title: true }))];
  }
}

/** Every file of one year in the varied, realistic form. */
export function planYear(d: YearData): Doc[] {
  return [...censusDocs(d), ...schoolDocs(d), ...healthDocs(d), ...povertyDocs(d), ...planOtherSources(d)];
}

/**
 * csvOnly: one plain UTF-8 CSV per table and year, header on line 1, codes, ISO dates. Each file is
 * built when asked for, so at a large scale only one file's rows are held at a time.
 */
export function* planYearCsvOnly(d: YearData): Generator<Doc> {
  const y = d.year;
  const s = PLAIN_CSV;
  yield buildDoc({ path: `census/${y}/ho.csv`, source: 'census', table: 'ho', year: y, style: s, records: d.ho });
  yield buildDoc({ path: `census/${y}/nhan_khau.csv`, source: 'census', table: 'nhan_khau', year: y, style: s, records: d.nhanKhau });
  yield buildDoc({ path: `school/${y}/truong.csv`, source: 'school', table: 'truong', year: y, style: s, records: d.truong });
  yield buildDoc({ path: `school/${y}/hoc_sinh.csv`, source: 'school', table: 'hoc_sinh', year: y, style: s, records: d.hocSinh });
  yield buildDoc({ path: `health-insurance/${y}/the_bhyt.csv`, source: 'health-insurance', table: 'the_bhyt', year: y, style: s, records: d.theBhyt });
  yield buildDoc({ path: `poverty/${y}/ho_ngheo.csv`, source: 'poverty', table: 'ho_ngheo', year: y, style: s, records: d.hoNgheo });
  yield* planOtherSourcesCsvOnly(d);
}
