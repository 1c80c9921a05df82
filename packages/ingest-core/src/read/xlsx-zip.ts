// The zip that exceljs's streaming reader is handed. That reader (unzipper.Parse) walks a zip in
// stored order: a sheet stored before sharedStrings.xml is copied to a temporary file first, a
// sheet stored before styles.xml loses its dates (they come out as serial numbers), a workbook
// stored with xl/workbook.xml last can lose the sheet names (exceljs#3064), and a data descriptor
// after known sizes stops it ("invalid signature"). So the parts are taken by name through the
// central directory (yauzl, which also stops a part inflating beyond its declared size) and
// re-stored, uncompressed, in the order the reader needs: relationships, workbook, styles, shared
// strings, then only the sheets asked for. Nothing is buffered beyond a chunk. The reader's XML
// parser (exceljs utils/parse-sax.js) decodes each chunk as UTF-8 by itself, so a letter whose
// bytes a chunk splits ("ô" in "Không") comes out as two U+FFFD: chunks are cut between letters
// here, and a workbook without shared strings (inline text) is given an empty sharedStrings.xml,
// since without one the reader re-reads each sheet from a temporary file in 64 KiB chunks.
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Parts the reader needs before any sheet, in this order. */
const BEFORE_SHEETS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Stand-ins for parts a workbook may lack, without which the reader would go through temporary files. */
const EMPTY_PARTS: Record<string, string> = {
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`,
};

export const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );

export async function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

export const entryStream = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));

/** A zip stream of the workbook's parts the reader needs and the given sheet parts (e.g. `xl/worksheets/sheet2.xml`). */
export function workbookStream(path: string, sheetParts: readonly string[]): Readable {
  return Readable.from(storedParts(path, [...BEFORE_SHEETS, ...sheetParts]));
}

async function* storedParts(path: string, names: readonly string[]): AsyncGenerator<Buffer> {
  const zip = await openZip(path);
  try {
    const byName = new Map((await zipEntries(zip)).map((e) => [e.fileName, e]));
    for (const name of names) {
      const entry = byName.get(name);
      if (!entry) {
        const empty = EMPTY_PARTS[name];
        if (empty) {
          yield localHeader(name, 0, Buffer.byteLength(empty));
          yield Buffer.from(empty);
        }
        continue;
      }
      yield localHeader(entry.fileName, entry.crc32, entry.uncompressedSize);
      let carry: Buffer | undefined;
      for await (const chunk of (await entryStream(zip, entry)) as AsyncIterable<Buffer>) {
        const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
        const end = utf8End(buf);
        if (end > 0) yield buf.subarray(0, end);
        carry = end < buf.length ? buf.subarray(end) : undefined;
      }
      if (carry) yield carry;
    }
    yield endOfCentralDirectory();
  } finally {
    zip.close();
  }
}

/** A local file header for a stored (uncompressed) entry of known size, no data descriptor. */
function localHeader(fileName: string, crc32: number, size: number): Buffer {
  const name = Buffer.from(fileName, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0); // signature
  h.writeUInt16LE(10, 4); // version needed: 1.0
  h.writeUInt16LE(0x0800, 6); // flags: name in UTF-8
  h.writeUInt16LE(0, 8); // method: stored
  h.writeUInt32LE(crc32, 14);
  h.writeUInt32LE(size, 18); // compressed size = size when stored
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

/** An empty end-of-central-directory record: the reader stops there (it never reads a directory). */
function endOfCentralDirectory(): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  return b;
}

/** Where the last whole UTF-8 character of `buf` ends (before a lead byte whose continuation bytes are still to come). */
export function utf8End(buf: Buffer): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const b = buf[i]!;
    if (b < 0x80) return buf.length; // ASCII: nothing cut
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + length <= buf.length ? buf.length : i;
    }
  }
  return buf.length;
}
