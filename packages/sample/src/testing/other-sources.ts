// Test helper: the five §7 sources of a generated sample read back through their real connectors.
import { Db } from '@dtts/db';
import { activities } from '@dtts/connector-activities';
import { civilRegistration } from '@dtts/connector-civil-registration';
import { health } from '@dtts/connector-health';
import { staff } from '@dtts/connector-staff';
import { villages } from '@dtts/connector-villages';
import { ingest, type IngestResult } from '@dtts/ingest-core';

export const OTHER_CONNECTORS = [health, civilRegistration, staff, villages, activities] as const;
export const OTHER_SOURCES: readonly string[] = OTHER_CONNECTORS.map((c) => c.id);

export interface QuarantineRow { file: string; row: number; column: string; action: string; reason: string; value: string | null }

/** Ingests the sources folder's §7 files into an in-memory DuckDB; the caller closes the Db. */
export async function ingestOtherSources(sourcesDir: string): Promise<{ db: Db; result: IngestResult; quarantine: QuarantineRow[] }> {
  const db = await Db.open();
  const result = await ingest({ db, sourcesDir, connectors: OTHER_CONNECTORS, hashKey: 'sample-test-key-0123456' });
  const quarantine = await db.all<QuarantineRow>(`SELECT file, "row", "column", action, reason, value FROM ingest.quarantine ORDER BY file, "row"`);
  return { db, result, quarantine };
}
