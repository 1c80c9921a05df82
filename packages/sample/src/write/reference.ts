// The reference folder of a synthetic geography, for `pnpm pipeline --reference DIR`: the five commune
// files in the bundled files' columns (read from the bundled headers, not copied here) and a copy of
// the standards every folder carries (ethnic groups, WHO table, encoding maps).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GEOGRAPHY_FILES, referenceCsvHeader, referenceDataDir, STANDARD_FILES } from '@dtts/reference';
import type { SyntheticGeography } from '../model/geography.ts';

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeReferenceDir(dir: string, geography: SyntheticGeography): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of GEOGRAPHY_FILES) {
    const header = referenceCsvHeader(file);
    const lines = [
      `# SOURCE: SYNTHETIC geography for benchmarks (pnpm sample --communes ${geography.communes}): invented units, not real ones.`,
      header.join(','),
      ...geography.files[file].map((row) => header.map((c) => field(row[c] ?? '')).join(',')),
    ];
    await writeFile(join(dir, file), `${lines.join('\n')}\n`);
    written.push(file);
  }
  for (const file of STANDARD_FILES) {
    await copyFile(join(referenceDataDir, file), join(dir, file));
    written.push(file);
  }
  return written;
}
