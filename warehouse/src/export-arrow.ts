// exports/indicator_values.arrow: the same rows as the CSV and Parquet, as an Arrow IPC file that
// R (arrow::read_ipc_file), pandas (pyarrow.ipc / pandas.read_feather) and Observable
// (Arrow JS) open without a parser. DuckDB here has no Arrow output, so the result is read in
// columns and each column becomes an Arrow vector of the type DuckDB reports for it.
import { writeFileSync } from 'node:fs';
import { type Db } from '@dtts/db';
import {
  Bool, type DataType, Float64, Int32, Int64, Table, tableToIPC, Utf8, type Vector, vectorFromArray,
} from 'apache-arrow';

/** DuckDB type name → Arrow type. A type missing here fails the export with its name (never a silent text cast). */
const ARROW_TYPES: Record<string, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  BIGINT: () => new Int64(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/** Runs `sql` and writes its result to `path` as an Arrow IPC file; returns the row count. */
export async function writeArrowIpc(db: Db, sql: string, path: string): Promise<number> {
  const reader = await db.connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const columns = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const make = ARROW_TYPES[types[i]!];
    if (!make) throw new Error(`Arrow export: column ${name} has DuckDB type ${types[i]}, which has no Arrow mapping here`);
    vectors[name] = vectorFromArray(columns[i]!, make());
  });
  const table = new Table(vectors);
  writeFileSync(path, tableToIPC(table, 'file'));
  return table.numRows;
}
