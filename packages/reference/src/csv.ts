import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled reference CSVs (data/ beside src/), so a clone needs nothing outside the package. */
export const referenceDataDir: string = fileURLToPath(new URL('../data/', import.meta.url));

export type CsvRow = Record<string, string>;

/**
 * A tiny RFC 4180 reader: the reference files are a few KB, so a dependency is not worth it.
 * Quoted fields may hold commas, doubled quotes and line breaks. A record that starts with
 * `#` is a comment (the files carry their legal `# SOURCE` there). Some files mix CRLF and LF.
 */
export function parseCsv(text: string): CsvRow[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let atRecordStart = true;
  let comment = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (comment) {
      if (ch === '\n') { comment = false; atRecordStart = true; }
      continue;
    }
    if (inQuotes) {
      if (ch === '"' && body[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else field += ch;
      continue;
    }
    if (atRecordStart && ch === '#') { comment = true; continue; }
    atRecordStart = false;
    if (ch === '"') inQuotes = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\r') continue;
    else if (ch === '\n') {
      record.push(field);
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = []; field = ''; atRecordStart = true;
    } else field += ch;
  }
  if (inQuotes) throw new Error('unterminated quoted field in reference CSV');
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }

  const [header, ...rows] = records;
  if (!header) return [];
  return rows.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`reference CSV row ${n + 1} has ${cells.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, (cells[j] ?? '').normalize('NFC')]));
  });
}

/** Reads one file by name from the bundled folder (or `dir`), e.g. `readReferenceCsv('ethnic_groups.csv')`. */
export function readReferenceCsv(fileName: string, dir: string = referenceDataDir): CsvRow[] {
  return parseCsv(readFileSync(join(dir, fileName), 'utf8'));
}

/** The column names of a reference file (its first line that is not a `#` comment). */
export function referenceCsvHeader(fileName: string, dir: string = referenceDataDir): string[] {
  const text = readFileSync(join(dir, fileName), 'utf8').replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  return line === '' ? [] : line.split(',').map((c) => c.trim());
}

/** A column that must exist: a typo in the loader should fail loudly at import, not yield `undefined`. */
export function col(row: CsvRow, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`reference CSV has no column "${name}"`);
  return value;
}
