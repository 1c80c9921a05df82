import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { communeUnits, crosswalk2025, unitsInForce } from './communes.ts';
import { referenceDataDir } from './csv.ts';
import { readGeographyDir, useReferenceDir } from './reference-dir.ts';
import { resolveCommune } from './resolve-commune.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-reference-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => useReferenceDir());

let n = 0;
/** A copy of the bundled folder, changed by `edit`. */
function folder(edit: (dir: string) => void = () => {}): string {
  const dir = join(work, `ref-${++n}`);
  cpSync(referenceDataDir, dir, { recursive: true });
  edit(dir);
  return dir;
}
const rewrite = (dir: string, file: string, fn: (text: string) => string) => writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));

describe('readGeographyDir', () => {
  it('reads a copy of the bundled folder as the bundled geography', () => {
    const g = readGeographyDir(folder());
    expect(g.communeUnits).toEqual(communeUnits);
    expect(g.crosswalk2025).toEqual(crosswalk2025);
  });

  it('names a missing file, a missing column, a bad code and an unmapped commune', () => {
    expect(() => readGeographyDir(join(work, 'nowhere'))).toThrow(/does not exist/);
    expect(() => readGeographyDir(folder((d) => rmSync(join(d, 'bao_yen_communes_2025_new.csv')))))
      .toThrow(/has no bao_yen_communes_2025_new\.csv/);
    expect(() => readGeographyDir(folder((d) => rewrite(d, 'bao_yen_communes_2020.csv', (t) => t.replace(',name_short,', ',short,')))))
      .toThrow(/bao_yen_communes_2020\.csv: no column "name_short"/);
    expect(() => readGeographyDir(folder((d) => rewrite(d, 'bao_yen_communes_2020.csv', (t) => t.replace('\n02950,', '\n2950,')))))
      .toThrow(/bao_yen_communes_2020\.csv row 2, column code: "2950" is not a 5-digit commune code/);
    expect(() => readGeographyDir(folder((d) => rewrite(d, 'bao_yen_communes_2025_crosswalk.csv', (t) => t.replace(/\n02950,[^\n]*/, '')))))
      .toThrow(/no row for the 2020 commune 02950/);
  });
});

describe('useReferenceDir', () => {
  it('makes the resolvers read another geography, and the bundled one again without a folder', () => {
    const dir = folder((d) => {
      rewrite(d, 'bao_yen_communes_2020.csv', (t) => t.replace('02950,Xã Tân Tiến,Tân Tiến', '02950,Xã Tân Tiến Mới,Tân Tiến Mới'));
    });
    useReferenceDir(dir);
    expect(resolveCommune({ name: 'Xã Tân Tiến Mới' }, '2024-10-01')).toMatchObject({ ok: true, code: '02950' });
    expect(unitsInForce('2024-10-01').find((u) => u.code === '02950')?.name).toBe('Xã Tân Tiến Mới');
    useReferenceDir();
    expect(resolveCommune({ name: 'Xã Tân Tiến Mới' }, '2024-10-01').ok).toBe(false);
    expect(unitsInForce('2024-10-01')).toHaveLength(17);
  });
});
