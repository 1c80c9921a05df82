// `pnpm --filter @dtts/ingest-core bench:xlsx`: time and peak memory of reading one big workbook,
// the whole-workbook way this package used to (exceljs loads every sheet: read/xlsx-whole.ts) and
// the streaming way it does now (read/index.ts streamTableFile), each in a fresh child process
// whose peak RSS (VmHWM in /proc/self/status) it reports itself when the read is done.
//
//   pnpm --filter @dtts/ingest-core bench:xlsx                      20k, 100k and 250k rows
//   pnpm --filter @dtts/ingest-core bench:xlsx --rows 5000,50000 --table census/nhan_khau
//
// The workbooks are written with exceljs's streaming WorkbookWriter (shared strings and date
// styles, as Excel saves them): the table's columns by their first Vietnamese header, plus one
// column that no table has, 12 columns for census/nhan_khau.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import type { Connector, TableSpec } from '../src/contract.ts';
import { findHeader } from '../src/read/header.ts';
import { streamTableFile } from '../src/read/index.ts';
import { readXlsxWhole } from '../src/read/xlsx-whole.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000,100000,250000' },
    table: { type: 'string', default: 'census/nhan_khau' },
    child: { type: 'string' },
    file: { type: 'string' },
    modes: { type: 'string', default: 'whole,stream' },
    keep: { type: 'boolean', default: false },
  },
});

/** The table, from its connector (found through the workspace: connectors depend on this package, so none is a dependency of it). */
async function tableSpec(ref: string): Promise<TableSpec> {
  const [source, name] = ref.split('/');
  const module = (await import(`@dtts/connector-${source}`)) as { default: Connector };
  const table = module.default.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name} in connector ${source}`);
  return table;
}

interface Result { rows: number; cells: number; chars: number; hash: string; seconds: number; peakMiB: number }

const peakMiB = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN) / 1024;

/** In the child: one read, then its result on stdout. `hash` (every cell, in order) shows both reads give the same data. */
async function child(mode: string, file: string, table: TableSpec): Promise<Result> {
  let rows = 0;
  let cells = 0;
  let chars = 0;
  const hash = createHash('sha256');
  const count = (batch: { cells: (string | null)[] }[]) => {
    rows += batch.length;
    for (const r of batch) {
      for (const c of r.cells) {
        hash.update(c === null ? '\u0000\n' : `${c}\n`);
        if (c === null) continue;
        cells++;
        chars += c.length;
      }
    }
  };
  const columns = Object.keys(table.columns);
  const t0 = performance.now();
  if (mode === 'whole') {
    // The old path of streamTableFile: the whole workbook read, then the sheet sliced in batches of 4096.
    const raw = await readXlsxWhole(file, file);
    const sheet = raw.sheets[0]!;
    const header = findHeader(sheet.rows, table)!;
    const positions = columns.map((name) => header.columns.get(name));
    for (let start = header.index + 1; start < sheet.rows.length; start += 4096) {
      count(sheet.rows.slice(start, start + 4096).map((row) => ({ cells: positions.map((p) => (p === undefined ? null : (row.cells[p] ?? null))) })));
    }
  } else {
    await streamTableFile(file, file, 'xlsx', table, async (batch) => count(batch));
  }
  return { rows, cells, chars, hash: hash.digest('hex'), seconds: (performance.now() - t0) / 1000, peakMiB: peakMiB() };
}

/** A workbook of `n` data rows below a title row and the header, through exceljs's streaming writer. */
async function writeWorkbook(file: string, table: TableSpec, n: number): Promise<void> {
  const headers = [...Object.entries(table.columns).map(([name, c]) => c.aliases[0] ?? name), 'Ghi chú'];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet(table.name);
  ws.addRow([`${table.vi?.title ?? table.name} (bench)`]).commit();
  ws.addRow(headers).commit();
  const names = ['Nguyễn Văn An', 'Lý Thị Mai', 'Hoàng Văn Dũng', 'Giàng A Chớ', 'Triệu Thị Hoa'];
  const groups = ['Mông', 'Dao', 'Tày', 'Kinh', 'Nùng', 'Phù Lá'];
  for (let i = 0; i < n; i++) {
    const values = Object.keys(table.columns).map((name) => sampleValue(name, i, names, groups));
    const row = ws.addRow([...values, i % 97 === 0 ? 'Chuyển đến trong năm' : null]);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Plausible values by column name (names and ids are made up), deterministic in the row number. */
function sampleValue(name: string, i: number, names: string[], groups: string[]): ExcelJS.CellValue {
  switch (name) {
    case 'ma_ho': return `H${String(Math.floor(i / 4) + 1).padStart(6, '0')}`;
    case 'stt': return (i % 4) + 1;
    case 'ho_ten': return names[i % names.length]!;
    case 'so_dinh_danh': return String(10_000_000_000 + i * 7919).padStart(12, '0');
    case 'gioi_tinh': return i % 2 === 0 ? 'Nam' : 'Nữ';
    case 'ngay_sinh': return new Date(Date.UTC(1950 + (i % 70), i % 12, 1 + (i % 28)));
    case 'nam_sinh': return 1950 + (i % 70);
    case 'dan_toc': return groups[i % groups.length]!;
    case 'quan_he_chu_ho': return i % 4 === 0 ? 'Chủ hộ' : 'Con';
    default: return i % 3 === 0 ? 'Có' : 'Không';
  }
}

function runChild(mode: string, file: string): Promise<Result> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, ...(process.env.BENCH_CHILD_FLAGS?.split(' ').filter(Boolean) ?? []), script, '--child', mode, '--file', file, '--table', values.table], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Result) : reject(new Error(`${mode} read of ${file} exited with ${code}`))));
  });
}

const table = await tableSpec(values.table);
if (values.child) {
  console.log(JSON.stringify(await child(values.child, values.file!, table)));
} else {
  const dir = await mkdtemp(join(tmpdir(), 'bench-xlsx-'));
  const fmt = (x: number, d = 1) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
  console.log(`table ${values.table}: ${Object.keys(table.columns).length + 1} columns; each read in a fresh process (peak RSS = its VmHWM)`);
  console.log('rows        file MiB  write s   whole s  whole MiB   stream s  stream MiB  same data');
  try {
    for (const n of values.rows.split(',').map(Number)) {
      const file = join(dir, `${table.name}_${n}.xlsx`);
      const t0 = performance.now();
      await writeWorkbook(file, table, n);
      const written = (performance.now() - t0) / 1000;
      const size = (await stat(file)).size / (1 << 20);
      const modes = values.modes.split(',');
      const none: Result = { rows: 0, cells: 0, chars: 0, hash: '', seconds: Number.NaN, peakMiB: Number.NaN };
      const whole = modes.includes('whole') ? await runChild('whole', file) : none;
      const streamed = modes.includes('stream') ? await runChild('stream', file) : none;
      const same = modes.length < 2 || (whole.rows === streamed.rows && whole.hash === streamed.hash);
      console.log(
        `${String(n).padEnd(10)}  ${fmt(size).padStart(8)}  ${fmt(written).padStart(7)}  ${fmt(whole.seconds).padStart(8)}  ${fmt(whole.peakMiB, 0).padStart(9)}  ${fmt(streamed.seconds).padStart(9)}  ${fmt(streamed.peakMiB, 0).padStart(10)}  ${same ? 'yes' : `NO (${JSON.stringify({ whole, streamed })})`}`,
      );
      if (!same) process.exitCode = 1;
      if (!values.keep) await rm(file);
    }
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
    else console.log(`workbooks kept in ${dir}`);
  }
}
