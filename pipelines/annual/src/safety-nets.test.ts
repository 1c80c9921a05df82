// The analyst's safety nets on real files: a mostly wrong file fails its source by name, a file that
// looks like another year's is reported (and fails with --strict), a missing baseline is said, and the
// summary names what failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from './config.ts';
import { runPipeline } from './run.ts';
import { summary } from './summary.ts';

const repo = join(import.meta.dirname, '../../..');
const fixtures = (connector: string) => join(repo, 'packages/connectors', connector, 'fixtures', connector);
const work = mkdtempSync(join(tmpdir(), 'dtts-nets-'));
const quiet = { info: () => {}, progress: () => {} };
let runs = 0;
const config = (sourcesDir: string, extra: Partial<PipelineConfig> = {}): PipelineConfig => ({
  sourcesDir, usesSample: false, outDir: join(work, `out-${++runs}`), skipReports: true, hashKey: 'nets-test-key-0123456', ...extra,
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A poverty file of 40 households, `bad` of them with a classification no one can read. */
function povertyFile(dir: string, name: string, bad: number, prefix = 'BH'): void {
  const rows = Array.from({ length: 40 }, (_, i) => `${prefix}${String(i).padStart(3, '0')};02989;Tày;4;${i < bad ? 'Khá giả' : 'Hộ nghèo'}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), ['Mã hộ;Mã xã;Dân tộc chủ hộ;Số nhân khẩu;Phân loại', ...rows].join('\n'));
}

describe('a file that is mostly wrong', () => {
  const sources = join(work, 'bad-file');
  povertyFile(join(sources, 'poverty/2024'), 'ho_ngheo_xa_bao_ha.csv', 12);
  povertyFile(join(sources, 'poverty/2024'), 'ho_ngheo_xa_tan_tien.csv', 2, 'TT');

  it('fails its source by name, with the top reason, and publishes nothing', async () => {
    const c = config(sources);
    const error = await runPipeline(c, quiet).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/poverty\/2024\/ho_ngheo_xa_bao_ha\.csv: 12 of 40 rows quarantined \(30 %, more than 5 % and 10 rows\)/);
    expect(error?.message).toMatch(/Top reasons: .*Khá giả.* \(12\)/);
    // 2 of 40 is over 5 % but not over 10 rows: not a broken file.
    expect(error?.message).not.toContain('ho_ngheo_xa_tan_tien.csv');
    expect(spawnSync('ls', [c.outDir]).status).not.toBe(0);
  }, 120_000);

  it('is loaded with --allow-bad-files, or under limits set higher', async () => {
    expect((await runPipeline(config(sources, { allowBadFiles: true }), quiet)).status).toBe('succeeded');
    expect((await runPipeline(config(sources, { badFiles: { maxShare: 0.5, maxRows: 10 } }), quiet)).status).toBe('succeeded');
  }, 120_000);
});

describe('a file that looks like another year\'s', () => {
  const sources = join(work, 'wrong-year');
  cpSync(fixtures('poverty'), join(sources, 'poverty'), { recursive: true });
  // Last year's review put in this year's folder, and a card list that had expired before 2026.
  povertyFile(join(sources, 'poverty/2025'), 'ho_ngheo_2024.csv', 0, 'CU');
  cpSync(join(fixtures('health-insurance'), '2025'), join(sources, 'health-insurance/2026'), { recursive: true });

  it('is reported in the summary, with the baseline that is missing', async () => {
    const m = await runPipeline(config(sources), quiet);
    const messages = m.yearChecks.map((y) => y.message);
    expect(messages).toContain('poverty/2025/ho_ngheo_2024.csv: its name says 2024, but it is in the 2025 folder');
    expect(messages.find((s) => s.startsWith('health-insurance/2026/the_bhyt_xa_bao_yen.csv: '))).toMatch(
      /^health-insurance\/2026\/the_bhyt_xa_bao_yen\.csv: \d+ of \d+ values of gia_tri_den are before the reference date 31\/12\/2026 \(from 31\/12\/2025 to .*\): is it another year's file\?$/,
    );
    expect(messages.some((s) => s.startsWith('poverty/2025/ho_ngheo_2025.xlsx'))).toBe(false);
    expect(m.missingBaseline).toEqual(['health-insurance', 'poverty']);
    const text = summary(m, join(work, 'out'));
    expect(text).toContain('no 2020 (the baseline) for health-insurance, poverty');
    expect(text).toContain('its name says 2024, but it is in the 2025 folder');
    expect(text).toContain('check that each file above is in its year\'s folder');
  }, 120_000);

  it('fails the run with --strict', async () => {
    await expect(runPipeline(config(sources, { strict: true }), quiet)).rejects.toThrow(/year checks \(poverty\): poverty\/2025\/ho_ngheo_2024\.csv: its name says 2024/);
  }, 120_000);
});

describe('a data-quality check failing with --strict', () => {
  it('fails the run after the exports and public numbers started beside the checks, and publishes nothing', async () => {
    const sources = join(work, 'strict-checks');
    for (const c of ['census', 'school', 'poverty']) cpSync(fixtures(c), join(sources, c), { recursive: true });
    const plain = await runPipeline(config(sources), quiet);
    const failingErrors = plain.checks.filter((c) => c.severity === 'error' && c.failing > 0).map((c) => c.id);
    expect(failingErrors.length).toBeGreaterThan(0);
    const c = config(sources, { strict: true });
    const error = await runPipeline(c, quiet).then(() => undefined, (e: Error) => e);
    expect(error?.message).toContain(`data-quality checks: ${failingErrors[0]}`);
    // the staged outputs (exports written beside the checks) are thrown away: no output folder
    expect(existsSync(c.outDir)).toBe(false);
  }, 300_000);
});

describe('the console', () => {
  it('prints one line per source, not per file, and a summary naming failing checks and final paths', () => {
    const sources = join(work, 'console');
    for (const c of ['census', 'school', 'poverty']) cpSync(fixtures(c), join(sources, c), { recursive: true });
    const out = join(work, 'out-console');
    const result = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(import.meta.dirname, 'cli.ts'), '--sources', sources, '--out', out, '--skip-reports'], {
      encoding: 'utf8', env: { ...process.env, DTTS_HASH_KEY: 'nets-test-key-0123456' },
    });
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('ingest: '))).toHaveLength(3);
    expect(lines.some((l) => /^ *read \S+\.(csv|xlsx)/.test(l))).toBe(false);
    expect(result.stdout).toMatch(/Data-quality checks: \d+ of \d+ failing/);
    expect(result.stdout).toMatch(/\n {2}(ERROR|warn ) \S+ \(\d+\): /);
    expect(result.stdout).toContain(`  ${join(out, 'warehouse.duckdb')}`);
    expect(result.stdout).not.toContain('.building-');
    expect(lines.length).toBeLessThan(60);
  }, 120_000);
});
