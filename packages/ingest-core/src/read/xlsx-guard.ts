// A workbook is a zip: before exceljs opens one (it inflates whole parts into memory), its parts
// are checked here by their declared sizes, and every worksheet is inflated once as a stream to
// count its rows. yauzl stops a part that inflates beyond its declared size, so a zip bomb or a
// sheet of a million formatted empty rows is refused by name, in bounded time and memory.
import yauzl from 'yauzl';
import { SourceFileError } from '../errors.ts';
import { mib, type ReadLimits } from './limits.ts';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW = Buffer.from('<row');

export async function checkXlsx(path: string, displayPath: string, limits: ReadLimits): Promise<void> {
  const fail = (problem: string): never => {
    throw new SourceFileError(displayPath, problem);
  };
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
  } catch (error) {
    return fail(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  try {
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch((error: Error) => fail(`not a readable .xlsx workbook (${error.message})`));
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxXlsxPartBytes) {
        fail(`its part ${entry.fileName} unzips to ${mib(entry.uncompressedSize)} (limit ${mib(limits.maxXlsxPartBytes)} per part): a zip bomb, or far more than a table of the district`);
      }
    }
    if (total > limits.maxXlsxBytes) fail(`it unzips to ${mib(total)} (limit ${mib(limits.maxXlsxBytes)}): a zip bomb, or far more than a table of the district`);
    for (const entry of entries.filter((e) => WORKSHEET.test(e.fileName))) {
      const rows = await countRows(zip, entry, limits.maxSheetRows).catch((error: Error) => fail(`its part ${entry.fileName} is damaged (${error.message})`));
      if (rows > limits.maxSheetRows) {
        fail(`its sheet ${entry.fileName} has more than ${limits.maxSheetRows.toLocaleString('en')} rows (formatted empty rows count too): delete the empty rows below the table, or split the file`);
      }
    }
  } finally {
    zip.close();
  }
}

/** `<row` elements of a worksheet part, inflated as a stream; stops counting past `stopAfter`. */
async function countRows(zip: yauzl.ZipFile, entry: yauzl.Entry, stopAfter: number): Promise<number> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
  let rows = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    for (let at = buf.indexOf(ROW); at >= 0 && at + 4 < buf.length; at = buf.indexOf(ROW, at + 4)) {
      const next = buf[at + 4];
      if (next === 0x20 || next === 0x3e || next === 0x2f) rows++; // "<row " "<row>" "<row/"
    }
    carry = buf.subarray(Math.max(0, buf.length - 4));
    if (rows > stopAfter) {
      (stream as unknown as { destroy(): void }).destroy();
      break;
    }
  }
  return rows;
}
