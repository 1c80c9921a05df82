// A small warehouse with the shapes of the real marts (OUTPUTS.md, the lead's brief): the reports'
// tests run against it when no pipeline-built warehouse is at hand. Values are synthetic but
// additive (every total is the sum of its parts), like the real ones.
import { catalogRows } from '@dtts/indicators';
import { census } from '@dtts/connector-census';
import { healthInsurance } from '@dtts/connector-health-insurance';
import { poverty } from '@dtts/connector-poverty';
import { school } from '@dtts/connector-school';
import { withDb } from '@dtts/db';
import { loadSourceCatalog } from '@dtts/warehouse';

const COMMUNES_2020: [string, string, string][] = [
  ['02947', 'Thị trấn Phố Ràng', '02947'], ['02950', 'Xã Tân Tiến', '02953'], ['02953', 'Xã Nghĩa Đô', '02953'],
  ['02956', 'Xã Vĩnh Yên', '02953'], ['02959', 'Xã Điện Quan', '02968'], ['02962', 'Xã Xuân Hoà', '02962'],
  ['02965', 'Xã Tân Dương', '02962'], ['02968', 'Xã Thượng Hà', '02968'], ['02971', 'Xã Kim Sơn', '02989'],
  ['02974', 'Xã Cam Cọn', '02989'], ['02977', 'Xã Minh Tân', '02968'], ['02980', 'Xã Xuân Thượng', '02947'],
  ['02983', 'Xã Việt Tiến', '02998'], ['02986', 'Xã Yên Sơn', '02947'], ['02989', 'Xã Bảo Hà', '02989'],
  ['02992', 'Xã Lương Sơn', '02947'], ['02998', 'Xã Phúc Khánh', '02998'],
];
const COMMUNES_2025: [string, string][] = [
  ['02947', 'Xã Bảo Yên'], ['02953', 'Xã Nghĩa Đô'], ['02968', 'Xã Thượng Hà'],
  ['02962', 'Xã Xuân Hòa'], ['02998', 'Xã Phúc Khánh'], ['02989', 'Xã Bảo Hà'],
];
const GROUPS: [string, string, boolean][] = [
  ['01', 'Kinh', false], ['02', 'Tày', true], ['07', 'Nùng', true], ['08', 'Mông', true], ['09', 'Dao', true], ['46', 'Pà Thẻn', true],
];
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/** Names and ids that play the part of PII in the fixture's quarantine: they must never reach the site. */
export const FIXTURE_PII = ['Nguyễn Văn Thử', '001203004567', 'GD4101234567890'];

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fine { year: number; c2020: string | null; c2025: string; group: string; sex: 'Nam' | 'Nữ'; num: number; den: number }

type Kind = { id: string; sexSplit: boolean; ethnicSplit: boolean; make: (r: () => number, pop: number, year: number, sex: string, group: string) => [number, number] };

const KINDS: Kind[] = [
  { id: 'health_insurance_coverage', sexSplit: true, ethnicSplit: true, make: (r, pop, y) => [Math.round(pop * Math.min(1.03, 0.84 + 0.025 * (y - 2020) + r() * 0.08)), pop] },
  { id: 'trained_labour_15_60', sexSplit: true, ethnicSplit: true, make: (r, pop, y) => { const d = Math.round(pop * 0.6); return [Math.round(d * (0.4 + 0.04 * (y - 2020) + r() * 0.1)), d]; } },
  { id: 'poor_household_rate', sexSplit: false, ethnicSplit: true, make: (r, pop, y, _s, g) => { const d = Math.round(pop / 4); return [Math.round(d * Math.max(0, (g === '01' ? 0.05 : 0.3) - 0.035 * (y - 2020) + r() * 0.05)), d]; } },
  { id: 'income_per_capita', sexSplit: false, ethnicSplit: true, make: (r, pop, y) => [Math.round(pop * (1_200_000 + 180_000 * (y - 2020) + r() * 200_000)), pop] },
  { id: 'solid_classrooms', sexSplit: false, ethnicSplit: false, make: (r, _pop, y) => { const d = 8 + Math.floor(r() * 30); return [Math.min(d, Math.round(d * (0.7 + 0.05 * (y - 2020)))), d]; } },
  // One boarding school (PTDTNT) per former commune of new Bảo Yên only: elsewhere the indicator does not apply.
  { id: 'boarding_school_standard', sexSplit: false, ethnicSplit: false, make: (_r, _pop, y) => [y >= 2023 ? 1 : 0, 1] },
];

