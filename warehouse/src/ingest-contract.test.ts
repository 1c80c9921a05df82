import { Db } from '@dtts/db';
import { describeConnector } from '@dtts/ingest-core';
import { describe, expect, it } from 'vitest';
import { connectors } from '../test/fixture.ts';
import { ensureIngestTables, INGEST_TABLES } from './ingest-contract.ts';

describe('ensureIngestTables', () => {
  it('creates the missing tables, each source table from its declaration, and leaves existing ones alone', async () => {
    const db = await Db.open(':memory:');
    try {
      await db.exec(`create schema ingest;
        create table ingest.census_ho as select 2024 as year, 'a.csv' as source_file, 2 as source_row, 'H1' as ma_ho, '02947' as commune_code`);
      await ensureIngestTables(db, connectors);
      const tables = await db.all<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'ingest' order by table_name`);
      const declared = connectors.flatMap((c) => c.tables.map((t) => c.warehouseTable(t.name)));
      expect(tables.map((t) => t.table_name)).toEqual([...Object.keys(INGEST_TABLES), ...declared].sort());
      expect((await db.one<{ n: number }>('select count(*) as n from ingest.census_ho'))?.n).toBe(1);
      const cols = await db.all<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = 'ingest' and table_name = 'health_insurance_the_bhyt' order by ordinal_position`);
      // ma_the and so_dinh_danh are personal: loaded as keyed hashes; ngay_sinh/nam_sinh and commune_code are derived
      expect(cols.map((c) => c.column_name)).toEqual(['year', 'source_file', 'source_row', 'ma_the_hash', 'so_dinh_danh_hash',
        'gioi_tinh', 'dan_toc', 'gia_tri_tu', 'gia_tri_den', 'ngay_sinh', 'nam_sinh', 'commune_code']);
      const bhyt = describeConnector(connectors.find((c) => c.id === 'health-insurance')!)[0]!;
      expect(cols.slice(3).map((c) => c.column_name)).toEqual(bhyt.columns.map((c) => c.name));
    } finally {
      db.close();
    }
  });
});
