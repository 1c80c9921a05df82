import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/**
 * Writes a grid as CSV: fields with the delimiter, a quote or a line break are quoted. Excel-like
 * files (with a BOM) end lines with CRLF; text in TCVN3 is written as its raw single bytes.
 */
export async function writeCsv(file: string, grid: Cell[][], style: FileStyle): Promise<void> {
  const d = style.delimiter;
  const transform = textTransform(style);
  const needsQuote = new RegExp(`[${d}"\\r\\n]`);
  const lines = grid.map((row) => row.map((c) => {
    const s = transform(cellText(c));
    return needsQuote.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(d));
  const eol = style.bom ? '\r\n' : '\n';
  const text = (style.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, style.text === 'tcvn3' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8'));
}
