// A model is a named SELECT; its dependencies are the `<schema>.<name>` it mentions.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODEL_SCHEMAS = ['staging', 'intermediate', 'marts'] as const;
/** Schemas a model may read without them being models: written by ingestion and loadReference. */
export const SOURCE_SCHEMAS = ['ingest', 'ref'] as const;

export interface Model {
  /** `<schema>.<model>` */
  name: string;
  sql: string;
  /** Models this one reads (other models only). */
  dependsOn: string[];
  /** Source tables this one reads (`ingest.x`, `ref.y`). */
  sources: string[];
  origin: string;
  /**
   * `year`: the model is year-local — its rows of year Y depend only on its inputs' rows of year Y
   * (and on inputs without a `year` column), so the runner can rebuild it for the changed years
   * only. Declared by a `-- grain: year` line in the model's header (the generators write it too).
   * `years-to-date`: its rows of year Y depend only on its inputs' rows of years up to Y (a previous
   * year, a baseline, a trend), so a change in year Y rebuilds the years from Y on.
   */
  grain?: Grain;
  /**
   * The `<source>.<table>` pairs whose rows of ingest.files the model reads, when it reads no others:
   * declared by a `-- files of: villages.thon, villages.xa` header line (the indicator compiler writes
   * it for a count's zero rows). Its fingerprint then covers those tables' files only, so a file of
   * another table does not rebuild it.
   */
  filesOf?: string[];
  /**
   * `view`: the model is a view, not a table — a SELECT cheap enough to run inside each model that
   * reads it (the generated staging models: a rename and no-op casts of one ingest table). Declared
   * by a `-- materialized: view` header line. Its fingerprint is a table's, so the models that read it
   * are kept or rebuilt as before; the view itself is only created again when its fingerprint changes.
   */
  materialized?: 'view';
}

/** A model's header line `-- <label>: …` (its comment lines before the SQL), the text after the colon. */
function headerLine(sql: string, label: string): string | undefined {
  const header = sql.match(/^(?:\s*--[^\n]*(?:\n|$))*/)?.[0] ?? '';
  return header.match(new RegExp(`^\\s*--\\s*${label}:\\s*(.*)$`, 'm'))?.[1];
}

/** What a model's rows of one year read (Model.grain). */
export type Grain = 'year' | 'years-to-date';
const GRAINS: readonly Grain[] = ['year', 'years-to-date'];

/** The grain a `-- grain: …` line of the model's comment header (before its SQL) declares; an unknown grain is an error, not a silent whole rebuild. */
export function declaredGrain(name: string, sql: string): Grain | undefined {
  const grain = headerLine(sql, 'grain')?.match(/^[^\s,;(]+/)?.[0];
  if (grain === undefined) return undefined;
  if (!(GRAINS as readonly string[]).includes(grain)) throw new Error(`${name}: unknown grain "${grain}" in its header (a grain is ${GRAINS.map((g) => `"${g}"`).join(' or ')})`);
  return grain as Grain;
}

/** The `files of:` header line's tables (`<source>.<table>`, sorted), if the model declares one. */
export function declaredFilesOf(name: string, sql: string): string[] | undefined {
  const line = headerLine(sql, 'files of');
  if (line === undefined) return undefined;
  // a note in parentheses may follow the list, as after `grain: year`
  const tables = line.replace(/\(.*\)\s*$/, '').split(',').map((t) => t.trim()).filter(Boolean);
  const bad = tables.filter((t) => !/^[a-z0-9-]+\.[a-z0-9_]+$/.test(t));
  if (tables.length === 0 || bad.length > 0) throw new Error(`${name}: "files of:" in its header lists <source>.<table> pairs, not "${line.trim()}"`);
  if (!references(sql).sources.includes('ingest.files')) throw new Error(`${name}: its header declares "files of:" but it does not read ingest.files`);
  return [...new Set(tables)].sort();
}

/** The `materialized:` header line's kind, if the model declares one; a kind other than `view` is an error. */
export function declaredMaterialized(name: string, sql: string): 'view' | undefined {
  const kind = headerLine(sql, 'materialized')?.match(/^[^\s,;(]+/)?.[0];
  if (kind === undefined) return undefined;
  if (kind !== 'view') throw new Error(`${name}: unknown materialization "${kind}" in its header (a model is a table unless it says "view")`);
  return 'view';
}

/** The header line that makes a model a view; the staging generator writes it. */
export const VIEW_HEADER = '-- materialized: view (a rename and casts of one table: read through by the models that use it, warehouse/README.md)';

/** The header line that declares a model year-local; the generators put it in the SQL they write. */
export const YEAR_GRAIN_HEADER = '-- grain: year (a year\'s rows read only that year\'s rows: rebuilt per changed year, warehouse/README.md)';

export const modelsDir: string = fileURLToPath(new URL('../models/', import.meta.url));

const REFERENCE = new RegExp(`\\b(${[...MODEL_SCHEMAS, ...SOURCE_SCHEMAS].join('|')})\\.([a-z_][a-z0-9_]*)`, 'gi');

/** Comments and string literals are blanked first so a mention in them is not a dependency. */
export function references(sql: string): { models: string[]; sources: string[] } {
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  const models = new Set<string>();
  const sources = new Set<string>();
  for (const match of code.matchAll(REFERENCE)) {
    const schema = match[1]!.toLowerCase();
    const name = `${schema}.${match[2]!.toLowerCase()}`;
    ((SOURCE_SCHEMAS as readonly string[]).includes(schema) ? sources : models).add(name);
  }
  return { models: [...models].sort(), sources: [...sources].sort() };
}

export function modelFromSql(name: string, sql: string, origin: string): Model {
  const body = sql.trim().replace(/;\s*$/, '');
  const refs = references(body);
  const grain = declaredGrain(name, body);
  const filesOf = declaredFilesOf(name, body);
  const materialized = declaredMaterialized(name, body);
  return {
    name, sql: body, dependsOn: refs.models.filter((m) => m !== name), sources: refs.sources, origin,
    ...(grain && { grain }), ...(filesOf && { filesOf }), ...(materialized && { materialized }),
  };
}

/** Every `models/<schema>/<model>.sql`; the folder is the schema. */
export function loadModelFiles(dir: string = modelsDir): Model[] {
  const models: Model[] = [];
  for (const schema of MODEL_SCHEMAS) {
    const folder = join(dir, schema);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()) {
      const path = join(folder, file);
      models.push(modelFromSql(`${schema}.${basename(file, '.sql')}`, readFileSync(path, 'utf8'), `models/${schema}/${file}`));
    }
  }
  return models;
}
