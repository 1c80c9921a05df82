// Each text column's distinct texts of a query, found by DuckDB: the dictionaries that the Arrow
// export (export-arrow.ts) and the public numbers' reader (reports/src/read-rows.ts) cast texts to, so
// that a text is decoded once, not once per row.
import { type Db, quoteIdent, quoteLiteral } from '@dtts/db';

/** A column of a query as DuckDB's `describe` gives it. */
export interface DescribedColumn {
  column_name: string;
  column_type: string;
}

/** Each text column's distinct non-NULL texts, by DuckDB (a grouping per column, which lets it skip the rows' order). */
export async function distinctTexts(db: Db, sql: string, columns: readonly DescribedColumn[]): Promise<Map<string, string[]>> {
  const texts = columns.filter((c) => c.column_type === 'VARCHAR');
  const dictionaries = new Map(texts.map((c) => [c.column_name, [] as string[]]));
  if (!texts.length) return dictionaries;
  const perColumn = texts.map((c, i) => {
    const column = `q.${quoteIdent(c.column_name)}`;
    return `select ${i} as i, ${column} as text from (${sql}) q where ${column} is not null group by ${column}`;
  });
  for (const { i, text } of await db.all<{ i: number; text: string }>(perColumn.join(' union all '))) dictionaries.get(texts[i]!.column_name)!.push(text);
  return dictionaries;
}

/** The ENUM type of a column's distinct texts (at least one), to cast the column to. */
export function enumOf(texts: readonly string[]): string {
  return `enum(${texts.map(quoteLiteral).join(', ')})`;
}
