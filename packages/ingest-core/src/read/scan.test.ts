// The scan jumps from quote to line break and checks UTF-8 natively, chunk by chunk. Its answers
// must not depend on where the chunks end: each file is scanned in chunks of 1 to 64 bytes and
// compared with a plain byte-by-byte reading, and with figures worked out by hand.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFileError } from '../errors.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { scanCsv, type OddRecord } from './scan.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'scan-test-')); });
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The obvious reading: every byte in turn (records, lines, odd records, where a too-long record fails). */
function byteByByte(bytes: Buffer, maxRecordBytes: number) {
  let quoted = false;
  let line = 1;
  let records = 0;
  let recordStart = 0;
  let recordLine = 1;
  let prev = -1;
  const odd: OddRecord[] = [];
  for (let at = 0; at < bytes.length; at++) {
    const b = bytes[at]!;
    if (b === 34) quoted = !quoted;
    else if (b === 10) {
      if (!quoted) {
        const len = at - recordStart - (prev === 13 && at > recordStart ? 1 : 0);
        const lines = line - recordLine + 1;
        if (len === 0 || lines > 1) odd.push({ index: records, line: recordLine, lines: len === 0 ? 1 : lines, empty: len === 0 });
        records++;
        recordStart = at + 1;
        recordLine = line + 1;
      }
      line++;
    }
    prev = b;
    if (at - recordStart > maxRecordBytes) return { tooLong: { line: recordLine, quoted } };
  }
  if (recordStart < bytes.length && !quoted) {
    const lines = line - recordLine + 1;
    if (lines > 1) odd.push({ index: records, line: recordLine, lines, empty: false });
    records++;
  }
  return { records: quoted ? -1 : records, lines: line, odd };
}

async function scanIn(bytes: Buffer, chunkBytes: number, maxRecordBytes = DEFAULT_LIMITS.maxRecordBytes) {
  const path = join(dir, 'f.csv');
  await writeFile(path, bytes);
  try {
    const s = await scanCsv(path, 'f.csv', { ...DEFAULT_LIMITS, maxRecordBytes }, chunkBytes);
    return { records: s.records, lines: s.lines, odd: s.odd, utf8: s.utf8 };
  } catch (error) {
    if (!(error instanceof SourceFileError)) throw error;
    return { error: error.message };
  }
}

const CHUNKS = [1, 2, 3, 5, 7, 64];

describe('scanCsv', () => {
  it('counts records, lines and odd records by hand', async () => {
    // line 1 header; 2 a record; 3 blank; 4–5 one record over two lines; 6 CRLF record; 7 unterminated last line
    const bytes = Buffer.from('ma,ten\r\n1,"Hà"\n\n2,"Lò\nVăn"\n3,x\r\n4,y');
    for (const chunk of CHUNKS) {
      expect(await scanIn(bytes, chunk)).toEqual({
        records: 6, lines: 7, utf8: true,
        odd: [{ index: 2, line: 3, lines: 1, empty: true }, { index: 3, line: 4, lines: 2, empty: false }],
      });
    }
  });

  it('agrees with a byte-by-byte reading wherever the chunks end', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['a', 'Đặng', '"', '""', ',', '\n', '\r\n', ' ', 'ữ', '😀', '12'];
    for (let file = 0; file < 40; file++) {
      const text = Array.from({ length: 20 + Math.floor(random() * 200) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const bytes = Buffer.from(text);
      const expected = byteByByte(bytes, 1 << 20);
      for (const chunk of CHUNKS) {
        const { utf8, ...got } = (await scanIn(bytes, chunk)) as { utf8: boolean };
        expect(got, `file ${file}, chunks of ${chunk}`).toEqual(expected);
        expect(utf8).toBe(true);
      }
    }
  });

  it('fails a too-long record at the same line, quoted or not, wherever the chunks end', async () => {
    const cases = ['ok\n0123456789abcdef\nok', 'ok\n"0123\n456789abcdef', 'a"b"\n"x"yyyyyyyyyyyyyy"\n', '"', 'ab\r\ncd\r\n0123456789\n'];
    for (const text of cases) {
      const bytes = Buffer.from(text);
      for (const max of [3, 8, 9, 10]) {
        const expected = byteByByte(bytes, max);
        for (const chunk of CHUNKS) {
          const got = await scanIn(bytes, chunk, max);
          if ('tooLong' in expected) {
            expect(got.error, `${JSON.stringify(text)}, max ${max}, chunks of ${chunk}`).toContain(`line ${expected.tooLong!.line} is longer than`);
            expect(got.error!.includes('may never be closed')).toBe(expected.tooLong!.quoted);
          } else {
            expect(got.error, `${JSON.stringify(text)}, max ${max}, chunks of ${chunk}`).toBeUndefined();
          }
        }
      }
    }
  });

  it('tells UTF-8 from other bytes, a character cut anywhere by a chunk', async () => {
    const valid = Buffer.from('tên,dân tộc\nĐặng Thị Ữ,😀\n');
    const cases: [Buffer, boolean][] = [
      [valid, true],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), valid]), true], // a BOM
      [Buffer.concat([valid, Buffer.from([0xe1, 0xbb])]), false], // cut off at the end
      [Buffer.concat([valid.subarray(0, 10), Buffer.from([0xc0, 0xaf]), valid.subarray(10)]), false], // overlong
      [Buffer.concat([valid.subarray(0, 5), Buffer.from([0xed, 0xa0, 0x80]), valid.subarray(5)]), false], // a surrogate
      [Buffer.from('Tr\xe1ch,\xd0\n', 'latin1'), false], // a legacy single-byte file
      [Buffer.concat([valid.subarray(0, 3), Buffer.from([0xe1, 0x41, 0x41]), valid.subarray(3)]), false], // lead byte, no continuation
    ];
    for (const [bytes, utf8] of cases) {
      for (const chunk of CHUNKS) expect((await scanIn(bytes, chunk)).utf8, `${bytes.toString('hex')} in chunks of ${chunk}`).toBe(utf8);
    }
  });
});
