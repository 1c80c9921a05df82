// The exports stage's indicator files alone (CSV, Parquet, Arrow), on a copy of a warehouse, with wall
// and CPU time per run: tsx test/bench-export.ts WAREHOUSE.duckdb OUT_DIR
import { Db } from '@dtts/db';
import { exportIndicators } from '../src/export.ts';

const [warehouse, out] = process.argv.slice(2);
if (!warehouse || !out) throw new Error('usage: tsx test/bench-export.ts WAREHOUSE.duckdb OUT_DIR');
const db = await Db.open(warehouse);
try {
  for (let i = 1; i <= 3; i++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const { rows } = await exportIndicators(db, out);
    const used = process.cpuUsage(cpu);
    console.log(`exportIndicators #${i}: ${rows} rows, ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
  }
} finally {
  db.close();
}
