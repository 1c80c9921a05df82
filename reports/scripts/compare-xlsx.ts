// Compares two workbooks as exceljs reads them: sheet names, each sheet's views, page setup, footer, conditional
// formats and column widths, and every cell's value, type, number format, font, alignment, fill, border and note.
// Exit 1 on a difference.   tsx scripts/compare-xlsx.ts A.xlsx B.xlsx
import ExcelJS from 'exceljs';
const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: tsx scripts/compare-xlsx.ts A.xlsx B.xlsx');
const read = async (p: string) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(p); return wb; };
const [x, y] = [await read(a), await read(b)];
let diffs = 0;
const say = (m: string) => { if (diffs++ < 15) console.log(m); };
const j = (v: unknown) => JSON.stringify(v);
if (j(x.worksheets.map((w) => w.name)) !== j(y.worksheets.map((w) => w.name))) say('sheet names differ');
console.log('creator', x.creator, y.creator, 'created', x.created?.toISOString(), y.created?.toISOString());
let cells = 0;
for (const wx of x.worksheets) {
  const wy = y.getWorksheet(wx.name);
  if (!wy) { say(`no sheet ${wx.name}`); continue; }
  for (const k of ['views', 'pageSetup', 'headerFooter', 'rowCount', 'columnCount', 'conditionalFormattings'] as const) {
    const vx = j((wx as never)[k]); const vy = j((wy as never)[k]);
    if (vx !== vy) say(`${wx.name} ${k}: ${vx} | ${vy}`);
  }
  for (let c = 1; c <= Math.max(wx.columnCount, wy.columnCount); c++) {
    if (wx.getColumn(c).width !== wy.getColumn(c).width) say(`${wx.name} col ${c} width ${wx.getColumn(c).width} ${wy.getColumn(c).width}`);
    if (j(wx.getColumn(c).style) !== j(wy.getColumn(c).style)) say(`${wx.name} col ${c} style ${j(wx.getColumn(c).style)} | ${j(wy.getColumn(c).style)}`);
  }
  for (let r = 1; r <= Math.max(wx.rowCount, wy.rowCount); r++) {
    const rx = wx.getRow(r); const ry = wy.getRow(r);
    if (rx.height !== ry.height) say(`${wx.name} row ${r} height`);
    for (let c = 1; c <= Math.max(wx.columnCount, wy.columnCount); c++) {
      const cx = rx.getCell(c); const cy = ry.getCell(c);
      cells++;
      const fx = j([cx.value, cx.type, cx.numFmt, cx.font, cx.alignment, cx.fill, cx.border, cx.note]);
      const fy = j([cy.value, cy.type, cy.numFmt, cy.font, cy.alignment, cy.fill, cy.border, cy.note]);
      if (fx !== fy) say(`${wx.name}!${cx.address}: ${fx} | ${fy}`);
    }
  }
}
console.log(`${cells} cells compared, ${diffs} differences`);
process.exitCode = diffs ? 1 : 0;
