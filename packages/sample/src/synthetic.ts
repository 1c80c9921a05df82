// `pnpm sample --communes N`: a synthetic geography of N communes, written as a reference folder and
// made the one this process generates for (the benchmarks' province-sized runs).
import { useReferenceDir } from '@dtts/reference';
import { rebuildCommuneModels } from './model/communes.ts';
import { syntheticGeography } from './model/geography.ts';
import { writeReferenceDir } from './write/reference.ts';

export interface SyntheticGeographyWritten { referenceDir: string; communes: number; communes2025: number }

/** Writes the reference folder of N synthetic communes to `referenceDir` and generates for it from now on. */
export async function useSyntheticGeography(communes: number, referenceDir: string): Promise<SyntheticGeographyWritten> {
  const geography = syntheticGeography(communes);
  await writeReferenceDir(referenceDir, geography);
  useReferenceDir(referenceDir);
  rebuildCommuneModels();
  return { referenceDir, communes: geography.communes, communes2025: geography.communes2025 };
}
