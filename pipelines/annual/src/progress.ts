// Ingestion progress for the console: a counter per source kept on one status line while files are
// read, then one line per source. Per-file details and warnings go to the manifest, not the screen.
import type { IngestEvent, IngestResult } from '@dtts/ingest-core';
import type { RunLog } from './run.ts';

const n = (x: number) => x.toLocaleString('vi-VN');

export class IngestProgress {
  private readonly counts = new Map<string, { files: number; rows: number }>();

  constructor(private readonly log: RunLog) {}

  event(e: IngestEvent): void {
    if (e.type === 'failed') {
      this.log.info(`  FAILED ${e.source}: ${e.message}`);
      return;
    }
    if (e.type !== 'file') return;
    const c = this.counts.get(e.source) ?? { files: 0, rows: 0 };
    c.files += 1;
    c.rows += e.rows;
    this.counts.set(e.source, c);
    this.log.status?.(`ingest: ${[...this.counts].map(([source, k]) => `${source} ${k.files} files, ${n(k.rows)} rows`).join(' · ')}`);
  }

  /** One line per source: its years, files and rows. */
  done(result: IngestResult): void {
    const bySource = new Map<string, { files: number; read: number; loaded: number; quarantined: number }>();
    for (const f of result.files) {
      const t = bySource.get(f.source) ?? { files: 0, read: 0, loaded: 0, quarantined: 0 };
      t.files += 1;
      t.read += f.rowsRead;
      t.loaded += f.rowsLoaded;
      t.quarantined += f.rowsQuarantined;
      bySource.set(f.source, t);
    }
    for (const [source, t] of bySource) {
      const years = result.years.get(source) ?? [];
      const span = years.length > 0 ? `${Math.min(...years)}–${Math.max(...years)}` : '';
      this.log.progress(
        `ingest: ${source.padEnd(17)} ${span.padEnd(9)} ${String(t.files).padStart(4)} files ${n(t.read).padStart(11)} rows read, ` +
          `${n(t.loaded)} loaded, ${n(t.quarantined)} quarantined`,
      );
    }
  }
}
