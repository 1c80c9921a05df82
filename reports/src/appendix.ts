// The Excel appendix alone, for a run without the site (`pnpm pipeline --skip-reports`): its own entry
// (`@dtts/reports/appendix`) so that such a run does not load the charts, the printed report and the
// site builder (≈ 1.1 s of module loading on every run).
import { writeExcelAppendix } from './excel-appendix.ts';
import { readPublicData, readPublicDataFrom, type PublicNumbers, type RunInfo } from './public-data.ts';

export { readPublicDataFrom, writeExcelAppendix, type PublicNumbers, type RunInfo };

/** The Excel appendix alone: the public rows are computed as for the site. */
export async function writeAppendix(warehousePath: string, appendixPath: string, run: RunInfo): Promise<void> {
  await writeExcelAppendix(appendixPath, await readPublicData(warehousePath, run), run);
}
