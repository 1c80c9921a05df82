// The Excel appendix alone, for a run without the site (`pnpm pipeline --skip-reports`): its own entry
// (`@dtts/reports/appendix`) so that such a run does not load the charts, the printed report and the
// site builder (≈ 1.1 s of module loading on every run). The pipeline reads the public numbers on a
// connection of its warehouse and writes the workbook (pipelines/annual/src/run.ts).
export { writeExcelAppendix } from './excel-appendix.ts';
export { readPublicDataFrom, type PublicNumbers, type RunInfo } from './public-data.ts';
