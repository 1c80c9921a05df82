import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { FileStyle } from '../format/style.ts';
import type { Cell } from '../format/values.ts';
import { textTransform } from './text.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (c instanceof Date) return `${pad(c.getUTCDate())}/${pad(c.getUTCMonth() + 1)}/${c.getUTCFullYear()}`;
  return String(c);
}

/** Lines are written in chunks of about this many characters: memory stays flat whatever the file's size. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes rows as CSV: fields with the delimiter, a quote or a line break are quoted. Excel-like
 * files (with a BOM) end lines with CRLF; text in TCVN3 is written as its raw single bytes.
 * Rows are streamed to the file (a chunk at a time, waiting when the disk is behind).
 */
export async function writeCsv(file: string, rows: Iterable<Cell[]>, style: FileStyle): Promise<void> {
  const d = style.delimiter;
  const transform = textTransform(style);
  const needsQuote = new RegExp(`[${d}"\\r\\n]`);
  const eol = style.bom ? '\r\n' : '\n';
  const encoding = style.text === 'tcvn3' ? 'latin1' : 'utf8';
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!out.write(Buffer.from(text, encoding))) await Promise.race([once(out, 'drain'), failed]);
  };
  let chunk = style.bom ? '\uFEFF' : '';
  for (const row of rows) {
    chunk += row.map((c) => {
      const s = transform(cellText(c));
      return needsQuote.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(d) + eol;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  out.end(Buffer.from(chunk, encoding));
  await Promise.race([once(out, 'finish'), failed]);
}
