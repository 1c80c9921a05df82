// Which files of a sources folder belong to which table (SOURCES.md §1).
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { finding, render, type Finding } from '@dtts/messages';
import { foldAscii } from '@dtts/vn-text';
import type { Connector } from './contract.ts';

export interface DiscoveredFile {
  source: string;
  table: string;
  year: number;
  /** Path relative to the sources folder, with `/`. */
  file: string;
  path: string;
  format: 'csv' | 'xlsx';
  /** Why the file must not be read (a link out of the sources folder, a name with control characters): it fails its source by name. */
  refused?: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Source → years that have a folder. */
  years: Map<string, number[]>;
  /** Files and folders ignored: the finding, and its English wording for logs. */
  warnings: { source: string; file: string; finding: Finding; message: string }[];
}

/** Folded file name: ASCII, lower case, spaces, hyphens and camel-case joins as `_` (`HoNgheo2025` → `ho_ngheo2025`). */
export function fileKey(name: string): string {
  return foldAscii(name.normalize('NFC').replace(/(\p{Ll})(\p{Lu})/gu, '$1_$2')).replace(/[\s-]+/g, '_');
}

/** The table a file name belongs to: the longest prefix over every table of every connector. */
export function tableForFile(name: string, connectors: readonly Connector[]): { source: string; table: string } | undefined {
  const key = fileKey(name);
  let best: { source: string; table: string; length: number } | undefined;
  for (const connector of connectors) {
    for (const table of connector.tables) {
      for (const prefix of table.prefixes ?? [table.name]) {
        const p = fileKey(prefix);
        const next = key.charAt(p.length);
        if (key.startsWith(p) && (next === '' || /[^a-z]/.test(next)) && (!best || p.length > best.length)) {
          best = { source: connector.id, table: table.name, length: p.length };
        }
      }
    }
  }
  return best && { source: best.source, table: best.table };
}

export async function discover(sourcesDir: string, connectors: readonly Connector[], years?: readonly number[]): Promise<Discovery> {
  const result: Discovery = { files: [], years: new Map(), warnings: [] };
  const root = await realpath(sourcesDir).catch(() => sourcesDir);
  for (const connector of connectors) {
    const sourceDir = join(sourcesDir, connector.id);
    const entries = await listDir(sourceDir);
    const found: number[] = [];
    for (const entry of entries) {
      const rel = `${connector.id}/${entry}`;
      if (!/^\d{4}$/.test(entry) || !(await isDir(join(sourceDir, entry)))) {
        const f = finding('ignored_not_year_folder', { file: rel });
        result.warnings.push({ source: connector.id, file: rel, finding: f, message: render(f, 'en') });
        continue;
      }
      const year = Number(entry);
      if (years && !years.includes(year)) continue;
      found.push(year);
      const yearRefused = await outside(root, join(sourceDir, entry));
      for (const name of (await listDir(join(sourceDir, entry))).sort()) {
        const file = `${rel}/${printable(name)}`;
        const ignored = ignoreReason(name, file, connector, connectors);
        if (ignored) {
          result.warnings.push({ source: connector.id, file, finding: ignored, message: render(ignored, 'en') });
          continue;
        }
        const owner = tableForFile(name, connectors);
        if (!owner) continue;
        const path = join(sourceDir, entry, name);
        const refused = badName(name) ?? yearRefused ?? (await outside(root, path));
        result.files.push({
          source: connector.id,
          table: owner.table,
          year,
          file,
          path,
          format: name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx',
          ...(refused && { refused }),
        });
      }
    }
    result.years.set(connector.id, found.sort());
  }
  return result;
}

function ignoreReason(name: string, file: string, connector: Connector, connectors: readonly Connector[]): Finding | undefined {
  if (name.startsWith('~$')) return finding('ignored_lock_file', { file });
  if (name.startsWith('.')) return finding('ignored_hidden_file', { file });
  const lower = name.toLowerCase();
  if (!lower.endsWith('.csv') && !lower.endsWith('.xlsx')) return finding('ignored_file_type', { file });
  const owner = tableForFile(name, connectors);
  if (!owner) {
    const prefixes = connector.tables.map((t) => (t.prefixes ?? [t.name]).join('/')).join(', ');
    return finding('ignored_no_table_prefix', { source: connector.id, prefixes, file });
  }
  if (owner.source !== connector.id) return finding('ignored_other_source_table', { owner: owner.source, table: owner.table, source: connector.id, file });
  return undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** A name as it can be printed: control and bidirectional-override characters as \u escapes. */
export function printable(name: string): string {
  return name.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Names that would garble a terminal, a CSV export or a path: refused, so nobody is misled by them. */
function badName(name: string): string | undefined {
  if (new RegExp(CONTROL.source, 'u').test(name)) return 'its name contains control or text-direction characters: rename the file';
  if (name.includes('..')) return 'its name contains ".." (as in a path leaving its folder): rename the file';
  return undefined;
}

/** A link (or a folder reached through one) whose target lies outside the sources folder. */
async function outside(root: string, path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined) return info?.isSymbolicLink() ? 'it is a link to a file that does not exist' : undefined;
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return 'it is a link to a file outside the sources folder, which is not read: copy the file into the folder instead';
  }
  return undefined;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
}
