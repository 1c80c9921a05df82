// The source checks derived from the connector declarations (dbt's way: unique, not_null,
// accepted_values and relationships generated from the declared keys, required columns, value
// types and references, never written beside them), plus the declared row rules re-checked on
// the staged rows and every commune code checked against the frame in force.
import { type Connector, describeConnector, type TableDescription } from '@dtts/ingest-core';
import { finding } from '@dtts/messages';
import { acceptedValues, type Check, communeInFrame, notNull, recordKey, recordKeyOf, unique } from './builders.ts';

const shortName = (model: string) => model.split('__').at(-1)!;

function tableChecks(t: TableDescription): Check[] {
  const model = t.stagingModel;
  const out: Check[] = [];
  if (t.key.length > 0) out.push(unique(model, ['year', ...t.key]));
  const required = t.columns.filter((c) => c.required).map((c) => c.name);
  out.push(notNull(model, ['year', ...required]));
  for (const ref of t.references) {
    out.push({
      id: `relationship__${t.table}__${shortName(ref.model)}`, severity: 'error', model,
      finding: finding('check_relationship', { model, column: ref.column, target: `${ref.model}.${ref.modelColumn}` }),
      sql: `select ${recordKeyOf('s')} as failing_key
from ${model} as s
where s.${ref.column} is not null
  and not exists (select 1 from ${ref.model} as r where r.year = s.year and r.${ref.modelColumn} = s.${ref.column})`,
    });
  }
  for (const c of t.columns) {
    if (!c.accepted) continue;
    out.push(acceptedValues(model, c.name, 'values' in c.accepted ? c.accepted.values : c.accepted));
  }
  if (t.columns.some((c) => c.name === 'commune_code')) out.push(communeInFrame(model));
  const loaded = new Set(t.columns.map((c) => c.name));
  for (const rule of t.rowChecks) {
    // a rule over columns folded away at load (ma_xa, ten_xa) was fully enforced at ingest
    const words = rule.when.match(/[a-z_][a-z0-9_]*/g) ?? [];
    if (!loaded.has(rule.column) || words.some((w) => w.includes('_') && !loaded.has(w))) continue;
    out.push({
      id: `row_rule__${t.table}__${rule.column}`, severity: 'error', model,
      finding: finding('check_row_rule', { model, column: rule.column }),
      sql: `select ${recordKey} as failing_key from ${model} where ${rule.when}`,
    });
  }
  return out;
}

/** Every table with a birth year (birthColumns' `nam_sinh`): nobody is born after the data year. */
function birthYearCheck(tables: TableDescription[]): Check[] {
  const born = tables.filter((t) => t.columns.some((c) => c.name === 'nam_sinh'));
  if (born.length === 0) return [];
  return [{
    id: 'birth_year_not_after_year', severity: 'error', model: 'staging.*',
    finding: finding('check_birth_year_not_after_year', { models: born.map((t) => t.stagingModel).join(', ') }),
    sql: `select ${recordKey} as failing_key from (
  ${born.map((t) => `select year, nam_sinh, source_file, source_row from ${t.stagingModel}`).join('\n  union all ')}
) where nam_sinh > year`,
  }];
}

export function declaredSourceChecks(connectors: readonly Connector[]): Check[] {
  const tables = connectors.flatMap(describeConnector);
  return [...tables.flatMap(tableChecks), ...birthYearCheck(tables)];
}
