// Last year's rows of a `prefillRows` table, turned back into what a clerk would type: only the
// identifying columns (the key, the required ones, the one-of groups such as the commune), each
// value in the form's own list spelling and, for communes, as the unit in force this year.
import type { Connector, ParseContext, TableSpec } from '@dtts/ingest-core';
import type { FormColumn } from './columns.ts';
import type { PreviousYear } from './previous.ts';

export function prefillRows(connector: Connector, table: TableSpec, columns: FormColumn[], previous: PreviousYear, year: number): Record<string, string | null>[] {
  if (!table.prefillRows) return [];
  const rows = previous.rows(connector, table.name);
  if (rows.length === 0) return [];
  const ctx: ParseContext = { referenceDate: connector.referenceDate(year), year };
  const identifying = columns.filter((c) => c.required !== 'no' || table.key?.includes(c.name));
  const source = new Map(identifying.map((c) => [c.name, loadedColumnFor(table, c.name)]));
  const spell = new Map(identifying.map((c) => [c.name, respeller(table, c, ctx)]));
  return rows.map((row) =>
    Object.fromEntries(identifying.map((c) => {
      const loaded = row[source.get(c.name) ?? c.name] ?? null;
      return [c.name, loaded === null ? null : spell.get(c.name)!(loaded)];
    })),
  );
}

/** A column folded into a derived one (`ma_xa` into `commune_code`) is read back from it. */
function loadedColumnFor(table: TableSpec, name: string): string {
  if (!table.omit?.includes(name)) return name;
  const mention = new RegExp(`\\b${name}\\b`);
  return Object.entries(table.derived ?? {}).find(([, d]) => mention.test(d.sql))?.[0] ?? name;
}

/**
 * Loaded value → the list's spelling of it this year: every choice is parsed as the engine would
 * parse it, and the loaded value is parsed the same way (which maps an abolished commune forward).
 */
function respeller(table: TableSpec, c: FormColumn, ctx: ParseContext): (loaded: string) => string | null {
  const type = table.columns[c.name]?.type;
  if (!c.choices || !c.closedList || type?.kind !== 'parse') return (loaded) => loaded;
  const schema = type.schema(ctx);
  const parse = (text: string) => {
    const r = schema.safeParse(text);
    return r.success ? r.data : null;
  };
  const byValue = new Map<string, string>();
  for (const choice of c.choices) {
    const parsed = parse(choice.value);
    if (parsed !== null && !byValue.has(parsed)) byValue.set(parsed, choice.value);
  }
  // A loaded value is already parsed (a commune code behind `ten_xa`); else it is parsed again
  // under this year's reference date, which carries an abolished commune forward.
  return (loaded) => {
    const direct = byValue.get(loaded);
    if (direct !== undefined) return direct;
    const parsed = parse(loaded);
    return parsed === null ? null : (byValue.get(parsed) ?? null);
  };
}
