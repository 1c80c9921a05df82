import { describe, expect, it } from 'vitest';
import type { ParseType } from './types.ts';
import { eventDate } from './measures.ts';
import { districtLevelLastDay, formerCommune, formerCommuneOutside, governmentLevel, placeName, villageName } from './places-and-levels.ts';
import { Db } from '@dtts/db';
import { render, type Finding } from '@dtts/messages';

const in2024 = { referenceDate: '2024-12-31', year: 2024 };
const in2025 = { referenceDate: '2025-12-31', year: 2025 };
const parse = (type: ParseType, text: string, ctx = in2024) => {
  const r = type.schema(ctx).safeParse(text);
  // A finding as its code and, in Vietnamese, its words (the parameters rendered).
  const f = r.success ? undefined : (r.error.issues[0] as { params?: { finding?: Finding } } | undefined)?.params?.finding;
  return r.success ? r.data : `ERROR ${f?.code}: ${f ? render(f, 'vi') : ''}`;
};

describe('governmentLevel', () => {
  it('reads Huyện and Xã in the spellings of the sources', () => {
    const t = governmentLevel();
    expect(['Huyện', 'HUYỆN', 'Cấp huyện', 'Xã', 'xã', 'Xã/thị trấn', 'Cấp xã', 'Thị trấn'].map((s) => parse(t, s))).toEqual(
      ['Huyện', 'Huyện', 'Huyện', 'Xã', 'Xã', 'Xã', 'Xã', 'Xã'],
    );
    expect(parse(t, 'Tỉnh')).toBe('ERROR not_a_level: Không phải cấp quản lý (Huyện hoặc Xã)');
  });

  it('has no district level after 30 Jun 2025 (from the reference data) when asked', () => {
    expect(districtLevelLastDay).toBe('2025-06-30');
    expect(parse(governmentLevel(), 'Huyện', in2025)).toBe('Huyện');
    expect(parse(governmentLevel({ districtAbolished: 'by reference date' }), 'Huyện', in2024)).toBe('Huyện');
    expect(parse(governmentLevel({ districtAbolished: 'by reference date' }), 'Huyện', in2025)).toBe(
      'ERROR no_district_level: Từ sau ngày 30/06/2025 không còn cấp huyện: tệp số liệu ngày 31/12/2025 không thể có dòng cấp Huyện',
    );
    expect(parse(governmentLevel({ districtAbolished: 'by reference date' }), 'Xã', in2025)).toBe('Xã');
  });
});

describe('eventDate', () => {
  it('needs a day and the source year', () => {
    const t = eventDate();
    expect(parse(t, '05/03/2024')).toBe('2024-03-05');
    expect(parse(t, '2024-12-31')).toBe('2024-12-31');
    expect(parse(t, '45292')).toBe('2024-01-01'); // an Excel date serial
    expect(parse(t, '31/12/2023')).toBe('ERROR date_not_in_year: Ngày không thuộc năm 2024 của tệp số liệu');
    expect(parse(t, '2024')).toBe('ERROR date_no_day: Thiếu ngày: cần ghi đủ ngày, tháng, năm (dd/mm/yyyy)');
    expect(parse(t, '30/02/2024')).toMatch(/^ERROR date_impossible_day: Ngày không có thật/);
  });
});

describe('placeName and villageName', () => {
  it('strips Thôn/Bản/Tổ dân phố/TDP, one tone placement, single spaces; keeps case', () => {
    const t = villageName();
    expect(parse(t, 'Thôn Khe Bàn')).toBe('Khe Bàn');
    expect(parse(t, 'bản  Nậm   Khắt')).toBe('Nậm Khắt');
    expect(parse(t, 'Tổ dân phố 3')).toBe('3');
    expect(parse(t, 'TDP 1')).toBe('1');
    expect(parse(t, 'TDP.2')).toBe('2');
    expect(parse(t, 'Làng Hoà')).toBe(parse(t, 'Làng Hòa'));
    expect(parse(t, 'Làng Hoà'.normalize('NFD'))).toBe(parse(t, 'Làng Hòa'));
    expect(parse(t, 'Bản')).toBe('ERROR name_prefix_only: Chỉ có chữ đứng trước tên (Thôn, Bản, …), không có tên');
    // A name that only starts with the letters of a prefix keeps them.
    expect(parse(t, 'Bảo Thôn')).toBe('Bảo Thôn');
    expect(parse(t, 'Thônxa')).toBe('Thônxa');
  });

  it('without prefixes only normalises', () => {
    expect(parse(placeName(), ' Chi bộ  Trường THPT số 1 ')).toBe('Chi bộ Trường THPT số 1');
  });
});

describe('formerCommune', () => {
  it('resolves codes and names among the units of 30 Jun 2025, Văn Bàn\'s two included', () => {
    const t = formerCommune();
    expect(parse(t, '2971', in2025)).toBe('02971');
    expect(parse(t, 'Xã Kim Sơn', in2025)).toBe('02971');
    expect(parse(t, 'Tân An', in2025)).toBe('03079');
    expect(parse(t, 'Tan Thuong', in2025)).toBe('03070');
    expect(parse(t, 'Phố Ràng', in2025)).toBe('02947');
    expect(parse(t, '02995', in2025)).toBe('ERROR former_commune_code_unknown: Mã xã cũ không phải là xã tại ngày 30/06/2025');
    expect(parse(t, 'Hà Nội', in2025)).toBe('ERROR former_commune_unknown: Xã cũ không có trong danh mục tại ngày 30/06/2025');
  });

  it('knows which former communes went into which commune (the crosswalk)', async () => {
    const db = await Db.open();
    try {
      const outside = async (former: string | null, commune: string) =>
        (await db.one<{ v: boolean }>(`SELECT ${formerCommuneOutside('f', 'c')} AS v FROM (SELECT ?::VARCHAR AS f, ?::VARCHAR AS c)`, [former, commune]))?.v;
      expect(await outside('02971', '02989')).toBe(false); // Kim Sơn → Bảo Hà
      expect(await outside('03079', '02989')).toBe(false); // Tân An → Bảo Hà
      expect(await outside('02989', '02989')).toBe(false);
      expect(await outside('02971', '02962')).toBe(true); // Kim Sơn did not go into Xuân Hòa
      expect(await outside('02971', '02971')).toBe(false); // a 2024 row: the same unit
      expect(await outside(null, '02989')).toBe(false);
    } finally {
      db.close();
    }
  });
});
