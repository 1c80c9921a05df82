import { finding } from '@dtts/messages';
import { describe, expect, it } from 'vitest';
import { ethnicGroups } from './ethnic-groups.ts';
import { resolveEthnicGroup } from './resolve-ethnic-group.ts';

describe('resolveEthnicGroup', () => {
  it.each([
    ['8', '08'], ['08', '08'], [' 1 ', '01'], ['55', '55'], ['54', '54'],
    ['Mông', '08'], ["H'Mông", '08'], ['HMông', '08'], ['Hmông', '08'], ['H Mông', '08'], ['H’Mông', '08'], ['HMÔNG', '08'], ['h-mông', '08'],
    ['Mèo', '08'], ['Phù Lá', '40'], ['Xá Phó', '40'], ['Tày', '02'], ['Dao', '09'], ['Giáy', '25'], ['Nùng', '07'],
    ['Kinh', '01'], ['Kinh (Việt)', '01'], ['Việt', '01'], ['Khơ-me', '05'], ['Khmer', '05'], ['Khơ Me', '05'],
    ['Sán Chay', '15'], ['Cao Lan', '15'], ['Người nước ngoài', '55'], ['Pa Dí', '02'],
    ['Mông'.normalize('NFD'), '08'], ['Phù lá', '40'], ['La Hủ', '41'], ['Lào', '37'],
  ])('%s → %s', (raw, code) => {
    expect(resolveEthnicGroup(raw)).toEqual({ ok: true, code });
  });

  it('lets a canonical name beat other groups\' other names', () => {
    expect(resolveEthnicGroup('Thổ')).toEqual({ ok: true, code: '24' }); // also an old name of Tày and a Khơ-me name
    expect(resolveEthnicGroup('Hoa')).toEqual({ ok: true, code: '04' }); // also a Mông subgroup
  });

  it('lets a spelling variant beat an other name shared by two groups', () => {
    expect(resolveEthnicGroup('Mán')).toEqual({ ok: true, code: '09' }); // Dao's variant; other name of Dao and Sán Dìu
  });

  it('never drops diacritics: Lao is La Hủ\'s other name, not Lào', () => {
    expect(resolveEthnicGroup('Lao')).toEqual({ ok: true, code: '41' });
    const r = resolveEthnicGroup('Tay');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding).toEqual(finding('ethnic_group_without_diacritics', { candidates: 'Tày (02)' }));
    expect(resolveEthnicGroup('Mong').ok).toBe(false);
  });

  it('reports other names shared by several groups as ambiguous, with candidates', () => {
    expect(resolveEthnicGroup('Trại')).toEqual({ ok: false, finding: finding('ethnic_group_ambiguous', { candidates: 'Dao (09), Sán Dìu (18)' }), candidates: ['09', '18'] });
    expect(resolveEthnicGroup('Xá Lá Vàng')).toMatchObject({ ok: false, candidates: ['24', '44', '45'] });
    expect(resolveEthnicGroup('Xá Khao')).toMatchObject({ ok: false, candidates: ['33', '39'] });
  });

  it('fails on unknown codes and names', () => {
    expect(resolveEthnicGroup('56')).toEqual({ ok: false, finding: finding('ethnic_group_code_unknown') });
    expect(resolveEthnicGroup('0')).toMatchObject({ ok: false });
    expect(resolveEthnicGroup('123')).toEqual({ ok: false, finding: finding('ethnic_group_unknown') });
    expect(resolveEthnicGroup('Kinh Việt Nam')).toEqual({ ok: false, finding: finding('ethnic_group_unknown') });
    expect(resolveEthnicGroup('  ')).toEqual({ ok: false, finding: finding('ethnic_group_missing') });
  });

  it('resolves every group by its code, canonical name and each of its variants', () => {
    for (const g of ethnicGroups) {
      expect(resolveEthnicGroup(g.code)).toEqual({ ok: true, code: g.code });
      expect(resolveEthnicGroup(g.name), g.name).toEqual({ ok: true, code: g.code });
      for (const v of g.variants) {
        if (v === 'Thổ') continue; // Tày's old name, which the group Thổ (24) takes by canonical name
        expect(resolveEthnicGroup(v), v).toEqual({ ok: true, code: g.code });
      }
    }
  });
});
