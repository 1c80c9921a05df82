// Merged cells for a reader that streams rows: exceljs's streaming reader does not resolve them,
// and a sheet lists them after its rows, so xlsx-guard.ts collects the ranges first.

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The master cell's text, once its row has been seen. */
  value: string | null;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * A merged cell repeats its master's value only down a column: a label merged over two header
 * rows, or a commune merged over several data rows, belongs to every row of the column. Across
 * columns the value is one cell's (a title, a signature, a date line spanning the required
 * columns of a footer), so the other columns stay blank and the footer is still skipped (§2).
 * Rows must be given in order, every row number from 1.
 */
export class MergeFill {
  private readonly pending: Merge[];
  private next = 0;
  private active: Merge[] = [];
  /** The last row a merge reaches (it exists even if the file leaves it out). */
  readonly lastRow: number;

  constructor(refs: readonly string[]) {
    this.pending = refs.map(parseRange).filter((m): m is Merge => m !== undefined).sort((a, b) => a.top - b.top);
    this.lastRow = this.pending.reduce((max, m) => Math.max(max, m.bottom), 0);
  }

  row(rowNo: number, cells: (string | null)[]): { rowNo: number; cells: (string | null)[] } {
    while (this.next < this.pending.length && this.pending[this.next]!.top <= rowNo) this.active.push(this.pending[this.next++]!);
    if (this.active.length > 0) {
      if (this.active.some((m) => m.bottom < rowNo)) this.active = this.active.filter((m) => m.bottom >= rowNo);
      for (const m of this.active) {
        if (rowNo === m.top) m.value = cells[m.left - 1] ?? null;
        else cells[m.left - 1] = m.value;
        for (let col = m.left + 1; col <= Math.min(m.right, cells.length); col++) cells[col - 1] = null;
      }
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    return { rowNo, cells };
  }
}

/** 'B3:A4' → rows 3–4, columns 1–2; a single cell is no merge. */
function parseRange(ref: string): Merge | undefined {
  const [from, to] = ref.toUpperCase().split(':');
  const a = from ? CELL.exec(from) : null;
  const b = to ? CELL.exec(to) : null;
  if (!a || !b) return undefined;
  const [r1, r2] = [Number(a[2]), Number(b[2])];
  const [c1, c2] = [column(a[1]!), column(b[1]!)];
  const merge = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2), value: null };
  return merge.top === merge.bottom && merge.left === merge.right ? undefined : merge;
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
