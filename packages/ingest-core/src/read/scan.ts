// One streaming pass over a CSV file's bytes, before anything is parsed: its sha256, whether it
// is UTF-8, its head (for the delimiter, the header and the encoding), and where its records
// start, kept compactly (only the records that are not one plain line) so that memory does not
// grow with the file. Quotes and line breaks are ASCII bytes, which no UTF-8 sequence and no
// legacy single-byte letter contains, so records are found on bytes, whatever the encoding.
import { isUtf8 } from 'node:buffer';
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

export async function scanCsv(path: string, displayPath: string, limits: ReadLimits, chunkBytes = 1 << 20): Promise<CsvScan> {
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
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
  let lastByte = -1; // the previous chunk's last byte (before a \n at the start of a chunk)

  const endRecord = (endOffset: number, lenWithoutEol: number) => {
    const lines = line - recordLine + 1;
    if (lenWithoutEol === 0 || lines > 1) odd.push({ index: records, line: recordLine, lines: lenWithoutEol === 0 ? 1 : lines, empty: lenWithoutEol === 0 });
    if (headRecords.length < HEAD_RECORDS && endOffset <= HEAD_BYTES) headRecords.push({ line: recordLine, end: endOffset });
    records++;
  };
  // A record too long fails as soon as it is seen: at its (maxRecordBytes + 1)-th byte after its start.
  const tooLong = () => new SourceFileError(displayPath, `line ${recordLine} is longer than ${mib(limits.maxRecordBytes)} (the limit for one record${quoted ? '; a quote " opened there may never be closed' : ''}): not a table a person typed`);

  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    first ??= chunk;
    hash.update(chunk);
    utf8.update(chunk);
    if (headLength < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - headLength);
      headChunks.push(take);
      headLength += take.length;
    }
    if (!binary && chunk.includes(0)) binary = true;
    // Only quotes and line breaks change the state: jump from one to the next (memchr) instead of
    // looking at every byte.
    let nextQuote = chunk.indexOf(34);
    let nextBreak = chunk.indexOf(10);
    while (nextQuote !== -1 || nextBreak !== -1) {
      const isQuote = nextBreak === -1 || (nextQuote !== -1 && nextQuote < nextBreak);
      const i = isQuote ? nextQuote : nextBreak;
      const at = total + i;
      if (at - recordStart > limits.maxRecordBytes + 1) throw tooLong(); // the limit was passed on a plain byte before this one
      if (isQuote) {
        quoted = !quoted;
        nextQuote = chunk.indexOf(34, i + 1);
      } else {
        if (!quoted) {
          const before = i > 0 ? chunk[i - 1] : lastByte;
          const len = at - recordStart - (before === 13 && at > recordStart ? 1 : 0);
          endRecord(at + 1, len);
          recordStart = at + 1;
          recordLine = line + 1;
        }
        line++;
        nextBreak = chunk.indexOf(10, i + 1);
      }
      if (at - recordStart > limits.maxRecordBytes) throw tooLong();
    }
    if (total + chunk.length - 1 - recordStart > limits.maxRecordBytes) throw tooLong();
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    total += chunk.length;
  }
  if (recordStart < total && !quoted) endRecord(total, total - recordStart);
  const bom = first ? bomEncoding(first) : undefined;
  return {
    sha256: hash.digest('hex'),
    bytes: total,
    utf8: utf8.end(),
    bom,
    head: Buffer.concat(headChunks),
    headRecords,
    records: quoted ? -1 : records,
    lines: line,
    odd,
    binary: binary && bom !== 'utf-16le' && bom !== 'utf-16be',
  };
}

/**
 * Whether a stream of chunks is valid UTF-8, with Node's native check (simdutf): a character cut
 * by a chunk's end is carried over to the next chunk.
 */
export class Utf8Check {
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): void {
    if (!this.valid) return;
    let bytes = chunk;
    if (this.carry.length > 0) {
      // Complete the cut character with the first bytes of this chunk and check it alone.
      const need = sequenceLength(this.carry[0]!) - this.carry.length;
      const joined = Buffer.concat([this.carry, chunk.subarray(0, need)]);
      if (joined.length < this.carry.length + need) {
        this.carry = joined;
        return;
      }
      this.carry = Buffer.alloc(0);
      if (!isUtf8(joined)) {
        this.valid = false;
        return;
      }
      bytes = chunk.subarray(need);
    }
    const cut = incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) this.valid = false;
    else if (cut < bytes.length) this.carry = Buffer.from(bytes.subarray(cut));
  }

  /** Valid all through: no bad sequence and no character left unfinished at the end. */
  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** Bytes of the UTF-8 sequence a lead byte starts (1 for anything that is no lead byte of a longer one). */
const sequenceLength = (b: number) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/** Where a multi-byte character that the buffer's end cuts begins (the buffer's length when none is cut). */
function incompleteTail(bytes: Buffer): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return b >= 0xc0 && sequenceLength(b) > k ? bytes.length - k : bytes.length;
  }
  return bytes.length;
}

/** sha256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
