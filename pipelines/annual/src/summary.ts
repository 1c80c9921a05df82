// The short summary printed at the end of a run.
import { join } from 'node:path';
import { changesLine } from './changes.ts';
import type { RunManifest } from './manifest.ts';

const n = (x: number) => x.toLocaleString('vi-VN');

export function summary(m: RunManifest, outDir: string): string {
  const lines = ['', 'Summary', '  source            read      loaded   quarantined   skipped'];
  for (const [source, t] of Object.entries(m.totals)) {
    lines.push(`  ${source.padEnd(16)} ${n(t.read).padStart(9)} ${n(t.loaded).padStart(11)} ${n(t.quarantined).padStart(13)} ${n(t.skipped).padStart(9)}`);
  }
  const warnings = m.files.reduce((k, f) => k + f.warnings.length, 0) + m.ignoredFiles.length;
  const failedChecks = m.checks.filter((c) => c.failing > 0);
  lines.push(
    `  indicator values: ${n(m.indicators.rows)}; warnings: ${warnings}; data-quality checks failing: ${failedChecks.length} of ${m.checks.length}`,
    ...(m.changes ? [changesLine(m.changes)] : []),
    `  time: ${m.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')}`,
    `  outputs in ${outDir}:`,
    ...Object.values(m.outputs).map((p) => `    ${join(outDir, p)}`),
  );
  return lines.join('\n');
}
