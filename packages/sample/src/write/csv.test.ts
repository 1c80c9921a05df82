import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { style } from '../format/style.ts';
import type { Cell } from '../format/values.ts';
import { writeCsv } from './csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'sample-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Enough rows to cross the writer's 1 MiB chunks several times, with text that needs quoting.
const rows: Cell[][] = [['Mã hộ', 'Họ và tên', 'Ghi chú']];
for (let i = 0; i < 90_000; i++) rows.push([`HGD${String(i).padStart(6, '0')}`, i % 7 === 0 ? 'Lò "A" Páo' : 'Hoàng Thị Hương', i % 5 === 0 ? 'a;b' : null]);
/** The whole file as one string, built the simple way the writer used to. */
const expected = (delimiter: string, eol: string) => {
  const quote = new RegExp(`[${delimiter}"\\r\\n]`);
  return rows.map((r) => r.map((c) => (c === null ? '' : quote.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(delimiter)).join(eol) + eol;
};

describe('writeCsv (streamed in chunks)', () => {
  it('writes the same bytes as the whole text at once: UTF-8, comma, LF', async () => {
    const file = join(dir, 'plain.csv');
    await writeCsv(file, rows, style({}));
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(2 * (1 << 20));
    expect(text).toBe(expected(',', '\n'));
  });

  it('writes a BOM, semicolons and CRLF for Excel-like files, and TCVN3 as single bytes', async () => {
    await writeCsv(join(dir, 'excel.csv'), rows, style({ bom: true, delimiter: ';' }));
    expect(readFileSync(join(dir, 'excel.csv'), 'utf8')).toBe(`\uFEFF${expected(';', '\r\n')}`);
    await writeCsv(join(dir, 'tcvn3.csv'), [['Hoàng Thị Hương']], style({ text: 'tcvn3' }));
    const bytes = readFileSync(join(dir, 'tcvn3.csv'));
    // One byte per letter: "Hoàng Thị Hương" is 15 characters and a newline.
    expect(bytes.length).toBe(16);
    expect(bytes.toString('utf8')).not.toBe('Hoàng Thị Hương\n');
  });
});
