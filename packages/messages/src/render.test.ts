import { Db } from '@dtts/db';
import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageCode } from './catalogue.ts';
import { encodeFinding, finding, parseTemplate, render, renderSql, template } from './render.ts';

const codes = Object.keys(MESSAGES) as MessageCode[];
const paramsOf = (t: string) => new Set(parseTemplate(t).flatMap((p) => ('param' in p ? [p.param] : [])));
/** A sample value for each parameter: dates for date placeholders, text with a quote elsewhere. */
const sample = (code: MessageCode) =>
  Object.fromEntries(parseTemplate(template(code, 'en')).flatMap((p) => ('param' in p ? [[p.param, p.format === 'date' ? '2024-10-01' : `x'${p.param}`]] : [])));

/** English left in a Vietnamese text (identifiers, file names, codes such as TRUE/FALSE are allowed). */
export const englishIn = (s: string) =>
  s.replace(/\{\w+(:\w+)?\}|TRUE\/FALSE|Unicode|\.csv|\.xlsx/g, '').match(/\b(is|the|of|not|no|never|every|ignored|unknown|expected|after|before|than|above|below|duplicate|none|missing|value|date|year|commune|sheet|column|file|row)\b/i);

describe('the message catalogue', () => {
  it('words every code in Vietnamese and English with the same parameters', () => {
    for (const c of codes) {
      const en = paramsOf(template(c, 'en'));
      expect([...paramsOf(template(c, 'vi'))].sort(), c).toEqual([...en].sort());
      for (const p of paramsOf(template(c, 'site'))) expect(en.has(p), `${c}: site uses ${p}`).toBe(true);
      expect(englishIn(template(c, 'vi')), `${c}: ${template(c, 'vi')}`).toBeNull();
      expect(englishIn(template(c, 'site')), `${c}: ${template(c, 'site')}`).toBeNull();
      expect(template(c, 'vi'), c).not.toBe(template(c, 'en'));
    }
  });

  it('never shows on the site where a quarantined record is (file, row) or what a person typed', () => {
    for (const c of codes) {
      const hidden = MESSAGES[c].kind === 'reason' ? ['file', 'row', 'value'] : ['value', 'sheet', 'readSheet'];
      for (const p of paramsOf(template(c, 'site'))) expect(hidden, `${c}: ${p}`).not.toContain(p);
    }
  });

  it('renders parameters, dates as dd/mm/yyyy in Vietnamese, and an unknown code as itself', () => {
    expect(render(finding('number_below', { min: 0 }), 'vi')).toBe('Giá trị nhỏ hơn 0');
    expect(render(finding('number_below', { min: 0 }), 'en')).toBe('below 0');
    expect(render(finding('birth_date_after_reference', { referenceDate: '2024-10-01' }), 'vi')).toBe('Ngày sinh sau ngày tham chiếu 01/10/2024');
    expect(render(finding('birth_date_after_reference', { referenceDate: '2024-10-01' }), 'en')).toBe('birth date after the reference date 2024-10-01');
    const dup = finding('duplicate_key', { key: 'ma_ho', file: 'census/2024/ho.csv', row: 25 });
    expect(render(dup, 'vi')).toBe('Trùng ma_ho: đã nạp từ tệp census/2024/ho.csv, dòng 25');
    expect(render(dup, 'site')).toBe('Trùng ma_ho: đã nạp từ một dòng khác');
    expect(render(finding('value_missing'), 'vi')).toBe('Thiếu giá trị bắt buộc');
    expect(render({ code: 'something_new', params: {} }, 'vi')).toBe('something_new');
    expect(JSON.parse(encodeFinding(dup))).toEqual({ code: 'duplicate_key', params: { key: 'ma_ho', file: 'census/2024/ho.csv', row: 25 } });
  });

  it('renders the same words in DuckDB as in JavaScript, for every code and language', async () => {
    const db = await Db.open();
    try {
      await db.run('CREATE TABLE f (code VARCHAR, params VARCHAR)');
      for (const c of codes) await db.run('INSERT INTO f VALUES (?, ?)', [c, JSON.stringify(sample(c))]);
      await db.run(`INSERT INTO f VALUES ('something_new', '{}'), ('date_after_reference', '{"referenceDate":"not a date"}')`);
      for (const lang of ['vi', 'en', 'site'] as const) {
        const rows = await db.all<{ code: string; params: string; text: string }>(`SELECT code, params, ${renderSql('code', 'params', lang)} AS text FROM f`);
        expect(rows.length).toBe(codes.length + 2);
        for (const r of rows) expect(r.text, `${lang} ${r.code}`).toBe(render({ code: r.code, params: JSON.parse(r.params) }, lang));
      }
    } finally {
      db.close();
    }
  });
});
