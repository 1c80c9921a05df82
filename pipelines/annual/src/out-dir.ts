// The output folder is built aside and swapped in only when the whole run succeeded,
// so a failed run leaves the previous outputs exactly as they were.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface StagedOutput {
  /** Where this run writes. */
  dir: string;
  /** Replace the output folder with the staged one. */
  commit(): Promise<void>;
  /** Throw the staged folder away. */
  discard(): Promise<void>;
}

export async function stageOutput(outDir: string, runId: string): Promise<StagedOutput> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `.${basename(outDir)}.building-${runId}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return {
    dir,
    async commit() {
      const old = join(parent, `.${basename(outDir)}.previous-${runId}`);
      const hadPrevious = await exists(outDir);
      if (hadPrevious) await rename(outDir, old);
      try {
        await rename(dir, outDir);
      } catch (error) {
        if (hadPrevious) await rename(old, outDir);
        throw error;
      }
      if (hadPrevious) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
