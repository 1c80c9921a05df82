import { describe, expect, it } from 'vitest';
import { catalogRows } from '@dtts/indicators';
import { checkVi, expectedSourceVi, PENDING_VI, quarantineReasonVi, UNIT_VI, warningVi } from './vi-texts.ts';

/** English left in a text meant for readers (identifiers like ma_ho or staging.stg_x are allowed). */
const english = (s: string) => s.replace(/[a-z_]+\.[a-z0-9_]+|\b[a-z]+_[a-z0-9_]+\b|\([^)]*\.(csv|xlsx|txt|docx)\)/g, '')
  .match(/\b(is|the|of|not|never|every|ignored|unknown|expected|after|before|than|above|below|duplicate|none|yet|register|survey|list)\b/i);

describe('Vietnamese for the catalog', () => {
  it('has a numerator, denominator and expected source for every target waiting for a source', () => {
    const pending = catalogRows.filter((c) => !c.has_source);
    expect(pending.length).toBeGreaterThan(15);
    for (const c of pending) {
      const vi = PENDING_VI[c.indicator_id];
      expect(vi, c.indicator_id).toBeDefined();
      for (const text of [vi!.numerator, vi!.denominator, vi!.source, expectedSourceVi(c)]) expect(english(text), `${c.indicator_id}: ${text}`).toBeNull();
    }
    // No translation for an id the catalog no longer has.
    for (const id of Object.keys(PENDING_VI)) expect(pending.map((c) => c.indicator_id)).toContain(id);
    for (const c of catalogRows) expect(UNIT_VI[c.unit], c.unit).toBeDefined();
  });
});

describe('Vietnamese for ingestion messages', () => {
  it('translates every quarantine reason ingestion writes, dropping what it quotes of a record', () => {
    const reasons = [
      'unknown commune code «…» on 2021-10-01', 'unknown commune «…» on 2021-10-01', '-… is below 0', '15 is above 12',
      'not a yes/no value (expected Có/Không, x, 1/0, TRUE/FALSE): «…»', 'birth date 15/12/2020 is after the reference date 01/10/2020',
      'not a sex (expected Nam/Nữ or 1/2): «…»', 'more solid classrooms than classrooms',
      'duplicate ma_ho «…»: already loaded from census/2024/ho_thi_tran_pho_rang.csv row 25',
      'ambiguous ethnic group «…»: Dao (09), Sán Dìu (18)', 'impossible date (day 31 of month 2): «…»', 'ma_ho «…» does not exist in ho of 2023',
      'unknown ethnic group code «…» (codes are 01–55)', 'the card ends before it starts', '«…» is not one of: Hộ nghèo, Hộ cận nghèo',
      'birth year 2031 is after 2025', 'birth year 1700 is impossible', '«…» is a year, not a full date', 'a citizen id has 12 digits',
      'a card number has 15 characters', 'date 02/10/2025 is after the reference date 01/10/2025',
    ];
    for (const r of reasons) {
      const vi = quarantineReasonVi(r);
      expect(vi, r).not.toBe(r);
      expect(english(vi), `${r} → ${vi}`).toBeNull();
      expect(vi, r).not.toMatch(/row \d|\d\d\/\d\d\/\d{4}/); // no file row, no date of a record
    }
    expect(quarantineReasonVi('ambiguous ethnic group «…»: Dao (09), Sán Dìu (18)')).toBe('Dân tộc không rõ, có thể là: Dao (09), Sán Dìu (18)');
    expect(quarantineReasonVi('something new')).toBe('something new');
  });

  it('translates warnings and checks', () => {
    expect(warningVi('commune 02998 (Xã Long Khánh) was abolished on 2020-03-01; mapped forward to its successor 02998 (Xã Phúc Khánh)'))
      .toBe('Mã xã 02998 (Xã Long Khánh) đã giải thể từ 01/03/2020; số liệu được chuyển sang xã kế thừa 02998 (Xã Phúc Khánh)');
    for (const w of ['ignored: neither .csv nor .xlsx (census/2023/README.txt)', 'ignored: an Excel lock file (census/2023/~$ho.xlsx)',
      'sheet «…» ignored (the table is read from sheet «…»)', 'legacy TCVN3 text converted to Unicode',
      'commune code 02980 (Xã Xuân Thượng) was abolished on 2025-07-01; mapped forward to its successor 02947 (Xã Bảo Yên)',
      'columns ignored (no such column in ho): ghi_chu, x']) {
      expect(english(warningVi(w)), w).toBeNull();
    }
    for (const c of ['staging.stg_census__ho: (year, ma_ho) is unique (every repeat after the first fails)',
      'staging.stg_census__ho: year, ma_ho, commune_code never NULL', 'staging.stg_census__nhan_khau: gioi_tinh is Nam or Nữ',
      'staging.stg_poverty__ho_ngheo: dan_toc_chu_ho is an ethnic code of ref.ethnic_groups',
      'staging.stg_school__hoc_sinh: commune_code is a commune of the frame in force at the reference date (2020 frame for 2020–2024, 2025 frame from 2025)',
      'every commune of the frame has rows in every source for every year of the run']) {
      const vi = checkVi(c);
      expect(vi, c).not.toBe(c);
      expect(english(vi), `${c} → ${vi}`).toBeNull();
    }
  });
});
