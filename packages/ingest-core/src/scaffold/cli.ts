// `pnpm new-connector <id> [--table <name>]`: scaffolds an ingestion package for a new source,
// and registers it with the pipeline; the warehouse derives its ingest table, staging model and
// checks from the declaration. See docs/adding-a-connector.md.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as t from './templates.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { table: { type: 'string' }, root: { type: 'string' } } });
const id = positionals[0];
if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
  console.error('Usage: pnpm new-connector <id> [--table <first_table>]   (id: lower-case letters, digits and -, e.g. land-use)');
  process.exit(2);
}
const table = values.table ?? id.replaceAll('-', '_');
if (!/^[a-z][a-z0-9_]*$/.test(table)) {
  console.error(`--table ${table}: use lower-case letters, digits and _`);
  process.exit(2);
}
const root = values.root ?? findRoot(import.meta.dirname);
const names: t.ScaffoldNames = {
  id,
  table,
  exportName: id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
  warehouseTable: `${id.replaceAll('-', '_')}_${table}`,
};
const pkg = join(root, 'packages/connectors', id);
if (existsSync(pkg)) {
  console.error(`${pkg} already exists`);
  process.exit(1);
}

const files: [string, string][] = [
  [join(pkg, 'package.json'), t.packageJson(names)],
  [join(pkg, 'tsconfig.json'), t.tsconfig()],
  [join(pkg, 'src/index.ts'), t.declaration(names)],
  [join(pkg, `src/${id}.test.ts`), t.test(names)],
  [join(pkg, 'fixtures/make.ts'), t.fixturesScript(names)],
  [join(pkg, 'fixtures/expected.json'), t.expected(names)],
];
for (const [path, text] of files) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`created ${path.slice(root.length + 1)}`);
}
await register(root, names);
console.log(`
Next:
  1. pnpm install                                   (links the new package)
  2. edit packages/connectors/${id}/src/index.ts     (tables, columns, aliases, types)
  3. edit fixtures/make.ts, run: pnpm --filter @dtts/connector-${id} fixtures
     and write fixtures/expected.json by hand from those rows
  4. pnpm --filter @dtts/connector-${id} test
Files go in <sources>/${id}/<YEAR>/${table}_*.csv|xlsx; they load into ingest.${names.warehouseTable},
staged as staging.stg_${names.warehouseTable.replace(`${id.replaceAll('-', '_')}_`, `${id.replaceAll('-', '_')}__`)} (generated from the declaration).`);

/** Adds the connector to the pipeline's list and dependencies. */
async function register(rootDir: string, n: t.ScaffoldNames): Promise<void> {
  const listPath = join(rootDir, 'pipelines/annual/src/connectors.ts');
  let list = await readFile(listPath, 'utf8');
  list = list.replace(/(import type \{ Connector \})/, `import { ${n.exportName} } from '@dtts/connector-${n.id}';\n$1`);
  list = list.replace(/= \[([^\]]*)\];/, (_, items: string) => `= [${items}, ${n.exportName}];`);
  await writeFile(listPath, list);
  const pkgPath = join(rootDir, 'pipelines/annual/package.json');
  const manifest = JSON.parse(await readFile(pkgPath, 'utf8')) as { dependencies: Record<string, string> };
  manifest.dependencies[`@dtts/connector-${n.id}`] = 'workspace:*';
  await writeFile(pkgPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('registered in pipelines/annual/src/connectors.ts and pipelines/annual/package.json');
}

function findRoot(dir: string): string {
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}
