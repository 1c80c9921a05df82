// Bulk-loading rows of text from JavaScript into DuckDB through the Appender, in data chunks.
import { DuckDBDataChunk, VARCHAR, INTEGER, type DuckDBValue } from '@duckdb/node-api';
import { quoteIdent, type Db } from '@dtts/db';

const CHUNK = 2048;

/** Creates `table` with (file_idx INTEGER, row_no INTEGER, <columns> VARCHAR) and returns a function that appends rows. */
export async function createWorkTable(db: Db, table: string, columns: readonly string[]) {
  const defs = ['file_idx INTEGER', 'row_no INTEGER', ...columns.map((c) => `${quoteIdent(c)} VARCHAR`)];
  await db.run(`CREATE OR REPLACE TABLE ${table} (${defs.join(', ')})`);
  const [catalog, name] = table.split('.');
  const types = [INTEGER, INTEGER, ...columns.map(() => VARCHAR)];
  return {
    /** Appends one file's rows (an appender per call, so SQL inserts may come in between). */
    async append(fileIdx: number, rows: readonly { rowNo: number; cells: readonly (string | null)[] }[]): Promise<void> {
      const appender = await db.connection.createAppender(name ?? table, name ? 'main' : null, name ? catalog : null);
      for (let start = 0; start < rows.length; start += CHUNK) {
        const slice = rows.slice(start, start + CHUNK);
        const chunk = DuckDBDataChunk.create(types, slice.length);
        const data: DuckDBValue[][] = types.map(() => new Array<DuckDBValue>(slice.length));
        slice.forEach((row, i) => {
          data[0]![i] = fileIdx;
          data[1]![i] = row.rowNo;
          for (let c = 0; c < columns.length; c++) data[c + 2]![i] = row.cells[c] ?? null;
        });
        chunk.setColumns(data);
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
      appender.closeSync();
    },
  };
}
