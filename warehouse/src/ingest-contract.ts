// The `ingest.*` tables of docs/warehouse-tables.md. The warehouse reads only these; a source that
// was not delivered still gets its (empty) tables so every model builds. Nothing is declared here:
// a source's tables come from its connector declaration, the bookkeeping tables from the engine.
import type { Db } from '@dtts/db';
import { type Connector, createIngestSchema, ENGINE_TABLES } from '@dtts/ingest-core';

/** The engine's bookkeeping tables (quarantine, files, warnings), as @dtts/ingest-core declares them. */
export const INGEST_TABLES: Readonly<Record<string, string>> = ENGINE_TABLES;

/** Creates schema `ingest` and every table that is missing; existing tables are left as they are. */
export async function ensureIngestTables(db: Db, connectors: readonly Connector[]): Promise<void> {
  await createIngestSchema(db, connectors);
}
