// The summary printed at the end of a run: one screen with what was read, what was set aside and why,
// what looks wrong, where the outputs are (their final paths) and what to do next.
import { join } from 'node:path';
import { changesLine } from './changes.ts';
import type { RunManifest } from './manifest.ts';

const n = (x: number) => x.toLocaleString('vi-VN');

/** The engine's warning codes (ingest.warnings, worded in @dtts/messages), grouped in the analyst's words. */
const WARNING_KINDS: Record<string, string> = {
  commune_mapped_forward: 'commune codes or names no longer in force at the reference date, mapped to their successor',
  commune_name_mismatch: 'commune names that contradict their code (the code was used)',
  legacy_encoding: 'files in a legacy Vietnamese encoding, converted',
  sheet_ignored: 'workbook sheets not read',
  columns_ignored: 'columns not used by the connector',
  column_repeated: 'columns that appear twice in a file (the first was read)',
  ignored_file: 'files or folders in a source folder that match no table',
};

/** Every ignored file or folder (ignored_lock_file, ignored_file_type, …) is one kind for the summary. */
const kindOf = (code: string) => (code.startsWith('ignored_') ? 'ignored_file' : code);

export function summary(m: RunManifest, outDir: string): string {
  const lines = ['', `Summary of run ${m.runId}`, '  source              files        read       loaded  quarantined    skipped'];
  for (const [source, t] of Object.entries(m.totals)) {
    const files = m.files.filter((f) => f.source === source).length;
    lines.push(`  ${source.padEnd(18)} ${String(files).padStart(6)} ${n(t.read).padStart(11)} ${n(t.loaded).padStart(12)} ${n(t.quarantined).padStart(12)} ${n(t.skipped).padStart(10)}`);
  }

  const q = m.quarantine;
  lines.push('', `Quarantined: ${n(q.rowsRejected)} rows rejected, ${n(q.valuesBlanked)} values blanked (exports/quarantine.csv has each with its file, row and column)`);
  for (const r of q.topReasons) lines.push(`  ${n(r.count).padStart(7)}  ${r.reason}`);

  const kinds = new Map<string, number>();
  for (const [code, count] of Object.entries(m.warningsByKind)) kinds.set(kindOf(code), (kinds.get(kindOf(code)) ?? 0) + count);
  const warnings = [...kinds.values()].reduce((a, b) => a + b, 0);
  lines.push('', `Warnings: ${warnings}${warnings > 0 ? ' (each in run-manifest.json)' : ''}`);
  for (const [kind, count] of [...kinds].sort((a, b) => b[1] - a[1])) lines.push(`  ${n(count).padStart(7)}  ${WARNING_KINDS[kind] ?? kind}`);

  if (m.missingBaseline.length > 0 || m.yearChecks.length > 0) {
    lines.push('', 'Years:');
    if (m.missingBaseline.length > 0) {
      lines.push(`  no 2020 (the baseline) for ${m.missingBaseline.join(', ')}: changes since 2020 and 2025 statuses of their indicators show as no data`);
    }
    for (const y of m.yearChecks.slice(0, 8)) lines.push(`  ${y.message}`);
    if (m.yearChecks.length > 8) lines.push(`  … and ${m.yearChecks.length - 8} more files (run-manifest.json, yearChecks)`);
  }

  const failing = m.checks.filter((c) => c.failing > 0).sort((a, b) => (a.severity === b.severity ? b.failing - a.failing : a.severity === 'error' ? -1 : 1));
  lines.push('', `Data-quality checks: ${failing.length} of ${m.checks.length} failing`);
  for (const c of failing.slice(0, 10)) {
    lines.push(`  ${c.severity === 'error' ? 'ERROR' : 'warn '} ${c.id} (${n(c.failing)}): ${c.description}${c.example ? `; e.g. ${c.example}` : ''}`);
  }
  if (failing.length > 10) lines.push(`  … and ${failing.length - 10} more (marts.dq_check_results; the site's data-quality page)`);

  lines.push(
    '',
    `Indicator values: ${n(m.indicators.rows)}. Time: ${m.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')}`,
    ...(m.changes ? [changesLine(m.changes)] : []),
    `Outputs in ${outDir}:`,
    ...Object.values(m.outputs).map((p) => `  ${join(outDir, p)}`),
  );
  const next: string[] = [];
  if (q.rowsRejected + q.valuesBlanked > 0) next.push('read exports/quarantine.csv, fix the source files and run again');
  if (m.yearChecks.length > 0) next.push('check that each file above is in its year\'s folder');
  if (failing.some((c) => c.severity === 'error')) next.push('look at the ERROR checks before publishing (--strict makes them fail the run)');
  if (next.length > 0) lines.push(`Next: ${next.join('; ')}.`);
  return lines.join('\n');
}
