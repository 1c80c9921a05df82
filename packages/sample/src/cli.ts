// Usage: tsx packages/sample/src/cli.ts --out DIR [--scale 0.1] [--years 2020-2025] [--csv-only] [--truth FILE] [--seed 28]
//        [--communes N --reference-out DIR]   a synthetic geography of N communes (with --csv-only)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from './generate.ts';
import { useSyntheticGeography } from './synthetic.ts';

function parseYears(s: string): number[] {
  const years: number[] = [];
  for (const part of s.split(',')) {
    const [a, b] = part.split('-').map((x) => Number(x.trim()));
    if (a === undefined || Number.isNaN(a) || (b !== undefined && Number.isNaN(b))) throw new Error(`--years: cannot read "${s}"`);
    for (let y = a; y <= (b ?? a); y++) years.push(y);
  }
  return years;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' }, scale: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' },
      'csv-only': { type: 'boolean' }, truth: { type: 'string' }, communes: { type: 'string' }, 'reference-out': { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out DIR is required');
  const started = performance.now();
  if (values.communes !== undefined) {
    // The varied files follow the real communes' house styles; a synthetic geography has none.
    if (!values['csv-only']) throw new Error('--communes N writes the plain CSV files only: add --csv-only');
    const referenceDir = resolve(values['reference-out'] ?? `${resolve(values.out)}-reference`);
    const geography = await useSyntheticGeography(Number(values.communes), referenceDir);
    console.log(`Wrote a synthetic geography of ${geography.communes} communes (${geography.communes2025} from 1 Jul 2025) to ${referenceDir}; run the pipeline with --reference ${referenceDir}.`);
  }
  const summary = await generateSample({
    dir: resolve(values.out),
    ...(values.years ? { years: parseYears(values.years) } : {}),
    ...(values.scale ? { scale: Number(values.scale) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    csvOnly: values['csv-only'] ?? false,
    ...(values.truth ? { truthFile: resolve(values.truth) } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${summary.files.length} files to ${summary.dir} in ${seconds} s (scale ${summary.options.scale}, seed ${summary.options.seed}${summary.options.csvOnly ? ', CSV only' : ''}).`);
  console.log('source            year  table       files     rows');
  for (const r of summary.rows) {
    console.log(`${r.source.padEnd(17)} ${r.year}  ${r.table.padEnd(10)} ${String(r.files).padStart(5)} ${String(r.rows).padStart(8)}`);
  }
  console.log(`Planted bad rows: ${summary.badRows.length}; ignored files: ${summary.ignoredFiles.length}.`);
  if (summary.missingSourceYears.length > 0) console.log(`No folder (on purpose): ${summary.missingSourceYears.map((m) => `${m.source}/${m.year}/`).join(', ')}.`);
  if (values.truth) console.log(`Truth written to ${resolve(values.truth)}.`);
}

main().catch((err: unknown) => {
  console.error(`sample: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
