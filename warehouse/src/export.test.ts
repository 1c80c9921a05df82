import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type Built, buildWith } from '../test/fixture.ts';
import { EXPORT_QUERY, exportIndicators } from './export.ts';

const GIVEN = `
insert into ingest.census_ho (year, ma_ho, commune_code, thu_nhap_binh_quan, dien_luoi) values
  (2020, 'H1', '02947', 1000000, true), (2024, 'H1', '02947', 1500000, false);
insert into ingest.census_nhan_khau (year, ma_ho, stt, gioi_tinh, nam_sinh, dan_toc, quan_he_chu_ho, biet_doc_viet) values
  (2020, 'H1', 1, 'Nam', 1980, '08', 'Chủ hộ', true), (2024, 'H1', 1, 'Nam', 1980, '08', 'Chủ hộ', true),
  (2024, 'H1', 2, 'Nữ', 1985, '08', 'Vợ', true);
`;

let built: Built;
beforeAll(async () => { built = await buildWith(GIVEN); });
afterAll(() => built.db.close());

/** A fresh temporary folder, removed when the test is done. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dtts-export-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('exportIndicators', () => {
  it('writes CSV and Parquet with exactly the columns of OUTPUTS.md, sorted', async () => {
    const dir = tempDir();
    const { rows } = await exportIndicators(built.db, join(dir, 'exports'));
    const count = await built.db.one<{ n: number }>('select count(*) as n from marts.indicator_values');
    expect(rows).toBe(count?.n);
    expect(rows).toBeGreaterThan(0);

    const text = readFileSync(join(dir, 'exports', 'indicator_values.csv'), 'utf8');
    expect(text.startsWith('\uFEFF'), 'UTF-8 BOM, so Excel reads the file as UTF-8').toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe('indicator_id,year,geo_level,geo_code,ethnic_group,sex,numerator,denominator,value,target,status,flags');
    expect(lines).toHaveLength(rows + 1);
    // catalog order first: income, then year, area before communes, ALL before DTTS before codes
    expect(lines[1]).toBe('income_per_capita,2020,area,BAO_YEN,ALL,ALL,1000000,1,1000000.0,2000000.0,on_track,small_denominator');
    expect(lines[2]).toMatch(/^income_per_capita,2020,area,BAO_YEN,DTTS,ALL,/);

    const parquet = join(dir, 'exports', 'indicator_values.parquet').replaceAll("'", "''");
    const columns = await built.db.all<{ name: string }>(`select name from parquet_schema('${parquet}') where name <> 'duckdb_schema'`);
    expect(columns.map((c) => c.name)).toEqual(lines[0]!.split(','));
    const parquetRows = await built.db.one<{ n: number }>(`select count(*) as n from read_parquet('${parquet}')`);
    expect(parquetRows?.n).toBe(rows);
  });

  it('writes the same rows as an Arrow IPC file, typed as DuckDB typed them', async () => {
    const dir = tempDir();
    const { rows } = await exportIndicators(built.db, dir);
    const table = tableFromIPC(readFileSync(join(dir, 'indicator_values.arrow')));
    expect(table.numRows).toBe(rows);
    expect(table.schema.fields.map((f) => f.name)).toEqual(readFileSync(join(dir, 'indicator_values.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n')[0]!.split(','));
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(
      ['Utf8', 'Int32', 'Utf8', 'Utf8', 'Utf8', 'Utf8', 'Int64', 'Int64', 'Float64', 'Float64', 'Utf8', 'Utf8']);
    // the first row is the CSV's first row: income 2020, area, ALL, ALL (1 household of 1 person at 1.000.000 VND)
    const first = table.get(0)!.toJSON();
    expect({ ...first, numerator: Number(first.numerator), denominator: Number(first.denominator) }).toEqual({
      indicator_id: 'income_per_capita', year: 2020, geo_level: 'area', geo_code: 'BAO_YEN', ethnic_group: 'ALL', sex: 'ALL',
      numerator: 1000000, denominator: 1, value: 1000000, target: 2000000, status: 'on_track', flags: 'small_denominator',
    });
  });

  it('the Arrow file holds every cell of the export query, NULLs included, in its order', async () => {
    const dir = tempDir();
    await exportIndicators(built.db, dir);
    const table = tableFromIPC(readFileSync(join(dir, 'indicator_values.arrow')));
    const expected = await built.db.all<Record<string, unknown>>(EXPORT_QUERY);
    const names = table.schema.fields.map((f) => f.name);
    const got = Array.from({ length: table.numRows }, (_, i) =>
      Object.fromEntries(names.map((n) => {
        const v = table.getChild(n)!.get(i);
        return [n, typeof v === 'bigint' ? Number(v) : v];
      })));
    expect(got).toEqual(expected);
    // what there is to compare: NULL targets (no target for a year without a baseline) and a non-ASCII text (Nữ)
    expect(table.getChild('target')!.nullCount).toBe(expected.filter((r) => r.target === null).length);
    expect(table.getChild('target')!.nullCount).toBeGreaterThan(0);
    expect(got.filter((r) => r.sex === 'Nữ').length).toBeGreaterThan(0);
  });

  it('a second export gives the same bytes (deterministic order)', async () => {
    const a = tempDir();
    const b = tempDir();
    await exportIndicators(built.db, a);
    await exportIndicators(built.db, b);
    for (const file of ['indicator_values.csv', 'indicator_values.arrow']) expect(readFileSync(join(a, file))).toEqual(readFileSync(join(b, file)));
  });
});
