// The `ingest.*` tables of docs/warehouse-tables.md. The warehouse reads only these; a source that
// was not delivered still gets its (empty) table so every model builds. A source's tables are
// derived from its connector declaration (the same DDL the engine loads into); the engine's own
// bookkeeping tables are below.
import { type Db } from '@dtts/db';
import { type Connector, ingestTableDDL } from '@dtts/ingest-core';

export const INGEST_TABLES: Record<string, string> = {
  quarantine: `source VARCHAR, table_name VARCHAR, file VARCHAR, "row" INTEGER, "column" VARCHAR, "value" VARCHAR,
    reason VARCHAR, "action" VARCHAR, year INTEGER, code VARCHAR, params VARCHAR`,
  files: `source VARCHAR, table_name VARCHAR, year INTEGER, file VARCHAR, sha256 VARCHAR, rows_read INTEGER,
    rows_loaded INTEGER, rows_quarantined INTEGER, rows_skipped INTEGER, warnings VARCHAR[]`,
  warnings: 'source VARCHAR, year INTEGER, file VARCHAR, code VARCHAR, message VARCHAR, params VARCHAR',
};

/** Creates schema `ingest` and every table that is missing; existing tables are left as they are. */
export async function ensureIngestTables(db: Db, connectors: readonly Connector[]): Promise<void> {
  await db.run('create schema if not exists ingest');
  for (const [table, columns] of Object.entries(INGEST_TABLES)) {
    await db.run(`create table if not exists ingest.${table} (${columns})`);
  }
  for (const connector of connectors) {
    for (const table of connector.tables) await db.run(ingestTableDDL(connector, table));
  }
}
