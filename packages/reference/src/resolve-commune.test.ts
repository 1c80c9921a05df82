import { finding } from '@dtts/messages';
import { describe, expect, it } from 'vitest';
import { communeUnits } from './communes.ts';
import { matchCommuneName } from './commune-names.ts';
import { resolveCommune } from './resolve-commune.ts';

const Y2024 = '2024-10-01'; // census reference date, 2020 frame
const Y2025 = '2025-10-01'; // census reference date, 2025 frame

describe('resolveCommune by code', () => {
  it('pads codes that lost their leading zero', () => {
    expect(resolveCommune({ code: '2947' }, Y2024)).toEqual({ ok: true, code: '02947', name: 'Thị trấn Phố Ràng', frame: '2020' });
    expect(resolveCommune({ code: ' 2989 ' }, Y2024)).toMatchObject({ ok: true, code: '02989' });
    expect(resolveCommune({ code: '2989.0' }, Y2024)).toMatchObject({ ok: true, code: '02989' });
  });

  it('resolves re-used codes to the unit in force at the date', () => {
    expect(resolveCommune({ code: '02947' }, Y2024)).toEqual({ ok: true, code: '02947', name: 'Thị trấn Phố Ràng', frame: '2020' });
    expect(resolveCommune({ code: '02947' }, Y2025)).toEqual({ ok: true, code: '02947', name: 'Xã Bảo Yên', frame: '2025' });
    expect(resolveCommune({ code: '02998' }, Y2024)).toEqual({ ok: true, code: '02998', name: 'Xã Phúc Khánh', frame: '2020' });
    expect(resolveCommune({ code: '02998' }, Y2025)).toEqual({ ok: true, code: '02998', name: 'Xã Phúc Khánh', frame: '2025' });
    expect(resolveCommune({ code: '02947' }, '2025-06-30')).toMatchObject({ frame: '2020', name: 'Thị trấn Phố Ràng' });
    expect(resolveCommune({ code: '02947' }, '2025-07-01')).toMatchObject({ frame: '2025', name: 'Xã Bảo Yên' });
  });

  it('maps a code abolished in 2025 forward, with a warning naming both units', () => {
    expect(resolveCommune({ code: '02980' }, Y2025)).toEqual({
      ok: true, code: '02947', name: 'Xã Bảo Yên', frame: '2025',
      warnings: [finding('commune_mapped_forward', { commune: '02980 (Xã Xuân Thượng)', date: '2025-07-01', successor: '02947 (Xã Bảo Yên)' })],
    });
    expect(resolveCommune({ code: '02950' }, Y2025)).toMatchObject({ code: '02953', name: 'Xã Nghĩa Đô' });
    expect(resolveCommune({ code: '02965' }, '2025-09-05')).toMatchObject({ code: '02962', name: 'Xã Xuân Hòa' });
  });

  it('maps Long Phúc (abolished by the 2020 merger) to Phúc Khánh in 2020 and 2025 data', () => {
    const r2020 = resolveCommune({ code: '02995' }, '2020-10-01');
    expect(r2020).toMatchObject({ ok: true, code: '02998', name: 'Xã Phúc Khánh', frame: '2020' });
    if (r2020.ok) expect(r2020.warnings?.[0]?.params).toMatchObject({ commune: '02995 (Xã Long Phúc)', successor: '02998 (Xã Phúc Khánh)' });
    expect(resolveCommune({ code: '02995' }, Y2025)).toMatchObject({ ok: true, code: '02998', frame: '2025' });
  });

  it('places the Văn Bàn communes in Bảo Hà from 2025 only', () => {
    for (const code of ['03079', '03070']) {
      const r = resolveCommune({ code }, Y2025);
      expect(r).toMatchObject({ ok: true, code: '02989', name: 'Xã Bảo Hà', frame: '2025' });
      if (r.ok) expect(String(r.warnings?.[0]?.params.commune)).toContain('Huyện Văn Bàn');
      const before = resolveCommune({ code }, Y2024);
      expect(before.ok).toBe(false);
      if (!before.ok) expect(before.finding).toMatchObject({ code: 'commune_in_van_ban', params: { date: Y2024 } });
    }
  });

  it('fails on unknown codes with a plain reason', () => {
    expect(resolveCommune({ code: '12345' }, Y2024)).toEqual({ ok: false, finding: finding('commune_code_unknown', { date: '2024-10-01' }) });
    expect(resolveCommune({ code: 'abc' }, Y2024)).toEqual({ ok: false, finding: finding('commune_code_unknown', { date: '2024-10-01' }) });
    expect(resolveCommune({ code: '029470' }, Y2024).ok).toBe(false);
    expect(resolveCommune({}, Y2024)).toEqual({ ok: false, finding: finding('commune_missing') });
  });

  it('lets the code win over the name, and flags a contradicting name', () => {
    expect(resolveCommune({ code: '02989', name: 'Phố Ràng' }, Y2024)).toEqual({
      ok: true, code: '02989', name: 'Xã Bảo Hà', frame: '2020',
      warnings: [finding('commune_name_mismatch', { code: '02989', used: 'Xã Bảo Hà' })],
    });
    expect(resolveCommune({ code: '02989', name: 'Xã Bảo Hà' }, Y2024)).toEqual({ ok: true, code: '02989', name: 'Xã Bảo Hà', frame: '2020' });
    // the old name of a re-used code is no contradiction
    expect(resolveCommune({ code: '02947', name: 'TT Phố Ràng' }, Y2025)).toEqual({ ok: true, code: '02947', name: 'Xã Bảo Yên', frame: '2025' });
    expect(resolveCommune({ code: '', name: 'Bảo Hà' }, Y2024)).toMatchObject({ ok: true, code: '02989' });
    expect(resolveCommune({ code: null, name: 'Bảo Hà' }, Y2024)).toMatchObject({ ok: true, code: '02989' });
  });

  it('refuses malformed and pre-2020 reference dates', () => {
    expect(() => resolveCommune({ code: '02947' }, '1/10/2024')).toThrow(/YYYY-MM-DD/);
    expect(resolveCommune({ code: '02947' }, '2019-10-01').ok).toBe(false);
  });
});

