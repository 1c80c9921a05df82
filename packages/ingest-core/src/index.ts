export * from './contract.ts';
export * as v from './values/index.ts';
export type { ValueType, ParseContext, ValueInput, Choice } from './values/types.ts';
export { ingest, createIngestSchema, ENGINE_TABLES, mapConcurrently, type FileReport, type IngestEvent, type IngestOptions, type IngestResult } from './engine.ts';
export { discover, tableForFile } from './discover.ts';
export { SourceFileError } from './errors.ts';
export { ingestTableDDL, loadedColumns } from './load-table.ts';
export { FORM_SHEETS } from './read/index.ts';
export { hashFile } from './read/scan.ts';
export { birthColumns, birthColumnsOf, communeColumns, type ColumnGroup } from './column-groups.ts';
export { minAgeAtEvent } from './row-rules.ts';
export { describeConnector, describeTable, referenceDateSql, stagingModelName, type LoadedColumn, type TableDescription } from './describe.ts';
export type { AcceptedValues } from './values/types.ts';

// Findings are declared with their code (worded in @dtts/messages), so a connector needs no other import.
export { finding, type Finding, type MessageCode } from '@dtts/messages';