function fineRows(kind: Kind, seed: number): Fine[] {
  const r = rng(seed);
  const size = new Map(COMMUNES_2020.map(([c]) => [c, 80 + Math.floor(r() * 500)]));
  const out: Fine[] = [];
  for (const year of YEARS) {
    // 2025 data come by new commune; Bảo Hà then also holds Tân An and Tân Thượng (from Văn Bàn).
    const units: [string | null, string, number][] =
      year < 2025
        ? COMMUNES_2020.map(([c, , p]) => [c, p, size.get(c)!])
        : COMMUNES_2025.map(([c]) => [null, c, COMMUNES_2020.filter(([, , p]) => p === c).reduce((s, [o]) => s + size.get(o)!, 0) + (c === '02989' ? 400 : 0)]);
    for (const [c2020, c2025, people] of units) {
      const groups = kind.ethnicSplit ? GROUPS : [GROUPS[1]!];
      for (const [group] of groups) {
        const share = group === '01' ? 0.25 : group === '46' ? 0.01 : 0.18;
        for (const sex of ['Nam', 'Nữ'] as const) {
          if (!kind.sexSplit && sex === 'Nữ') continue;
          const pop = Math.round((people * share) / (kind.sexSplit ? 2 : 1));
          const [num, den] = (kind.id === 'solid_classrooms' && group !== '02') || (kind.id === 'boarding_school_standard' && c2025 !== '02947') ? [0, 0] : kind.make(r, pop, year, sex, group);
          if (den > 0) out.push({ year, c2020, c2025, group, sex, num, den });
        }
      }
    }
  }
  return out;
}

export interface FixtureRow {
  indicator_id: string; year: number; geo_level: string; geo_code: string; ethnic_group: string; sex: string;
  numerator: number; denominator: number;
}

function aggregate(kind: Kind, fine: Fine[]): FixtureRow[] {
  const rows = new Map<string, FixtureRow>();
  const add = (year: number, level: string, code: string, eth: string, sex: string, f: Fine) => {
    const key = [year, level, code, eth, sex].join('|');
    const row = rows.get(key) ?? { indicator_id: kind.id, year, geo_level: level, geo_code: code, ethnic_group: eth, sex, numerator: 0, denominator: 0 };
    row.numerator += f.num;
    row.denominator += f.den;
    rows.set(key, row);
  };
  for (const f of fine) {
    const geos: [string, string][] = [['area', 'BAO_YEN'], ['commune_2025', f.c2025]];
    if (f.c2020) geos.push(['commune_2020', f.c2020]);
    const minority = GROUPS.find(([g]) => g === f.group)![2];
    const eths = kind.ethnicSplit ? ['ALL', f.group, ...(minority ? ['DTTS'] : [])] : ['ALL'];
    const sexes = kind.sexSplit ? ['ALL', f.sex] : ['ALL'];
    for (const [level, code] of geos) for (const eth of eths) for (const sex of sexes) add(f.year, level, code, eth, sex, f);
  }
  return [...rows.values()];
}

/** trained_labour_female_share from the trained_labour_15_60 rows: women among the trained. */
function femaleShare(trained: FixtureRow[]): FixtureRow[] {
  const byKey = new Map(trained.map((r) => [[r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex].join('|'), r]));
  return trained
    .filter((r) => r.sex === 'ALL' && r.numerator > 0)
    .map((r) => ({
      ...r, indicator_id: 'trained_labour_female_share', sex: 'ALL', denominator: r.numerator,
      numerator: byKey.get([r.year, r.geo_level, r.geo_code, r.ethnic_group, 'Nữ'].join('|'))?.numerator ?? 0,
    }));
}

export function fixtureRows(): FixtureRow[] {
  const out: FixtureRow[] = [];
  KINDS.forEach((kind, i) => {
    const rows = aggregate(kind, fineRows(kind, 17 + i));
    out.push(...rows);
    if (kind.id === 'trained_labour_15_60') out.push(...femaleShare(rows));
  });
  return out;
}