describe('resolveCommune by name', () => {
  it.each([
    'Xã Bảo Hà', 'Bảo Hà', 'xã Bảo Hà', 'XÃ BẢO HÀ', 'Bao Ha', 'Xa Bao Ha', 'BAO HA', 'Xã Bảo Hà'.normalize('NFD'), ' Bảo  Hà ',
  ])('%s is 02989 Bảo Hà', (name) => {
    expect(resolveCommune({ name }, Y2024)).toEqual({ ok: true, code: '02989', name: 'Xã Bảo Hà', frame: '2020' });
  });

  it.each(['TT Phố Ràng', 'TT. Phố Ràng', 'Thị trấn Phố Ràng', 'thi tran Pho Rang', 'Phố Ràng'])('%s is 02947 in 2024', (name) => {
    expect(resolveCommune({ name }, Y2024)).toMatchObject({ ok: true, code: '02947', name: 'Thị trấn Phố Ràng' });
  });

  it('ignores tone placement: Xuân Hòa and Xuân Hoà are one commune in both frames', () => {
    for (const name of ['Xuân Hòa', 'Xuân Hoà', 'Xã Xuân Hoà', 'XUÂN HÒA']) {
      expect(resolveCommune({ name }, Y2024)).toMatchObject({ ok: true, code: '02962', name: 'Xã Xuân Hoà', frame: '2020' });
      expect(resolveCommune({ name }, Y2025)).toEqual({ ok: true, code: '02962', name: 'Xã Xuân Hòa', frame: '2025' });
    }
  });

  it('maps names of abolished units forward with a warning', () => {
    const r = resolveCommune({ name: 'TT Phố Ràng' }, Y2025);
    expect(r).toMatchObject({ ok: true, code: '02947', name: 'Xã Bảo Yên', frame: '2025' });
    if (r.ok) expect(r.warnings).toEqual([finding('commune_mapped_forward', { commune: '02947 (Thị trấn Phố Ràng)', date: '2025-07-01', successor: '02947 (Xã Bảo Yên)' })]);
    expect(resolveCommune({ name: 'Xã Long Khánh' }, Y2024)).toMatchObject({ ok: true, code: '02998', name: 'Xã Phúc Khánh' });
    expect(resolveCommune({ name: 'Tân An' }, Y2025)).toMatchObject({ ok: true, code: '02989', name: 'Xã Bảo Hà' });
    expect(resolveCommune({ name: 'Kim Son' }, Y2025)).toMatchObject({ ok: true, code: '02989' });
  });

  it('fails on names not in force and not abolished', () => {
    expect(resolveCommune({ name: 'Bảo Yên' }, Y2024)).toEqual({ ok: false, finding: finding('commune_name_unknown', { date: '2024-10-01' }) });
    expect(resolveCommune({ name: 'Hà Nội' }, Y2025)).toEqual({ ok: false, finding: finding('commune_name_unknown', { date: '2025-10-01' }) });
    expect(resolveCommune({ name: 'Tân An' }, Y2024).ok).toBe(false);
    expect(resolveCommune({ name: 'Xã' }, Y2024).ok).toBe(false);
  });
});

describe('matchCommuneName', () => {
  // No two real Bảo Yên units share an ASCII name, so ambiguity is shown on units built for the test.
  const base = communeUnits.find((u) => u.code === '02950' && u.frame === '2020')!;
  const tanTien = { ...base, code: '90001', name: 'Xã Tân Tiến', nameShort: 'Tân Tiến' };
  const tanTien2 = { ...base, code: '90002', name: 'Xã Tấn Tiến', nameShort: 'Tấn Tiến' };

  it('accepts an ASCII-folded match only when it is unique', () => {
    expect(matchCommuneName('Tan Tien', [tanTien, tanTien2])).toEqual({ kind: 'many', units: [tanTien, tanTien2] });
    expect(matchCommuneName('Tân Tiến', [tanTien, tanTien2])).toEqual({ kind: 'one', unit: tanTien });
    expect(matchCommuneName('Tan Tien', [tanTien])).toEqual({ kind: 'one', unit: tanTien });
    // compared without diacritics, a mistyped tone still finds the one commune it can be
    expect(matchCommuneName('Tân Tiền', [tanTien])).toEqual({ kind: 'one', unit: tanTien });
    expect(matchCommuneName('Tân Tiên Mới', [tanTien])).toEqual({ kind: 'none' });
  });
});
