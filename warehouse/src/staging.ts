// Staging models generated from the connector declarations: one per source table, renaming and
// casting the ingest table to the declared types and adding the source's reference date. Nothing
// about a source's columns or dates is written in SQL by hand.
import { type Connector, describeConnector, referenceDateSql, type TableDescription } from '@dtts/ingest-core';
import { type Model, modelFromSql, VIEW_HEADER, YEAR_GRAIN_HEADER } from './models.ts';

export function stagingSql(connector: Connector, t: TableDescription): string {
  const columns = t.columns.map((c) => `        cast(${c.name} as ${c.sqlType.toLowerCase()}) as ${c.name},`);
  return `-- ${t.source} ${t.table} (${t.ingestTable}): rename and cast, no joins.
-- Generated from the connector declaration of "${t.source}" by warehouse/src/staging.ts.
${YEAR_GRAIN_HEADER}
${VIEW_HEADER}
with source as (
    select * from ${t.ingestTable}
),

renamed as (
    select
        cast(year as integer) as year,
        ${referenceDateSql(connector)} as reference_date,
${columns.join('\n')}
        source_file,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed`;
}

/** One staging model per table of every connector. */
export function stagingModels(connectors: readonly Connector[]): Model[] {
  return connectors.flatMap((c) =>
    describeConnector(c).map((t) => modelFromSql(t.stagingModel, stagingSql(c, t), `connector ${c.id} (generated)`)));
}
