// Collects the personal values of a sources folder (names, citizen ids, card numbers, student ids)
// so the site test can search every shipped file for them. Reads CSV text and XLSX sheets (a
// minimal zip reader: central directory + inflateRaw) without the ingestion code, so a bug there
// cannot hide a leak here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[\s_]+/g, ' ').replace(/^\ufeff/, '').trim();

/** Header spellings (folded) of the PII columns of SOURCES.md §6. */
const PII_HEADERS = new Set([
  'ho ten', 'ho va ten', 'ho ten chu ho', 'chu ho', 'so dinh danh', 'so cccd', 'cccd', 'ma the', 'so the bhyt',
  'ma hoc sinh', 'ma dinh danh hoc sinh',
]);

function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Values under PII headers in a table given as rows of cells (header = first row with a PII header). */
function fromRows(rows: string[][], into: Set<string>) {
  let columns: number[] | null = null;
  for (const row of rows) {
    if (!columns) {
      const hits = row.map((c, i) => (PII_HEADERS.has(fold(c)) ? i : -1)).filter((i) => i >= 0);
      if (hits.length) columns = hits;
      continue;
    }
    for (const i of columns) {
      const v = (row[i] ?? '').trim();
      if (v.length >= 6) into.add(v.normalize('NFC'));
    }
  }
}

function csvRows(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  const sep = (lines.slice(0, 10).join('').match(/;/g)?.length ?? 0) > (lines.slice(0, 10).join('').match(/,/g)?.length ?? 0) ? ';' : ',';
  return lines.map((l) => splitCsvLine(l, sep));
}

function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return files;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

function xlsxRows(buf: Buffer): string[][][] {
  const files = unzip(buf);
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheets: string[][][] = [];
  for (const [name, data] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const rows: string[][] = [];
    for (const r of data.toString('utf8').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
      const row: string[] = [];
      for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const type = /t="(\w+)"/.exec(c[2]!)?.[1];
        const inner = c[3] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const text = type === 's' ? shared[Number(v)] ?? '' : type === 'inlineStr' ? unescapeXml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '') : unescapeXml(v ?? '');
        row[col] = text;
      }
      rows.push(Array.from(row, (x) => x ?? ''));
    }
    sheets.push(rows);
  }
  return sheets;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

export async function collectPii(sourcesDir: string): Promise<Set<string>> {
  const values = new Set<string>();
  for await (const file of walk(sourcesDir)) {
    if (/\.csv$/i.test(file)) fromRows(csvRows((await readFile(file)).toString('utf8')), values);
    else if (/\.xlsx$/i.test(file)) for (const sheet of xlsxRows(await readFile(file))) fromRows(sheet, values);
  }
  return values;
}

/**
 * Which of `values` occur in `text`. Ids are found as tokens, names as runs of 2–6 words, so
 * thousands of values are checked in one pass over each file.
 */
export function findIn(text: string, values: Set<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9]{6,}/g)) if (values.has(m[0])) found.add(m[0]);
  for (const m of text.normalize('NFC').matchAll(/\p{L}+(?: \p{L}+){1,5}/gu)) {
    const words = m[0].split(' ');
    for (let i = 0; i < words.length; i++)
      for (let n = 2; n <= 6 && i + n <= words.length; n++) {
        const candidate = words.slice(i, i + n).join(' ');
        if (values.has(candidate)) found.add(candidate);
      }
  }
  return [...found];
}