/** Writes the fixture warehouse to `path` (overwriting nothing: the file must not exist). */
export async function writeFixtureWarehouse(path: string): Promise<void> {
  const rows = fixtureRows();
  await withDb(path, async (db) => {
    await db.exec(`create schema marts; create schema ingest;`);
    await db.exec(`create table fine (indicator_id varchar, year integer, geo_level varchar, geo_code varchar, ethnic_group varchar, sex varchar, numerator double, denominator double)`);
    const values = rows.map((r) => `('${r.indicator_id}',${r.year},'${r.geo_level}','${r.geo_code}','${r.ethnic_group}','${r.sex}',${r.numerator},${r.denominator})`);
    for (let i = 0; i < values.length; i += 2000) await db.run(`insert into fine values ${values.slice(i, i + 2000).join(',')}`);
    const cat = catalogRows.map((c) =>
      `(${[c.indicator_id, c.clause, c.name_vi, c.name_en, c.unit, c.direction, c.target_text_vi].map(q).join(',')},${c.target_value ?? 'null'},${q(c.source)},${c.reference_date === null ? 'null' : q(c.reference_date)},${c.has_source})`);
    await db.exec(`
      create table marts.indicator_catalog (id varchar, clause varchar, name_vi varchar, name_en varchar, unit varchar, direction varchar,
        target_text_vi varchar, target_value double, source varchar, reference_date varchar, has_source boolean);
      insert into marts.indicator_catalog values ${cat.join(',')};
      create schema ref;
      create table marts.geographies (geo_level varchar, geo_code varchar, name varchar, frame varchar, parent_2025_code varchar,
        partial_baseline_from_year integer, note varchar);
      insert into marts.geographies values ('area','BAO_YEN','Bảo Yên','all',null,2025,null),
        ${COMMUNES_2025.map(([c, n]) => `('commune_2025','${c}','${n}','2025',null,${c === '02989' ? 2020 : 'null'},null)`).join(',')},
        ${COMMUNES_2020.map(([c, n, p]) => `('commune_2020','${c}','${n}','2020','${p}',null,null)`).join(',')};
      create table ref.crosswalk_2025 (old_code varchar, old_name varchar, new_code varchar, new_name varchar, in_bao_yen_2020 boolean);
      insert into ref.crosswalk_2025
        select g.geo_code, g.name, g.parent_2025_code, n.name, true from marts.geographies g
        join marts.geographies n on n.geo_level = 'commune_2025' and n.geo_code = g.parent_2025_code where g.geo_level = 'commune_2020';
      insert into ref.crosswalk_2025 values ('03070','Xã Tân Thượng','02989','Xã Bảo Hà',false), ('03079','Xã Tân An','02989','Xã Bảo Hà',false);
      create table marts.ethnic_groups (ethnic_group varchar, name_vi varchar, is_minority boolean);
      insert into marts.ethnic_groups values ${GROUPS.map(([c, n, m]) => `('${c}','${n}',${m})`).join(',')};
      create table ranked as
        select f.*, case when c.unit = 'vnd_per_person_month' then numerator / denominator else 100.0 * numerator / denominator end as value,
               c.unit, c.direction, c.target_value as tv, c.name_vi
        from fine f join marts.indicator_catalog c on c.id = f.indicator_id;
      create table marts.indicator_values as
        select r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex, r.numerator, r.denominator, r.value,
          case when r.indicator_id = 'income_per_capita' then 2 * b.value
               when r.indicator_id = 'poor_household_rate' then greatest(0, b.value - 20) else r.tv end as target,
          case when b.value is null then 'no_data'
               when r.direction = 'higher_is_better' and r.value >= (case when r.indicator_id = 'income_per_capita' then 2 * b.value else r.tv end) then 'achieved'
               when r.direction = 'lower_is_better' and r.value <= greatest(0, b.value - 20) then 'achieved'
               when r.year >= 2025 then 'not_achieved'
               when (r.year - 2020) * 0.2 <= 0.5 then 'on_track' else 'off_track' end as status,
          concat_ws(';', case when r.value > 100 and r.unit = 'percent' then 'over_100' end,
                         case when r.geo_level = 'commune_2025' and r.geo_code = '02989' and r.year = 2025 then 'baseline_partial_territory' end,
                         case when r.indicator_id = 'poor_household_rate' and r.year >= 2022 then 'method_break' end,
                         case when r.denominator < 20 then 'small_denominator' end) as flags,
          b.value as baseline_value,
          case when r.indicator_id = 'income_per_capita' then r.value / b.value else r.value - b.value end as change_vs_baseline,
          g.name as geo_name, coalesce(e.name_vi, case r.ethnic_group when 'ALL' then 'Tất cả' when 'DTTS' then 'Dân tộc thiểu số' end) as ethnic_name
        from ranked r
        left join ranked b on b.year = 2020 and b.indicator_id = r.indicator_id and b.geo_level = r.geo_level and b.geo_code = r.geo_code
          and b.ethnic_group = r.ethnic_group and b.sex = r.sex
        left join marts.geographies g on g.geo_level = r.geo_level and g.geo_code = r.geo_code
        left join marts.ethnic_groups e on e.ethnic_group = r.ethnic_group;
      drop table ranked; drop table fine;
      create table marts.dq_check_results (check_id varchar, severity varchar, description varchar, failing_rows bigint, code varchar, params varchar);
      insert into marts.dq_check_results values
        ('households_without_persons','warn','a census household has at least one person (else it has no head, no ethnic group, size 0)',3,'check_households_without_persons','{}'),
        ('unique__stg_census__ho__year_ma_ho','error','staging.stg_census__ho: (year, ma_ho) is unique (every repeat after the first fails)',2,'check_unique','{"model":"staging.stg_census__ho","columns":"year, ma_ho"}');
      create table marts.completeness (source varchar, table_name varchar, year integer, column_name varchar, filled_share double);
      insert into marts.completeness values ('census','nhan_khau',2025,'ngay_sinh',0.93), ('census','ho',2025,'thu_nhap_binh_quan',0.88);
      create table ingest.files (source varchar, table_name varchar, year integer, file varchar, sha256 varchar, rows_read integer,
        rows_loaded integer, rows_quarantined integer, rows_skipped integer, warnings varchar[]);
      insert into ingest.files values ('census','nhan_khau',2025,'census/2025/nhan_khau.csv','ab12',1200,1180,12,8,['legacy encoding']),
        ('school','hoc_sinh',2025,'school/2025/hoc_sinh.xlsx','cd34',900,897,3,0,[]);
      create table ingest.quarantine (source varchar, table_name varchar, file varchar, "row" integer, "column" varchar, value varchar,
        reason varchar, action varchar, year integer, code varchar, params varchar);
      insert into ingest.quarantine values
        ('census','nhan_khau','census/2025/nhan_khau.csv',14,'ho_ten',${q(FIXTURE_PII[0]!)},'birth date after the reference date 2025-10-01','row_rejected',2025,
          'birth_date_after_reference','{"referenceDate":"2025-10-01"}'),
        ('census','nhan_khau','census/2025/nhan_khau.csv',15,'so_dinh_danh',${q(FIXTURE_PII[1]!)},'unknown ethnic group code (codes are 01–55)','row_rejected',2025,'ethnic_group_code_unknown','{}'),
        ('health-insurance','the_bhyt','health-insurance/2025/the_bhyt.csv',7,'ma_the',${q(FIXTURE_PII[2]!)},'unknown ethnic group code (codes are 01–55)','row_rejected',2025,'ethnic_group_code_unknown','{}'),
        ('census','nhan_khau','census/2025/nhan_khau.csv',16,'ma_ho','H1 / 2','duplicate ma_ho, stt: already loaded from census/2025/nhan_khau.csv row 9','row_rejected',2025,
          'duplicate_key','{"key":"ma_ho, stt","file":"census/2025/nhan_khau.csv","row":9}'),
        ('census','nhan_khau','census/2025/nhan_khau.csv',17,'ma_ho','H1 / 2','duplicate ma_ho, stt: already loaded from census/2025/nhan_khau.csv row 3','row_rejected',2025,
          'duplicate_key','{"key":"ma_ho, stt","file":"census/2025/nhan_khau.csv","row":3}');
      create table ingest.warnings (source varchar, year integer, file varchar, code varchar, message varchar, params varchar);
      insert into ingest.warnings values ('census',2025,'census/2025/ho.csv','legacy_encoding','legacy TCVN3 text converted to Unicode','{"encoding":"TCVN3"}'),
        ('school',2022,'school/2022/hoc_sinh.xlsx','unknown_value','value "${FIXTURE_PII[1]}" for ${FIXTURE_PII[0]} looked odd','{}');
    `);
    // ref.sources as the warehouse writes it: from the real connector declarations
    await loadSourceCatalog(db, [census, school, healthInsurance, poverty]);
  });
}

function q(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
