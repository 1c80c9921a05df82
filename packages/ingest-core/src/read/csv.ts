// CSV files: BOM, UTF-8 or a legacy encoding, `,` or `;`, quoted fields.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeText } from '@dtts/vn-text';
import { SourceFileError } from '../errors.ts';
import { cellText, type RawFile, type RawRow } from './sheet.ts';

/** `bytes`: the file's content when the caller has read it already. */
export async function readCsv(path: string, displayPath: string, bytes?: Buffer): Promise<RawFile> {
  bytes ??= await readFile(path);
  if (bytes.length === 0) throw new SourceFileError(displayPath, 'the file is empty');
  if (bytes.includes(0) && !isUtf16(bytes)) throw new SourceFileError(displayPath, 'not a text file (binary content)');
  const decoded = decodeText(bytes);
  const delimiter = detectDelimiter(decoded.text);
  const rows = parseCsvRows(decoded.text, delimiter, displayPath);
  const notes = [`delimiter "${delimiter}"`, `encoding ${decoded.encoding}`];
  return {
    sheets: [{ rows }],
    notes,
    ...(decoded.encoding === 'tcvn3' && { legacyEncoding: 'TCVN3' }),
  };
}

/** Records with the line each starts on; every line is a record (empty ones too). */
export function parseCsvRows(text: string, delimiter: string, displayPath: string): RawRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw new SourceFileError(displayPath, `cannot be read as CSV: ${(error as Error).message}`);
  }
  // Line numbers are counted here, not taken from csv-parse's info.lines, which counts a CRLF
  // inside a quoted field as two lines. A record spanning lines takes one more line per line break.
  let line = 1;
  return records.map((record) => {
    const rowNo = line;
    line += 1 + countNewlines(record);
    return { rowNo, cells: record.map(cellText) };
  });
}

export function isUtf16(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function countNewlines(record: string[]): number {
  let n = 0;
  for (const field of record) n += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

/** The delimiter is the one of `;` and `,` seen more often outside quotes in the first lines. */
export function detectDelimiter(text: string): ';' | ',' {
  const head = text.slice(0, 64 * 1024).split(/\r?\n/).slice(0, 40).join('\n');
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}
