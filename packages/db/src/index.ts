// A thin wrapper over @duckdb/node-api: open, run, read rows as objects, close.
// Extensions are never downloaded (the machine and the analysts' PCs may be offline).
import {
  DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

import { basename } from 'node:path';
import { instanceOptions } from './settings.ts';

export type Row = Record<string, unknown>;

export class Db {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** A forked Db shares its parent's database: closing it closes only its connection. */
    private readonly ownsInstance = true,
    /** The catalog a new connection must USE: the database file when it was attached with options (open's rowGroupSize). */
    private readonly attached?: string,
  ) {}

  /** Another connection to the same database, for work that runs at the same time. */
  async fork(): Promise<Db> {
    const connection = await this.instance.connect();
    if (this.attached) await connection.run(`USE ${quoteIdent(this.attached)}`);
    return new Db(this.path, this.instance, connection, false, this.attached);
  }

  /**
   * Runs fn while `ways` pieces of work run at once on forks of this database: DuckDB's threads
   * (one setting for the whole database) are shared out among them, at least one each, and given
   * back afterwards. The pieces already keep the cores busy; DuckDB's own threads on top of them
   * mostly add locking (ingestion and the warehouse models, BENCHMARKS.md).
   */
  async withThreadsShared<T>(ways: number, fn: () => Promise<T>): Promise<T> {
    const threads = (await this.one<{ n: number }>(`SELECT current_setting('threads')::INTEGER AS n`))?.n ?? 1;
    await this.run(`SET threads = ${Math.max(1, Math.ceil(threads / Math.max(1, ways)))}`);
    try {
      return await fn();
    } finally {
      await this.run(`SET threads = ${threads}`);
    }
  }

  /**
   * Opens (or creates) a DuckDB database file; ':memory:' for an in-memory one. Resources: settings.ts.
   * `rowGroupSize` (rows, a multiple of 2048) sets the size of the row groups DuckDB writes to the
   * file (122,880 by default): the file is then attached to an in-memory instance under the name
   * DuckDB would give it (its file name without extension), and every connection uses it.
   */
  static async open(path = ':memory:', options: { rowGroupSize?: number } = {}): Promise<Db> {
    const name = basename(path).replace(/\.[^.]*$/, '');
    if (options.rowGroupSize !== undefined && path !== ':memory:' && path !== '' && !RESERVED_CATALOGS.has(name.toLowerCase())) {
      if (!Number.isInteger(options.rowGroupSize) || options.rowGroupSize % 2048 !== 0 || options.rowGroupSize <= 0) {
        throw new Error(`rowGroupSize ${options.rowGroupSize}: a positive multiple of 2048`);
      }
      const instance = await DuckDBInstance.create(':memory:', instanceOptions(path));
      const connection = await instance.connect();
      try {
        await connection.run(`ATTACH ${quoteLiteral(path)} AS ${quoteIdent(name)} (ROW_GROUP_SIZE ${options.rowGroupSize})`);
        await connection.run(`USE ${quoteIdent(name)}`);
      } catch (error) {
        connection.closeSync();
        instance.closeSync();
        throw error;
      }
      return new Db(path, instance, connection, true, name);
    }
    const instance = await DuckDBInstance.create(path, instanceOptions(path));
    const connection = await instance.connect();
    return new Db(path, instance, connection);
  }

  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a script of several statements separated by semicolons. */
  async exec(sql: string): Promise<void> {
    const extracted = await this.connection.extractStatements(sql);
    for (let i = 0; i < extracted.count; i++) {
      const prepared = await extracted.prepare(i);
      await prepared.run();
    }
  }

  /** Rows as plain objects; BIGINT/HUGEINT become numbers when safe, DECIMAL numbers, dates ISO strings. */
  async all<T = Row>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjects().map(toPlain) as T[];
  }

  async one<T = Row>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

/** Catalog names DuckDB keeps for itself: a file named so is opened the plain way. */
const RESERVED_CATALOGS = new Set(['memory', 'temp', 'system', 'main']);

function toPlain(row: Record<string, DuckDBValue>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

/** BIGINT and DECIMAL become numbers, DATE and TIMESTAMP ISO strings, lists arrays; other values as they are. */
export function plainValue(value: DuckDBValue): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? Number(value) : value;
  }
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue || value instanceof DuckDBTimestampValue) return value.toString();
  if (value instanceof DuckDBListValue) return value.items.map(plainValue);
  return value.toString();
}

/** Runs fn with a database that is always closed afterwards. */
export async function withDb<T>(path: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await Db.open(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export * from './cells.ts';
export { DEFAULT_DB_SETTINGS, DbSettingsError, dbSettings, MEMORY_LIMIT_PATTERN, setDbSettings, type DbSettings } from './settings.ts';
