// Every row of the researcher's fixture file, in every spelling it gives, through the
// whole chain a connector uses: TCVN3 conversion, then commune or ethnic-group resolution.
import { describe, expect, it } from 'vitest';
import { looksLikeTcvn3, tcvn3ToUnicode, TCVN3_BYTE_TO_UNICODE } from '@dtts/vn-text';
import { readReferenceCsv } from './csv.ts';
import { resolveCommune } from './resolve-commune.ts';
import { resolveEthnicGroup } from './resolve-ethnic-group.ts';

const rows = readReferenceCsv('name_encoding_examples.csv');
const DATE = '2024-10-01';
const EXPECTED_COMMUNE: Record<string, string> = {
  'Thị trấn Phố Ràng': '02947', 'Xã Tân Tiến': '02950', 'Xã Nghĩa Đô': '02953', 'Xã Vĩnh Yên': '02956',
  'Xã Điện Quan': '02959', 'Xã Xuân Hoà': '02962', 'Xã Xuân Hòa': '02962', 'Xã Tân Dương': '02965',
  'Xã Thượng Hà': '02968', 'Xã Kim Sơn': '02971', 'Xã Cam Cọn': '02974', 'Xã Minh Tân': '02977',
  'Xã Xuân Thượng': '02980', 'Xã Việt Tiến': '02983', 'Xã Yên Sơn': '02986', 'Xã Bảo Hà': '02989',
  'Xã Lương Sơn': '02992', 'Xã Phúc Khánh': '02998',
};
const EXPECTED_GROUP: Record<string, string> = { 'Mông': '08', 'Phù Lá': '40', 'Giáy': '25', 'Nùng': '07', 'Người nước ngoài': '55' };
const NEITHER = new Set(['Huyện Bảo Yên', 'Tỉnh Lào Cai', 'Thủy', 'Hòa']);

describe('name_encoding_examples.csv', () => {
  it('has 27 rows, each expected to be a commune, a group, or neither', () => {
    expect(rows).toHaveLength(27);
    for (const r of rows) {
      const name = r.unicode_nfc!;
      expect(name in EXPECTED_COMMUNE || name in EXPECTED_GROUP || NEITHER.has(name), name).toBe(true);
    }
  });

  it('detects the TCVN3 column as TCVN3, and no other column', () => {
    const column = (name: string) => rows.map((r) => r[name]!);
    expect(looksLikeTcvn3(column('tcvn3_as_latin1'))).toBe(true);
    for (const c of ['unicode_nfc', 'vni_as_cp1252', 'tone_on_2nd_vowel', 'tone_on_1st_vowel', 'ascii_folded']) {
      expect(looksLikeTcvn3(column(c)), c).toBe(false);
    }
    expect(looksLikeTcvn3(column('unicode_nfc').map((s) => s.normalize('NFD')))).toBe(false);
  });

  it.each(rows.map((r) => [r.unicode_nfc!, r] as const))('%s: TCVN3 (text and hex bytes) converts to Unicode NFC', (name, r) => {
    expect(tcvn3ToUnicode(r.tcvn3_as_latin1!)).toBe(name);
    const bytes = Buffer.from(r.tcvn3_latin1_hex!.split(' ').map((h) => Number.parseInt(h, 16)));
    expect(tcvn3ToUnicode(bytes.toString('latin1'))).toBe(name);
    expect(`${name.normalize('NFD').length}/${name.length}`).toBe(r.nfd_len_vs_nfc_len);
  });

  it.each(rows.map((r) => [r.unicode_nfc!, r] as const))('%s: every spelling resolves where it names a commune or group', (name, r) => {
    const spellings = [name, name.normalize('NFD'), tcvn3ToUnicode(r.tcvn3_as_latin1!), r.tone_on_2nd_vowel!, r.tone_on_1st_vowel!];
    const commune = EXPECTED_COMMUNE[name];
    const group = EXPECTED_GROUP[name];
    for (const s of spellings) {
      if (commune) expect(resolveCommune({ name: s }, DATE), s).toMatchObject({ ok: true, code: commune });
      else if (group) expect(resolveEthnicGroup(s), s).toEqual({ ok: true, code: group });
      else expect(resolveCommune({ name: s }, DATE).ok || resolveEthnicGroup(s).ok, s).toBe(false);
    }
    // Without diacritics a commune is still found (its ASCII name is unique); a group never is.
    if (commune) expect(resolveCommune({ name: r.ascii_folded! }, DATE)).toMatchObject({ ok: true, code: commune });
    if (group) expect(resolveEthnicGroup(r.ascii_folded!).ok).toBe(false);
  });
});

describe('vn-text TCVN3 table', () => {
  it('holds exactly the single-byte rows of tcvn3_vni_map.csv', () => {
    const single = readReferenceCsv('tcvn3_vni_map.csv').filter((r) => !r.tcvn3_latin1_bytes!.includes(' '));
    expect(TCVN3_BYTE_TO_UNICODE.size).toBe(single.length);
    for (const r of single) expect(TCVN3_BYTE_TO_UNICODE.get(Number.parseInt(r.tcvn3_latin1_bytes!, 16)), r.unicode_nfc).toBe(r.unicode_nfc);
  });
});
