// `pnpm pipeline`: the one command an analyst runs each year. Errors are printed here, once.
import { relative } from 'node:path';
import { setDbSettings } from '@dtts/db';
import { readConfig, UsageError, USAGE } from './config.ts';
import { OutDirRefused } from './out-dir.ts';
import { RunFailed, runPipeline } from './run.ts';
import { summary } from './summary.ts';

// On a terminal the status line is rewritten in place; elsewhere (a log file, CI) it is left out.
const tty = process.stdout.isTTY === true;
let statusShown = false;
const clearStatus = () => {
  if (statusShown) process.stdout.write('\r\x1b[K');
  statusShown = false;
};
const log = {
  info: (m: string) => {
    clearStatus();
    console.log(m);
  },
  progress: (m: string) => {
    clearStatus();
    console.log(m);
  },
  status: (m: string) => {
    if (!tty) return;
    process.stdout.write(`\r\x1b[K${m.slice(0, (process.stdout.columns || 100) - 1)}`);
    statusShown = true;
  },
};

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  if (config === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (config.db) setDbSettings(config.db);
  console.log(`Pipeline: sources ${relative(process.cwd(), config.sourcesDir) || '.'} → ${relative(process.cwd(), config.outDir) || '.'}`);
  const manifest = await runPipeline(config, log);
  clearStatus();
  console.log(summary(manifest, config.outDir));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    clearStatus();
    if (error instanceof OutDirRefused) {
      console.error(`The run was refused: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof RunFailed) {
      console.error(`\nThe run FAILED; the previous outputs were left as they were.`);
      for (const f of error.manifest.failures) console.error(`  ${f.stage}${f.source ? ` / ${f.source}` : ''}: ${f.message}`);
      process.exit(1);
    }
    console.error(`\nThe run FAILED with an unexpected error; the previous outputs were left as they were.`);
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
