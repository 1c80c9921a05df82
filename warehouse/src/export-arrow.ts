// exports/indicator_values.arrow: the same rows as the CSV and Parquet, as an Arrow IPC file that
// R (arrow::read_ipc_file), pandas (pyarrow.ipc / pandas.read_feather) and Observable
// (Arrow JS) open without a parser. DuckDB here has no Arrow output, so the columns are built
// straight into Arrow's buffers: numbers into typed arrays with a validity bitmap; a text column
// from its distinct texts (found by DuckDB, each encoded once) and one code per row that DuckDB
// computes (`enum_code` of a cast to an ENUM of those texts). No text is decoded and encoded again per
// row in JavaScript: reading the texts as JS strings and `vectorFromArray` took 1.7 s for 51k rows.
// The texts of an export are codes and labels (hundreds distinct, a few thousand for a province's
// communes), which keeps the ENUM small; a free-text column of distinct values would not suit this.
import { writeFileSync } from 'node:fs';
import { type Db, quoteIdent } from '@dtts/db';
import { type DescribedColumn as Column, distinctTexts, enumOf } from './distinct-texts.ts';
import {
  Bool, type Data, type DataType, Field, Float64, Int32, Int64, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8,
} from 'apache-arrow';

/** DuckDB type name → Arrow type. A type missing here fails the export with its name (never a silent text cast). */
const ARROW_TYPES: Record<string, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  BIGINT: () => new Int64(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/** The typed array holding a fixed-width column's values. */
const VALUES: Record<string, (n: number) => Values> = {
  INTEGER: (n) => new Int32Array(n),
  BIGINT: (n) => new BigInt64Array(n),
  DOUBLE: (n) => new Float64Array(n),
};

/** A chunk of a DuckDB result (the type comes through @dtts/db, which owns the DuckDB dependency). */
type Chunk = Awaited<ReturnType<Awaited<ReturnType<Db['connection']['run']>>['fetchAllChunks']>>[number];

/** Runs `sql` and writes its result to `path` as an Arrow IPC file; returns the row count. */
export async function writeArrowIpc(db: Db, sql: string, path: string): Promise<number> {
  const columns = await db.all<Column>(`describe (${sql})`);
  for (const c of columns) {
    if (!ARROW_TYPES[c.column_type]) throw new Error(`Arrow export: column ${c.column_name} has DuckDB type ${c.column_type}, which has no Arrow mapping here`);
  }
  const texts = await distinctTexts(db, sql, columns);
  const select = columns.map((c) => {
    const column = `q.${quoteIdent(c.column_name)}`;
    const dictionary = texts.get(c.column_name);
    if (!dictionary) return column;
    // NULL as -1: the codes are then a plain Int32 array, nothing to mask
    return dictionary.length ? `coalesce(cast(enum_code(cast(${column} as ${enumOf(dictionary)})) as integer), -1)` : '-1';
  });
  const chunks = await (await db.connection.run(`select ${select.join(', ')} from (${sql}) q`)).fetchAllChunks();
  const rows = chunks.reduce((n, chunk) => n + chunk.rowCount, 0);
  const fields = columns.map((c) => new Field(c.column_name, ARROW_TYPES[c.column_type]!(), true));
  const children = columns.map((c, i) => {
    const type = fields[i]!.type;
    const dictionary = texts.get(c.column_name);
    if (dictionary) {
      const codes = new Int32Array(rows);
      readColumn(chunks, i, codes);
      return utf8Data(type, dictionary, codes);
    }
    if (c.column_type === 'BOOLEAN') return booleanData(type, chunks, i, rows);
    const values = VALUES[c.column_type]!(rows);
    return makeData({ type, length: rows, ...readColumn(chunks, i, values), data: values } as never);
  });
  const schema = new Schema(fields);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children: children as Data[] }));
  writeFileSync(path, tableToIPC(new Table([batch]), 'file'));
  return rows;
}

type Values = Int32Array | BigInt64Array | Float64Array;
interface Validity {
  nullCount: number;
  /** Bit set = a value; left out when there is no NULL. */
  nullBitmap?: Uint8Array;
}

/**
 * DuckDB's own buffers behind a vector of a fixed-width type, which node-api keeps as `items` and
 * `validity.data` (a bitmap laid out as Arrow's, or null when every row has a value). They are not in
 * its typed API, hence the checks: any other shape is read item by item.
 */
