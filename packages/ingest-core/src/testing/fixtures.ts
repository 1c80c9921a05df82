// Fixture writers, importable without vitest (fixture scripts run under tsx).
export { writeCsv, writeXlsx, type Cell, type CsvOptions, type XlsxSheet } from './fixture-writers.ts';
export { encodeTcvn3 } from './tcvn3-encode.ts';
