import { Db } from '@dtts/db';
const db = await Db.open(process.env.DB ?? '/tmp/ind-out/warehouse.duckdb');
for (const q of process.argv.slice(2)) { console.log(q.slice(0, 100)); console.table(await db.all(q)); }
db.close();
