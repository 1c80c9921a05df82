// One streaming pass over a CSV file's bytes, before anything is parsed: its sha256, whether it
// is UTF-8, its head (for the delimiter, the header and the encoding), and where its records
// start, kept compactly (only the records that are not one plain line) so that memory does not
// grow with the file. Quotes and line breaks are ASCII bytes, which no UTF-8 sequence and no
// legacy single-byte letter contains, so records are found on bytes, whatever the encoding.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { bomEncoding } from '@dtts/vn-text';
import { SourceFileError } from '../errors.ts';
import { mib, type ReadLimits } from './limits.ts';

/** A record that is empty or spans several lines: the rest are one line each, in order. */
export interface OddRecord {
  index: number;
  line: number;
  lines: number;
  empty: boolean;
}

export interface CsvScan {
  sha256: string;
  bytes: number;
  /** Valid UTF-8 all through (ASCII included), BOM or not. */
  utf8: boolean;
  bom: 'utf-8-bom' | 'utf-16le' | 'utf-16be' | undefined;
  /** The first bytes: up to HEAD_RECORDS records, at most HEAD_BYTES. */
  head: Buffer;
  /** Start line and end offset (within head) of the records complete in `head`. */
  headRecords: { line: number; end: number }[];
  /** Records; -1 when a quote is never closed (the JavaScript reader then says where). */
  records: number;
  /** Lines (the last one counted even without a final line break). */
  lines: number;
  odd: OddRecord[];
  /** A NUL byte outside a UTF-16 file. */
  binary: boolean;
}

export const HEAD_RECORDS = 40;
const HEAD_BYTES = 1 << 20;

export async function scanCsv(path: string, displayPath: string, limits: ReadLimits): Promise<CsvScan> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  const headRecords: { line: number; end: number }[] = [];
  const odd: OddRecord[] = [];
  let total = 0;
  let binary = false;
  let first: Buffer | undefined;

  let quoted = false;
  let line = 1;
  let records = 0;
  let recordStart = 0; // offset in the file
  let recordLine = 1;
  let prevByte = -1; // byte before the record's terminating \n

  const endRecord = (endOffset: number, lenWithoutEol: number) => {
    const lines = line - recordLine + 1;
    if (lenWithoutEol === 0 || lines > 1) odd.push({ index: records, line: recordLine, lines: lenWithoutEol === 0 ? 1 : lines, empty: lenWithoutEol === 0 });
    if (headRecords.length < HEAD_RECORDS && endOffset <= HEAD_BYTES) headRecords.push({ line: recordLine, end: endOffset });
    records++;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    first ??= chunk;
    hash.update(chunk);
    if (valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
    if (headLength < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - headLength);
      headChunks.push(take);
      headLength += take.length;
    }
    if (!binary && chunk.includes(0)) binary = true;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 34) quoted = !quoted;
      else if (b === 10) {
        const at = total + i;
        if (!quoted) {
          const len = at - recordStart - (prevByte === 13 && at > recordStart ? 1 : 0);
          endRecord(at + 1, len);
          recordStart = at + 1;
          recordLine = line + 1;
        }
        line++;
      }
      prevByte = b;
      // Checked every byte only in arithmetic: a record too long fails as soon as it is seen.
      if (total + i - recordStart > limits.maxRecordBytes) {
        throw new SourceFileError(displayPath, `line ${recordLine} is longer than ${mib(limits.maxRecordBytes)} (the limit for one record${quoted ? '; a quote " opened there may never be closed' : ''}): not a table a person typed`);
      }
    }
    total += chunk.length;
  }
  if (valid) {
    try {
      utf8.decode();
    } catch {
      valid = false;
    }
  }
  if (recordStart < total && !quoted) endRecord(total, total - recordStart);
  const bom = first ? bomEncoding(first) : undefined;
  return {
    sha256: hash.digest('hex'),
    bytes: total,
    utf8: valid,
    bom,
    head: Buffer.concat(headChunks),
    headRecords,
    records: quoted ? -1 : records,
    lines: line,
    odd,
    binary: binary && bom !== 'utf-16le' && bom !== 'utf-16be',
  };
}

/** sha256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
