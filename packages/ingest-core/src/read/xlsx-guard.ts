// A workbook is a zip: before exceljs opens one, its parts are checked here by their declared
// sizes, and every worksheet is inflated once as a stream to count its rows. yauzl stops a part
// that inflates beyond its declared size, so a zip bomb or a sheet of a million formatted empty
// rows is refused by name, in bounded time and memory. The same pass collects each sheet's merged
// ranges: they sit after the rows in the sheet's XML, too late for a reader that streams the rows.
import type yauzl from 'yauzl';
import { SourceFileError } from '../errors.ts';
import { mib, type ReadLimits } from './limits.ts';
import { entryStream, openZip, zipEntries } from './xlsx-zip.ts';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW = Buffer.from('<row');
const MERGE = Buffer.from('mergeCell');
const REF = /\sref\s*=\s*["']([^"']*)["']/;

export interface XlsxParts {
  /** The worksheet parts, in the zip's order. */
  sheetParts: string[];
  /** Merged ranges ('A3:A4') of each worksheet part, by part name ('xl/worksheets/sheet1.xml'). */
  merges: Map<string, string[]>;
}

export async function checkXlsx(path: string, displayPath: string, limits: ReadLimits): Promise<XlsxParts> {
  const fail = (problem: string): never => {
    throw new SourceFileError(displayPath, problem);
  };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return fail(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  try {
    const entries = await zipEntries(zip).catch((error: Error) => fail(`not a readable .xlsx workbook (${error.message})`));
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxXlsxPartBytes) {
        fail(`its part ${entry.fileName} unzips to ${mib(entry.uncompressedSize)} (limit ${mib(limits.maxXlsxPartBytes)} per part): a zip bomb, or far more than a table of the district`);
      }
    }
    if (total > limits.maxXlsxBytes) fail(`it unzips to ${mib(total)} (limit ${mib(limits.maxXlsxBytes)}): a zip bomb, or far more than a table of the district`);
    const merges = new Map<string, string[]>();
    const sheets = entries.filter((e) => WORKSHEET.test(e.fileName));
    for (const entry of sheets) {
      const scan = await scanSheet(zip, entry, limits.maxSheetRows).catch((error: Error) => fail(`its part ${entry.fileName} is damaged (${error.message})`));
      if (scan.rows > limits.maxSheetRows) {
        fail(`its sheet ${entry.fileName} has more than ${limits.maxSheetRows.toLocaleString('en')} rows (formatted empty rows count too): delete the empty rows below the table, or split the file`);
      }
      if (scan.merges.length > 0) merges.set(entry.fileName, scan.merges);
    }
    return { sheetParts: sheets.map((e) => e.fileName), merges };
  } finally {
    zip.close();
  }
}

/**
 * `<row` elements of a worksheet part (counting stops past `stopAfter`) and the `ref` of each
 * `<mergeCell>`, inflated as a stream. Both are found on bytes: only ASCII is looked for.
 */
async function scanSheet(zip: yauzl.ZipFile, entry: yauzl.Entry, stopAfter: number): Promise<{ rows: number; merges: string[] }> {
  const stream = await entryStream(zip, entry);
  let rows = 0;
  let rowCarry = Buffer.alloc(0);
  const merges: string[] = [];
  let mergeCarry = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = rowCarry.length > 0 ? Buffer.concat([rowCarry, chunk]) : chunk;
    for (let at = buf.indexOf(ROW); at >= 0 && at + 4 < buf.length; at = buf.indexOf(ROW, at + 4)) {
      const next = buf[at + 4];
      if (next === 0x20 || next === 0x3e || next === 0x2f) rows++; // "<row " "<row>" "<row/"
    }
    rowCarry = buf.subarray(Math.max(0, buf.length - 4));
    mergeCarry = findMerges(mergeCarry.length > 0 ? Buffer.concat([mergeCarry, chunk]) : chunk, merges);
    if (rows > stopAfter) {
      stream.destroy();
      break;
    }
  }
  return { rows, merges };
}

/** Adds the refs of the complete `<mergeCell …>` elements in `buf`; returns the bytes to look at again with the next chunk. */
function findMerges(buf: Buffer, merges: string[]): Buffer {
  let keepFrom = Math.max(0, buf.length - MERGE.length - 1); // a name cut by the chunk's end
  for (let at = buf.indexOf(MERGE, 1); at >= 0; at = buf.indexOf(MERGE, at + MERGE.length)) {
    const before = buf[at - 1];
    const after = buf[at + MERGE.length];
    const end = buf.indexOf(0x3e, at); // ">"
    // Cut by the chunk's end: looked at again with the next chunk (a real element is a few dozen bytes).
    if (after === undefined || end < 0) return buf.length - at < 4096 ? buf.subarray(Math.min(keepFrom, at - 1)) : Buffer.alloc(0);
    // "<mergeCell " or "<x:mergeCell ", not "<mergeCells>"
    if ((before !== 0x3c && before !== 0x3a) || !(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
    const ref = REF.exec(buf.toString('latin1', at + MERGE.length, end))?.[1];
    if (ref) merges.push(ref);
    keepFrom = Math.max(keepFrom, end + 1);
  }
  return buf.subarray(keepFrom);
}
