import { describe, expect, it } from 'vitest';
import { communeUnits, crosswalk2025, merger2020, unitsInForce } from './communes.ts';

const codes = (date: string) => unitsInForce(date).map((u) => u.code).sort();

describe('communeUnits', () => {
  it('holds 2 pre-merger + 17 (2020) + 2 Văn Bàn + 6 (2025) units, unique on (code, validFrom)', () => {
    const count = (f: string) => communeUnits.filter((u) => u.frame === f).length;
    expect([count('2019'), count('2020'), count('van_ban'), count('2025')]).toEqual([2, 17, 2, 6]);
    const keys = new Set(communeUnits.map((u) => `${u.code}@${u.validFrom}`));
    expect(keys.size).toBe(communeUnits.length);
    for (const u of communeUnits) expect(u.code).toMatch(/^\d{5}$/);
  });

  it('re-uses 02947 and 02998 with different names per period', () => {
    const named = (code: string) => communeUnits.filter((u) => u.code === code).map((u) => `${u.frame}:${u.name}`);
    expect(named('02947')).toEqual(['2020:Thị trấn Phố Ràng', '2025:Xã Bảo Yên']);
    expect(named('02998')).toEqual(['2019:Xã Long Khánh', '2020:Xã Phúc Khánh', '2025:Xã Phúc Khánh']);
  });

  it('gives short names without the unit type', () => {
    const u = communeUnits.find((x) => x.code === '02947' && x.frame === '2020');
    expect(u).toMatchObject({ nameShort: 'Phố Ràng', type: 'Thị trấn', validFrom: '2020-03-01', validTo: '2025-06-30' });
    expect(communeUnits.find((x) => x.code === '03079')).toMatchObject({ nameShort: 'Tân An', frame: 'van_ban' });
  });
});

describe('unitsInForce', () => {
  it('has 17 units through 2025-06-30 and 6 from 2025-07-01', () => {
    expect(unitsInForce('2020-03-01')).toHaveLength(17);
    expect(unitsInForce('2024-10-01')).toHaveLength(17);
    expect(unitsInForce('2025-06-30')).toHaveLength(17);
    expect(codes('2025-07-01')).toEqual(['02947', '02953', '02962', '02968', '02989', '02998']);
  });

  it('never includes the Văn Bàn communes', () => {
    expect(codes('2024-10-01')).not.toContain('03079');
    expect(codes('2024-10-01')).not.toContain('03070');
    expect(codes('2024-10-01')).not.toContain('02995');
  });
});

describe('crosswalks', () => {
  it('maps all 17 units of 2020 plus Tân An and Tân Thượng, each to one of the 6 new communes', () => {
    expect(crosswalk2025).toHaveLength(19);
    expect(crosswalk2025.filter((c) => c.inBaoYen2020)).toHaveLength(17);
    const newCodes = new Set(codes('2025-10-01'));
    for (const c of crosswalk2025) expect(newCodes.has(c.newCode), c.oldName).toBe(true);
    expect(crosswalk2025.find((c) => c.oldCode === '03079')).toMatchObject({ newCode: '02989', newName: 'Xã Bảo Hà', inBaoYen2020: false });
  });

  it('merges Long Phúc and Long Khánh into Phúc Khánh (NQ 896)', () => {
    expect(merger2020.map((m) => [m.oldCode, m.newCode])).toEqual([['02995', '02998'], ['02998', '02998']]);
  });
});
