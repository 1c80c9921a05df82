export { referenceDataDir, parseCsv, readReferenceCsv } from './csv.ts';
export type { CsvRow } from './csv.ts';
export { communeUnits, crosswalk2025, merger2020, unitsInForce, isInForce } from './communes.ts';
export type { CommuneUnit } from './communes.ts';
export { ethnicGroups } from './ethnic-groups.ts';
export type { EthnicGroup } from './ethnic-groups.ts';
