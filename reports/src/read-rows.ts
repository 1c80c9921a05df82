// Rows of a query as plain objects, read column by column. Db.all decodes every text of every row
// from DuckDB's buffers and copies each row object once more (toPlain); on the district's 51k
// indicator values that was 1.2 s and much of the stage's garbage. Here each text column is cast to an
// ENUM of its distinct texts (found by DuckDB first), so a row's text is one of a few hundred strings
// decoded once, and each row object is built once, its fields in the query's order.
import { type Db, plainValue, quoteIdent } from '@dtts/db';
import { type DescribedColumn as Column, distinctTexts, enumOf } from '@dtts/warehouse';

/**
 * The rows of `sql` (in the order of `orderBy`, SQL, when given) as plain objects, valued as Db.all
 * values them (BIGINT and DECIMAL as numbers, dates as ISO texts); meant for results whose texts
 * repeat (codes, names, labels). The order is kept apart from `sql` so that finding the distinct
 * texts need not sort the rows once per text column.
 */
export async function readRows<T>(db: Db, sql: string, orderBy?: string): Promise<T[]> {
  const columns = await db.all<Column>(`describe (${sql})`);
  const texts = await distinctTexts(db, sql, columns);
  const select = columns.map((c) => {
    const column = `q.${quoteIdent(c.column_name)}`;
    const dictionary = texts.get(c.column_name);
    // an ENUM needs one value at least; a column of NULLs only stays as it is
    return dictionary?.length ? `cast(${column} as ${enumOf(dictionary)}) as ${quoteIdent(c.column_name)}` : column;
  });
  // sorted on the texts themselves, before the cast (an ENUM sorts in its values' order)
  const ordered = orderBy ? `select * from (${sql}) order by ${orderBy}` : sql;
  const chunks = await (await db.connection.run(`select ${select.join(', ')} from (${ordered}) q`)).fetchAllChunks();
  const names = columns.map((c) => c.column_name);
  const plain = columns.map((c) => !['VARCHAR', 'DOUBLE', 'INTEGER', 'BOOLEAN'].includes(c.column_type));
  const rows: T[] = [];
  for (const chunk of chunks) {
    const count = chunk.rowCount; // a native call each time: read once per chunk
    const start = rows.length;
    for (let i = 0; i < count; i++) rows.push({} as T);
    names.forEach((name, c) => {
      const vector = chunk.getColumnVector(c);
      for (let i = 0; i < count; i++) {
        const value = vector.getItem(i);
        (rows[start + i] as Record<string, unknown>)[name] = plain[c] ? plainValue(value) : value;
      }
    });
  }
  return rows;
}
