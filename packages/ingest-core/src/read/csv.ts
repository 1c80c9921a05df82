// CSV files, streamed: BOM, UTF-8 or a legacy encoding (guessed from the head, see scan.ts and
// @dtts/vn-text), `,` or `;`, quoted fields. Rows come in batches; memory holds one batch.
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { guessLegacyEncoding, unicodeDecoder, type LegacyCodec, type TextEncodingName } from '@dtts/vn-text';
import { SourceFileError } from '../errors.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { scanCsv, type CsvScan } from './scan.ts';
import { cellText, type RawFile, type RawRow } from './sheet.ts';

export interface OpenedCsv {
  encoding: TextEncodingName;
  /** The legacy code page, when the file is not Unicode. */
  codec?: LegacyCodec;
  delimiter: ';' | ',';
  notes: string[];
}

const BATCH = 4096;

/** Decides a scanned file's encoding and delimiter, or says by name why it cannot be read. */
export function openCsv(scan: CsvScan, displayPath: string): OpenedCsv {
  if (scan.bytes === 0) throw new SourceFileError(displayPath, 'the file is empty');
  if (scan.binary) throw new SourceFileError(displayPath, 'not a text file (binary content)');
  let encoding: TextEncodingName;
  let codec: LegacyCodec | undefined;
  if (scan.bom) encoding = scan.bom;
  else if (scan.utf8) encoding = 'utf-8';
  else {
    const guess = guessLegacyEncoding(scan.head);
    if (!guess.ok) throw new SourceFileError(displayPath, guess.reason);
    encoding = guess.encoding;
    codec = guess.codec;
  }
  const head = codec ? codec.convert(codec.decode(scan.head)) : unicodeDecoder(encoding as 'utf-8').decode(scan.head);
  const delimiter = detectDelimiter(head);
  return { encoding, ...(codec && { codec }), delimiter, notes: [`delimiter "${delimiter}"`, `encoding ${encoding}`] };
}

/** The file's rows in batches, each with the line it starts on (every line is a record, empty ones too). */
export async function* csvRows(path: string, displayPath: string, opened: OpenedCsv, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow[]> {
  const { codec } = opened;
  const decoder = codec ? undefined : unicodeDecoder(opened.encoding as 'utf-8');
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, codec ? codec.decode(chunk) : decoder!.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder?.decode() ?? '');
    },
  });
  const parser = parse({ delimiter: opened.delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: limits.maxRecordBytes });
  pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), decode, parser, (error) => {
    if (error) parser.destroy(error);
  });
  // Line numbers are counted here, not taken from csv-parse's info.lines, which counts a CRLF
  // inside a quoted field as two lines. A record spanning lines takes one more line per line break.
  let line = 1;
  let batch: RawRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      batch.push({ rowNo: line, cells: record.map((c) => cellText(codec ? codec.convert(c) : c)) });
      line += 1 + countNewlines(record);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw new SourceFileError(displayPath, `cannot be read as CSV: ${(error as Error).message}`);
  }
  if (batch.length > 0) yield batch;
}

/** A whole CSV file as one sheet (tests, and tools reading small files). */
export async function readCsv(path: string, displayPath: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawFile & { opened: OpenedCsv }> {
  const opened = openCsv(await scanCsv(path, displayPath, limits), displayPath);
  const rows: RawRow[] = [];
  for await (const batch of csvRows(path, displayPath, opened, limits)) rows.push(...batch);
  return { sheets: [{ rows }], notes: opened.notes, ...(opened.codec && { legacyEncoding: opened.codec.label }), opened };
}

/** Records of a small text (a file's head) with the line each starts on. */
export function parseCsvRows(text: string, delimiter: string, displayPath: string): RawRow[] {
  let records: string[][];
  try {
    records = parseSync(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw new SourceFileError(displayPath, `cannot be read as CSV: ${(error as Error).message}`);
  }
  let line = 1;
  return records.map((record) => {
    const rowNo = line;
    line += 1 + countNewlines(record);
    return { rowNo, cells: record.map(cellText) };
  });
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