function buffersOf(vector: unknown, like: Values, count: number): { items: Values; mask: BigUint64Array | null } | undefined {
  const v = vector as { items?: unknown; validity?: { data?: unknown; offset?: unknown } };
  if (!(v.items instanceof like.constructor) || (v.items as Values).length !== count) return undefined;
  const mask = v.validity?.data;
  if (v.validity?.offset !== 0 || !(mask === null || mask instanceof BigUint64Array)) return undefined;
  return { items: v.items as Values, mask };
}

/** Copies column `index` of the chunks into `values` (0 where NULL) and returns its validity. */
function readColumn(chunks: Chunk[], index: number, values: Values): Validity {
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  const zero = values instanceof BigInt64Array ? 0n : 0;
  let nullCount = 0;
  let row = 0;
  for (const chunk of chunks) {
    const vector = chunk.getColumnVector(index);
    const count = chunk.rowCount; // a native call each time: read once per chunk
    const raw = row % 8 === 0 ? buffersOf(vector, values, count) : undefined;
    if (raw) {
      values.set(raw.items as never, row);
      if (!raw.mask) {
        // every row has a value: whole bytes of the bitmap at once, then the last few bits
        valid.fill(0xff, row >> 3, (row + count) >> 3);
        for (let r = (row + count) & ~7; r < row + count; r++) valid[r >> 3]! |= 1 << (r & 7);
        row += count;
        continue;
      }
      const mask = new Uint8Array(raw.mask.buffer, raw.mask.byteOffset, Math.ceil(count / 8));
      for (let i = 0; i < count; i++, row++) {
        if (mask[i >> 3]! & (1 << (i & 7))) valid[row >> 3]! |= 1 << (row & 7);
        else {
          nullCount++;
          values[row] = zero; // whatever DuckDB left in a NULL's slot stays out of the file
        }
      }
      continue;
    }
    for (let i = 0; i < count; i++, row++) {
      const value = vector.getItem(i);
      if (value === null) nullCount++;
      else {
        valid[row >> 3]! |= 1 << (row & 7);
        // INTEGER and DOUBLE items are numbers, BIGINT items bigints: each its array's element type
        values[row] = value as never;
      }
    }
  }
  return nullCount ? { nullCount, nullBitmap: valid } : { nullCount };
}

/** A BOOLEAN column, item by item (Arrow packs the values as bits). */
function booleanData(type: DataType, chunks: Chunk[], index: number, rows: number) {
  const bits = new Uint8Array(Math.ceil(rows / 8));
  const valid = new Uint8Array(bits.length);
  let nullCount = 0;
  let row = 0;
  for (const chunk of chunks) {
    const vector = chunk.getColumnVector(index);
    const count = chunk.rowCount;
    for (let i = 0; i < count; i++, row++) {
      const value = vector.getItem(i);
      if (value === null) nullCount++;
      else valid[row >> 3]! |= 1 << (row & 7);
      if (value === true) bits[row >> 3]! |= 1 << (row & 7);
    }
  }
  return makeData({ type: type as Bool, length: rows, nullCount, ...(nullCount && { nullBitmap: valid }), data: bits });
}

/** A Utf8 column from its dictionary and one code per row (-1: NULL): validity, offsets, then the bytes, each text encoded once. */
function utf8Data(type: DataType, dictionary: string[], codes: Int32Array) {
  const encoder = new TextEncoder();
  const encoded = dictionary.map((text) => encoder.encode(text));
  const rows = codes.length;
  const valid = new Uint8Array(Math.ceil(rows / 8));
  const offsets = new Int32Array(rows + 1);
  let nullCount = 0;
  let bytes = 0;
  for (let row = 0; row < rows; row++) {
    const code = codes[row]!;
    if (code < 0) nullCount++;
    else {
      valid[row >> 3]! |= 1 << (row & 7);
      bytes += encoded[code]!.length;
      if (bytes > 0x7fffffff) throw new Error('Arrow export: a text column holds more than 2 GB, beyond an Arrow Utf8 column');
    }
    offsets[row + 1] = bytes;
  }
  const data = new Uint8Array(bytes);
  for (let row = 0; row < rows; row++) if (codes[row]! >= 0) data.set(encoded[codes[row]!]!, offsets[row]!);
  return makeData({ type: type as Utf8, length: rows, nullCount, ...(nullCount && { nullBitmap: valid }), valueOffsets: offsets, data });
}
