// Every registered connector's tables get a form, written to disk and read back with exceljs:
// headers as the engine reads them, a validation and input message on every column, the
// declared lists, protection, frozen header, instructions. Lists are checked against counts
// worked out by hand from the reference data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector, v } from '@dtts/ingest-core';
import { connectors } from '@dtts/pipeline/connectors';
import { openForm, type FormFile } from './clerk.test-helper.ts';
import { buildForm, LAYOUT, SHEETS, validationsOf } from './workbook.ts';
import { writeForms, type WrittenForm } from './write.ts';

let dir: string;
let written: WrittenForm[];
const forms = new Map<string, FormFile>();
const open = (connector: string, table: string) => forms.get(`${connector}/${table}`)!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forms-'));
  written = (await writeForms({ year: 2026, outDir: dir, connectors })).forms;
  for (const f of written) forms.set(`${f.connector}/${f.table}`, await openForm(join(dir, f.file)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const tables = connectors.flatMap((c) => c.tables.map((t) => ({ connector: c, table: t })));

describe('pnpm forms --year 2026', () => {
  it('writes one form per table of every registered connector, named for its table, in the sources layout', () => {
    expect(written.map((f) => f.file).sort()).toEqual(
      tables.map(({ connector, table }) => `${connector.id}/2026/${table.prefixes?.[0] ?? table.name}_bieu_mau_2026.xlsx`).sort(),
    );
  });

  describe.each(tables.map(({ connector, table }) => [`${connector.id}/${table.name}`, connector, table] as const))('%s', (_, connector, table) => {
    it('has the data sheet first, then the instructions and the lists', () => {
      expect(open(connector.id, table.name).workbook.worksheets.map((s) => s.name)).toEqual([table.name, SHEETS.instructions, SHEETS.lists]);
    });

    it('heads its columns with the canonical Vietnamese header the connector reads, in declaration order', () => {
      expect(open(connector.id, table.name).headers).toEqual(Object.entries(table.columns).map(([name, c]) => c.aliases[0] ?? name));
    });

    it('puts a validation with a Vietnamese input message on every column, over every entry row', () => {
      const form = open(connector.id, table.name);
      form.headers.forEach((header, i) => {
        const v = form.validation(i + 1);
        expect(v, header).toBeDefined();
        expect(v!.showInputMessage).toBe(true);
        expect(v!.prompt!.startsWith(header)).toBe(true);
        expect(v!.prompt!.length).toBeLessThanOrEqual(255);
        // …and down to the last open row.
        const last = `${form.sheet.getColumn(i + 1).letter}${LAYOUT.firstDataRow + 999}`;
        expect((form.sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[last]).toEqual(v);
      });
    });

    it('marks the required columns above their header', () => {
      const form = open(connector.id, table.name);
      const grouped = new Set((table.requireOneOf ?? []).flat());
      Object.entries(table.columns).forEach(([name, c], i) => {
        const marker = form.sheet.getCell(LAYOUT.markerRow, i + 1).value;
        if (grouped.has(name)) expect(marker, name).toBe('Bắt buộc (một trong)');
        else if (c.required) expect(marker, name).toBe('Bắt buộc');
        else expect(String(marker ?? ''), name).not.toMatch(/Bắt buộc/);
      });
    });

    it('offers every declared choice list as a list validation, the same values in the same order', () => {
      const form = open(connector.id, table.name);
      const ctx = { referenceDate: connector.referenceDate(2026), year: 2026 };
      Object.values(table.columns).forEach((c, i) => {
        if (c.type.input?.kind !== 'list') return;
        expect(form.validation(i + 1)!.type).toBe('list');
        expect(form.listValues(i + 1)).toEqual(c.type.input.choices(ctx).map((x) => x.value));
      });
    });

    it('freezes and protects the header, leaves the entry rows open, and formats dates dd/mm/yyyy', () => {
      const { sheet } = open(connector.id, table.name);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: LAYOUT.headerRow });
      expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
      // Excel locks a cell unless its style says otherwise (exceljs then writes no protection at all).
      expect(sheet.getCell(LAYOUT.headerRow, 1).protection?.locked ?? true).toBe(true);
      for (let r = 1; r < LAYOUT.firstDataRow; r++) {
        for (let c = 1; c <= Object.keys(table.columns).length; c++) expect(sheet.getCell(r, c).protection?.locked ?? true, `row ${r} col ${c}`).toBe(true);
      }
      expect(sheet.getColumn(1).style.protection?.locked).toBe(false);
      Object.values(table.columns).forEach((c, i) => {
        if (c.type.input?.kind === 'date') expect(sheet.getColumn(i + 1).numFmt).toBe('dd/mm/yyyy');
        expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(10);
      });
    });

    it('carries a title block and an instructions sheet in Vietnamese: who, by when, reference date, what a row is, personal data', () => {
      const form = open(connector.id, table.name);
      const title = [1, 2, 3, 4].map((r) => String(form.sheet.getCell(r, 1).value)).join('\n');
      const ref = connector.referenceDate(2026).split('-').reverse().join('/');
      expect(title).toContain(`NĂM 2026`);
      expect(title).toContain(connector.owner);
      expect(title).toContain(`Số liệu tính đến ngày ${ref}`);
      expect(title).toContain(table.vi?.row ?? '(no Vietnamese row description)');
      const text: string[] = [];
      form.workbook.getWorksheet(SHEETS.instructions)!.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
      const all = text.join('\n');
      for (const needle of ['Ai điền', 'Hạn gửi', 'Mỗi dòng', 'DỮ LIỆU CÁ NHÂN', ref, connector.owner]) expect(all).toContain(needle);
      for (const [name, c] of Object.entries(table.columns)) {
        if (c.type.pii) expect(all, name).toMatch(new RegExp(`Cột chứa dữ liệu cá nhân.*${c.aliases[0]}`, 's'));
      }
    });
  });
});

describe('the lists of a 2026 form', () => {
  it('lists the six communes in force since 1 July 2025 by name, codes beside them, and none of the abolished ones', () => {
    const form = open('census', 'ho');
    const name = form.headers.indexOf('Tên xã') + 1;
    const code = form.headers.indexOf('Mã xã') + 1;
    expect(form.listValues(name).sort()).toEqual(['Xã Bảo Hà', 'Xã Bảo Yên', 'Xã Nghĩa Đô', 'Xã Phúc Khánh', 'Xã Thượng Hà', 'Xã Xuân Hòa'].sort());
    expect(form.listValues(code).sort()).toEqual(['02947', '02953', '02962', '02968', '02989', '02998']);
    const lists = form.workbook.getWorksheet(SHEETS.lists)!;
    const beside = new Map<string, string>();
    lists.eachRow((row) => row.eachCell((cell, col) => {
      if (cell.value === 'Xã Bảo Hà') beside.set(String(cell.value), String(row.getCell(col + 1).value));
    }));
    expect(beside.get('Xã Bảo Hà')).toBe('02989');
    expect(form.listValues(name)).not.toContain('Thị trấn Phố Ràng');
  });

  it('lists the 54 ethnic groups by name', () => {
    const form = open('census', 'nhan_khau');
    const groups = form.listValues(form.headers.indexOf('Dân tộc') + 1);
    expect(groups).toHaveLength(54);
    expect(groups).toEqual(expect.arrayContaining(['Kinh', 'Tày', 'Dao', 'HMông', 'Nùng', 'Giáy']));
    expect(groups).not.toContain('Người nước ngoài');
  });

  it('offers Có/Không for yes-no columns, and the enumerations in words', () => {
    const ho = open('census', 'ho');
    expect(ho.listValues(ho.headers.indexOf('Điện lưới') + 1)).toEqual(['Có', 'Không']);
    const poor = open('poverty', 'ho_ngheo');
    expect(poor.listValues(poor.headers.indexOf('Phân loại') + 1)).toEqual(['Hộ nghèo', 'Hộ cận nghèo']);
    const pupils = open('school', 'hoc_sinh');
    expect(pupils.listValues(pupils.headers.indexOf('Nội trú/Bán trú') + 1)).toEqual(['Nội trú', 'Bán trú']);
  });

  it('bounds whole numbers and dates as declared, with Vietnamese examples', () => {
    const poor = open('poverty', 'ho_ngheo');
    const lacking = poor.validation(poor.headers.indexOf('Số chỉ số thiếu hụt') + 1)!;
    expect(lacking).toMatchObject({ type: 'whole', formulae: [0, 12] });
    const ho = open('census', 'ho');
    const income = ho.validation(ho.headers.indexOf('Thu nhập bình quân') + 1)!;
    expect(income).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(income.prompt).toContain('ví dụ 1.500.000');
    expect(ho.sheet.getColumn(ho.headers.indexOf('Thu nhập bình quân') + 1).numFmt).toBe('#,##0');
    const people = open('census', 'nhan_khau');
    const birth = people.validation(people.headers.indexOf('Ngày sinh') + 1)!;
    expect(birth.type).toBe('date');
    expect(birth.prompt).toContain('không sau 01/10/2026');
    const id = people.validation(people.headers.indexOf('Số định danh') + 1)!;
    expect(id).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [12] });
    expect(id.prompt).toContain('Đúng 12 chữ số');
  });

  it('lists the 17 units of 2020–2025 on a 2024 form instead', async () => {
    const d = await mkdtemp(join(tmpdir(), 'forms-2024-'));
    try {
      const census = connectors.filter((c) => c.id === 'census');
      const [ho] = (await writeForms({ year: 2024, outDir: d, connectors: census })).forms;
      const form = await openForm(join(d, ho!.file));
      const names = form.listValues(form.headers.indexOf('Tên xã') + 1);
      expect(names).toHaveLength(17);
      expect(names).toContain('Thị trấn Phố Ràng');
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});

describe('a declaration the registered connectors do not use yet', () => {
  // A weighing table as a new connector might declare it: a decimal measure, and a value type
  // written without `input` (the form then takes the column as free text).
  const weighing = defineConnector({
    id: 'weighing-test',
    title: 'Cân trẻ em',
    owner: 'Trạm y tế xã',
    referenceDate: (y) => `${y}-06-01`,
    tables: [{
      name: 'can_nang',
      description: 'One row per weighing',
      vi: { title: 'Kết quả cân trẻ', row: 'Mỗi dòng là một lần cân một trẻ' },
      columns: {
        can_nang: {
          aliases: ['Cân nặng (kg)'],
          type: { ...v.integer(), input: { kind: 'decimal', range: () => ({ min: 0.5, max: 50 }), decimals: 1 } },
          required: true,
          description: 'kg',
        },
        ghi_chu: { aliases: ['Ghi chú'], type: { ...v.text(), input: undefined }, description: 'note' },
      },
    }],
  });

  it('gives a decimal measure its Vietnamese example, format and bounds, and takes an undescribed type as text', async () => {
    const built = buildForm({ connector: weighing, table: weighing.tables[0]!, year: 2026 });
    const [weight, note] = built.columns;
    expect(weight!.hint).toBe('Cân nặng (kg), ví dụ 12,5. Bắt buộc. Số, dấu phẩy thập phân (tối đa 1 chữ số sau dấu phẩy), từ 0,5 đến 50.');
    expect(weight!.numFmt).toBe('#,##0.0');
    expect(note).toMatchObject({ header: 'Ghi chú', numFmt: '@', hint: 'Ghi chú.' });
    const sheet = built.workbook.getWorksheet('can_nang')!;
    expect(validationsOf(sheet).model[`A${LAYOUT.firstDataRow}:A${built.dataRows.last}`]).toMatchObject({ type: 'decimal', formulae: [0.5, 50] });
  });
});
