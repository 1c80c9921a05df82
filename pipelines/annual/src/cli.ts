// `pnpm pipeline`: the one command an analyst runs each year. Errors are printed here, once.
import { relative } from 'node:path';
import { readConfig, UsageError, USAGE } from './config.ts';
import { OutDirRefused } from './out-dir.ts';
import { RunFailed, runPipeline } from './run.ts';
import { summary } from './summary.ts';

const log = {
  info: (m: string) => console.log(m),
  progress: (m: string) => console.log(m),
};

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  if (config === 'help') {
    console.log(USAGE);
    return 0;
  }
  console.log(`Pipeline: sources ${relative(process.cwd(), config.sourcesDir) || '.'} → ${relative(process.cwd(), config.outDir) || '.'}`);
  const manifest = await runPipeline(config, log);
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
