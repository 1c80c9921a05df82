// `pnpm bench`: the pipeline's ingestion against a bare DuckDB read_csv of the same files, in one run.
// The sample is generated at the district's full size as plain CSV (generateSample csvOnly).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Db, quoteLiteral } from '@dtts/db';
import { ingest } from '@dtts/ingest-core';
import { generateSample } from '@dtts/sample';
import { repoRoot } from './config.ts';
import { connectors } from './connectors.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' } } });
const scale = Number(values.scale);
const runs = Number(values.runs);
const dir = join(repoRoot(), '.bench');
const sources = join(dir, 'sources');

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

console.log(`Generating the sample at scale ${scale} as plain CSV in ${sources} …`);
await rm(dir, { recursive: true, force: true });
const genSeconds = await time(() => generateSample({ dir: sources, scale, csvOnly: true }));
console.log(`  generated in ${genSeconds.toFixed(1)} s`);

/** Bare DuckDB: one read_csv per table and year, all of its files at once, into a database file. */
async function bareLoad(path: string): Promise<number> {
  const db = await Db.open(path);
  let rows = 0;
  try {
    for (const connector of connectors) {
      for (const year of await readdir(join(sources, connector.id))) {
        const files = await readdir(join(sources, connector.id, year));
        for (const table of connector.tables) {
          const mine = files.filter((f) => f.startsWith(`${table.name}_`) || f === `${table.name}.csv`).map((f) => join(sources, connector.id, year, f));
          if (mine.length === 0) continue;
          const name = `${connector.warehouseTable(table.name)}_${year}`;
          await db.run(`CREATE TABLE "${name}" AS SELECT * FROM read_csv([${mine.map(quoteLiteral).join(', ')}], header = true, union_by_name = true)`);
          rows += (await db.one<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))?.n ?? 0;
        }
      }
    }
  } finally {
    db.close();
  }
  return rows;
}

async function pipelineIngest(path: string): Promise<number> {
  const db = await Db.open(path);
  try {
    const result = await ingest({ db, sourcesDir: sources, connectors, hashKey: 'benchmark-key-0123456789' });
    if (result.failures.length > 0) throw new Error(result.failures.map((f) => f.message).join('\n'));
    return result.files.reduce((n, f) => n + f.rowsLoaded, 0);
  } finally {
    db.close();
  }
}

const bare: number[] = [];
const ours: number[] = [];
let bareRows = 0;
let loadedRows = 0;
for (let i = 0; i < runs; i++) {
  await rm(join(dir, 'bare.duckdb'), { force: true });
  await rm(join(dir, 'pipeline.duckdb'), { force: true });
  bare.push(await time(async () => (bareRows = await bareLoad(join(dir, 'bare.duckdb')))));
  ours.push(await time(async () => (loadedRows = await pipelineIngest(join(dir, 'pipeline.duckdb')))));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(`\nRows: bare read_csv ${bareRows.toLocaleString('en')}, pipeline loaded ${loadedRows.toLocaleString('en')}`);
console.log(`Bare DuckDB read_csv load : median ${median(bare).toFixed(2)} s  (runs: ${bare.map((s) => s.toFixed(2)).join(', ')})`);
console.log(`Pipeline ingest           : median ${median(ours).toFixed(2)} s  (runs: ${ours.map((s) => s.toFixed(2)).join(', ')})`);
console.log(`Ratio pipeline / bare     : ${(median(ours) / median(bare)).toFixed(2)}×`);
