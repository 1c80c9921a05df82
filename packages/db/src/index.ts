// A thin wrapper over @duckdb/node-api: open, run, read rows as objects, close.
// Extensions are never downloaded (the machine and the analysts' PCs may be offline).
import {
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

import { instanceOptions } from './settings.ts';

export type Row = Record<string, unknown>;

export class Db {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** A forked Db shares its parent's database: closing it closes only its connection. */
    private readonly ownsInstance = true,
  ) {}

  /** Another connection to the same database, for work that runs at the same time. */
  async fork(): Promise<Db> {
    return new Db(this.path, this.instance, await this.instance.connect(), false);
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

  /** Opens (or creates) a DuckDB database file; ':memory:' for an in-memory one. Resources: settings.ts. */
  static async open(path = ':memory:'): Promise<Db> {
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
export { isAlive } from './process.ts';
