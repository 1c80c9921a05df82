import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, referenceDataDir } from './csv.ts';

describe('parseCsv', () => {
  it('skips # lines, keeps quoted commas, doubled quotes and line breaks, tolerates CRLF', () => {
    const text = '# SOURCE: x, y\r\na,b\r\n1,"x, ""y"""\n# note\n2,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      { a: '1', b: 'x, "y"' },
      { a: '2', b: 'two\nlines' },
    ]);
  });

  it('does not treat # inside a record as a comment', () => {
    expect(parseCsv('a,b\n1,#2\n')).toEqual([{ a: '1', b: '#2' }]);
  });

  it('normalises values to NFC', () => {
    const nfd = 'Ba\u0309o Ye\u0302n';
    expect(parseCsv(`name\n${nfd}\n`)[0]?.name).toBe('Bảo Yên');
  });

  it('rejects a row with the wrong number of fields and an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/3 fields/);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/unterminated/);
  });
});

describe('referenceDataDir', () => {
  it('is absolute and holds the eight bundled files', () => {
    expect(referenceDataDir.startsWith('/')).toBe(true);
    for (const f of [
      'bao_yen_communes_2019_abolished.csv', 'bao_yen_communes_2020.csv', 'bao_yen_communes_2020_merger.csv',
      'bao_yen_communes_2025_crosswalk.csv', 'bao_yen_communes_2025_new.csv', 'ethnic_groups.csv',
      'name_encoding_examples.csv', 'tcvn3_vni_map.csv',
    ]) expect(existsSync(join(referenceDataDir, f)), f).toBe(true);
  });
});
