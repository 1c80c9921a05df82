// The public database's small helpers: typed tables written through NDJSON, and what the attached
// warehouse (`wh`) has.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Db, quoteIdent, quoteLiteral } from '@dtts/db';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

/** Loads rows through NDJSON (fast, and the column types are stated, not guessed). */
export async function writeTable(db: Db, workDir: string, name: string, columns: Record<string, ColumnType>, rows: object[]): Promise<void> {
  const file = join(workDir, `${name}.ndjson`);
  await writeFile(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const spec = Object.entries(columns).map(([c, t]) => `${quoteLiteral(c)}: ${quoteLiteral(t)}`).join(', ');
  const cols = Object.keys(columns).map(quoteIdent).join(', ');
  if (rows.length === 0) {
    await db.run(`create table ${quoteIdent(name)} (${Object.entries(columns).map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ')})`);
  } else {
    await db.run(`create table ${quoteIdent(name)} as select ${cols} from read_json(${quoteLiteral(file)}, format = 'newline_delimited', columns = {${spec}})`);
  }
  await rm(file);
}

export function typesOf(sample: object): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const [c, v] of Object.entries(sample)) out[c] = typeof v === 'number' ? 'DOUBLE' : typeof v === 'boolean' ? 'BOOLEAN' : 'VARCHAR';
  return out;
}

export async function hasTable(db: Db, schema: string, table: string, catalog = 'wh'): Promise<boolean> {
  const r = await db.one<{ n: number }>(
    `select count(*) n from information_schema.tables where table_catalog = ? and table_schema = ? and table_name = ?`, [catalog, schema, table]);
  return (r?.n ?? 0) > 0;
}

export async function columnsOf(db: Db, schema: string, table: string, catalog = 'wh'): Promise<{ name: string; type: string }[]> {
  return db.all(`select column_name as name, data_type as type from information_schema.columns
    where table_catalog = ? and table_schema = ? and table_name = ? order by ordinal_position`, [catalog, schema, table]);
}

/**
 * Evidence 39 cannot read a source query that returns no rows (its parquet file is "too small to be a
 * Parquet file" and the build fails: evidence-dev/evidence#2466). A table that is empty this run (no
 * previous run to compare with, a run without quarantine) gets one row of NULLs; pages skip it.
 */
export async function fillEmptyTables(db: Db): Promise<void> {
  const tables = await db.all<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'main' and table_catalog = current_database()`);
  for (const { name } of tables) {
    const n = await db.one<{ n: number }>(`select count(*)::INTEGER as n from ${quoteIdent(name)}`);
    if ((n?.n ?? 0) === 0) await db.run(`insert into ${quoteIdent(name)} default values`);
  }
}
