// What `evidence sources` writes for the site's one source (`pub`, the public DuckDB file), written by
// our own DuckDB in this process instead of Evidence's CLI. The CLI took 4.4–4.6 s and ≈ 6 CPU s a
// build for 22 small tables: it loads its tooling (Vite among it), compiles DuckDB's WebAssembly build,
// opens the database once per query, turns every row into a JavaScript object and then into Arrow and
// Parquet. Here each query is one COPY (BENCHMARKS.md, "1 Dec, night").
//
// The output is Evidence's own, file for file, for the versions installed (39.1.13, the DuckDB connector
// 2.0.1, `EVIDENCE_VERSIONS`): under `.evidence/template/static/data/`, per query `pub/<q>/<q>.parquet`
// (numbers as DOUBLE, booleans as BOOLEAN, texts as VARCHAR: the Arrow types Evidence's
// `buildMultipartParquet` gives its column types; ZSTD) and `pub/<q>/<q>.schema.json` (the connector's
// column types), and `manifest.json` listing the files. `evidence-sources.test.ts` runs the real CLI on
// the same public database and compares every file's rows, types and texts. Anything this does not
// reproduce (other Evidence versions, another source or connector, a column type other than numbers,
// texts and booleans) is left to the CLI: `writeEvidenceSources` then returns false.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Db, quoteIdent, quoteLiteral } from '@dtts/db';
import { packageVersion } from './site-cache.ts';

/** The versions whose `evidence sources` output this reproduces (checked by evidence-sources.test.ts). */
export const EVIDENCE_VERSIONS = { '@evidence-dev/evidence': '39.1.13', '@evidence-dev/duckdb': '2.0.1' } as const;

/** Where `evidence sources` writes, relative to the project (its EVIDENCE_DATA_DIR default), and the URL prefix it lists. */
const DATA_DIR = join('.evidence', 'template', 'static', 'data');
const URL_PREFIX = 'static/data';
const SOURCE = 'pub';

/** The DuckDB connector's column types (its duckdbDescribeToEvidenceType) for the types written here. */
const NUMERIC = /^(DOUBLE|FLOAT|TINYINT|UTINYINT|SMALLINT|USMALLINT|INTEGER|UINTEGER|BIGINT|UBIGINT|HUGEINT|DECIMAL(\(\d+,\s*\d+\))?)$/;

interface ColumnType { name: string; evidenceType: 'number' | 'string' | 'boolean'; typeFidelity: 'precise' }

/**
 * Writes the `pub` source's data files into the Evidence project copy `work`, reading `publicPath`.
 * Returns false, having written nothing, when Evidence's CLI must do it instead (see above).
 */
export async function writeEvidenceSources(work: string, publicPath: string): Promise<boolean> {
  for (const [pkg, version] of Object.entries(EVIDENCE_VERSIONS)) {
    if ((await packageVersion(pkg).catch(() => undefined)) !== version) return false;
  }
  const sourcesDir = join(work, 'sources');
  const sources = await readdir(sourcesDir);
  if (sources.length !== 1 || sources[0] !== SOURCE) return false;
  const connection = await readFile(join(sourcesDir, SOURCE, 'connection.yaml'), 'utf8');
  // The one layout this project has: the public file two folders up from the source's folder.
  if (!/^type: duckdb$/m.test(connection) || !/^ {2}filename: \.\.\/\.\.\/public\.duckdb$/m.test(connection)) return false;
  const files = (await readdir(join(sourcesDir, SOURCE))).filter((f) => f.endsWith('.sql')).sort((a, b) => a.localeCompare(b));
  if (!existsSync(publicPath)) throw new Error(`Evidence sources: no public database at ${publicPath}`);

  const db = await Db.open(':memory:');
  try {
    await db.run(`attach ${quoteLiteral(publicPath)} as pub (read_only)`);
    await db.run('use pub');
    const plans: { name: string; select: string; columns: ColumnType[]; rows: number }[] = [];
    for (const file of files) {
      const name = file.slice(0, -'.sql'.length);
      const sql = (await readFile(join(sourcesDir, SOURCE, file), 'utf8')).trim().replace(/;\s*$/, '');
      if (sql.includes(';')) return false; // several statements: the connector's prefix statements
      const described = await db.all<{ column_name: string; column_type: string }>(`describe ${sql}`);
      const counts = described.map((c) => `count(${quoteIdent(c.column_name)})::INTEGER as ${quoteIdent(c.column_name)}`);
      const nonNull = (await db.one<Record<string, number>>(`select count(*)::INTEGER as "__rows", ${counts.join(', ')} from (${sql})`))!;
      const columns: ColumnType[] = [];
      const select: string[] = [];
      for (const c of described) {
        const col = quoteIdent(c.column_name);
        if (NUMERIC.test(c.column_type)) {
          columns.push({ name: c.column_name, evidenceType: 'number', typeFidelity: 'precise' });
          select.push(`cast(${col} as DOUBLE) as ${col}`);
        } else if (c.column_type === 'VARCHAR') {
          columns.push({ name: c.column_name, evidenceType: 'string', typeFidelity: 'precise' });
          select.push(col);
        } else if (c.column_type === 'BOOLEAN') {
          columns.push({ name: c.column_name, evidenceType: 'boolean', typeFidelity: 'precise' });
          // Evidence writes a boolean column with no value as numbers (its buildMultipartParquet).
          select.push(nonNull[c.column_name] === 0 ? `cast(${col} as DOUBLE) as ${col}` : col);
        } else {
          return false;
        }
      }
      plans.push({ name, select: `select ${select.join(', ')} from (${sql})`, columns, rows: nonNull.__rows! });
    }
    const dataDir = join(work, DATA_DIR);
    const rendered: string[] = [];
    for (const p of plans) {
      const dir = join(dataDir, SOURCE, p.name);
      await mkdir(dir, { recursive: true });
      // A query with no row is listed with its schema and no file, as Evidence does (public-db.ts fills
      // every empty table with one row of nulls, so the site has none).
      if (p.rows > 0) {
        await db.run(`copy (${p.select}) to ${quoteLiteral(join(dir, `${p.name}.parquet`))} (format parquet, codec 'zstd', parquet_version v1)`);
      }
      rendered.push(`${URL_PREFIX}/${SOURCE}/${p.name}/${p.name}.parquet`);
      await writeFile(join(dir, `${p.name}.schema.json`), JSON.stringify(p.columns));
    }
    await writeFile(join(dataDir, 'manifest.json'), JSON.stringify({ renderedFiles: { [SOURCE]: rendered } }));
    return true;
  } finally {
    db.close();
  }
}
