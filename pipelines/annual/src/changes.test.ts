// What changed since the last run, with real pipeline runs on the connectors' fixtures into one --out:
// an unchanged re-run writes an empty changes.csv; a re-delivered 2024 poverty file (one household
// moved from poor to near-poor) writes exactly the values it moves, flagged as revisions.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_COLUMNS } from './changes.ts';
import type { RunManifest } from './manifest.ts';
import { runPipeline } from './run.ts';

const repo = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'dtts-changes-'));
const sources = join(work, 'sources');
const out = join(work, 'out');
const quiet = { info: () => {}, progress: () => {} };
const config = { sourcesDir: sources, usesSample: false, outDir: out, skipReports: true, hashKey: 'changes-test-key-0123456' };
const POVERTY_2024 = 'poverty/2024/ho_ngheo_xa_bao_ha.csv';

function csv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const runs: RunManifest[] = [];
let valuesBefore: Record<string, string>[];

beforeAll(async () => {
  for (const connector of readdirSync(join(repo, 'packages/connectors'))) {
    const fixtures = join(repo, 'packages/connectors', connector, 'fixtures');
    if (!existsSync(join(fixtures, 'expected.json'))) continue;
    for (const entry of readdirSync(fixtures, { withFileTypes: true })) {
      if (entry.isDirectory()) cpSync(join(fixtures, entry.name), join(sources, entry.name), { recursive: true });
    }
  }
  runs.push(await runPipeline(config, quiet));
  runs.push(await runPipeline(config, quiet));
  valuesBefore = csv(join(out, 'exports/indicator_values.csv'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('changes since the last run', () => {
  it('has nothing to compare on a first run, and nothing changed on an unchanged re-run', () => {
    expect(runs[0]!.changes).toEqual({ previousRunId: null, counts: {}, revisions: 0 });
    expect(runs[1]!.changes).toEqual({ previousRunId: runs[0]!.runId, counts: {}, revisions: 0 });
    expect(readFileSync(join(out, 'exports/changes.csv'), 'utf8').trim()).toBe(CHANGE_COLUMNS.join(','));
  });

  it('after a re-delivered 2024 file: the file, the values it moves and their statuses, as revisions', async () => {
    const before = sha256(join(sources, POVERTY_2024));
    const text = readFileSync(join(sources, POVERTY_2024), 'utf8');
    // BH006, a Nùng household of Bảo Hà, is re-classified from poor to near-poor.
    writeFileSync(join(sources, POVERTY_2024), text.replace('BH006;La Văn Hùng;2989;;Thôn Cốc Bái;Nùng;4;Hộ nghèo;15', 'BH006;La Văn Hùng;2989;;Thôn Cốc Bái;Nùng;4;Hộ cận nghèo;15'));
    const after = sha256(join(sources, POVERTY_2024));
    const manifest = await runPipeline(config, quiet);
    expect(manifest.changes!.previousRunId).toBe(runs[1]!.runId);

    const changes = csv(join(out, 'exports/changes.csv'));
    const files = changes.filter((c) => c.change!.startsWith('file_'));
    expect(files).toEqual([expect.objectContaining({ change: 'file_changed', year: '2024', file: POVERTY_2024, old_sha256: before, new_sha256: after, revision: 'true' })]);

    const values = changes.filter((c) => c.change === 'value_changed');
    // Only the poverty rates of 2024 move: poor −1 household, near-poor +1, same denominators.
    expect(new Set(values.map((v) => `${v.indicator_id} ${v.year}`))).toEqual(new Set(['poor_household_rate 2024', 'near_poor_household_rate 2024']));
    expect(values.every((v) => v.revision === 'true')).toBe(true);
    const key = (r: Record<string, string>) => [r.indicator_id, r.year, r.geo_level, r.geo_code, r.ethnic_group, r.sex].join('|');
    const old = new Map(valuesBefore.map((r) => [key(r), r]));
    for (const v of values) {
      const step = v.indicator_id === 'poor_household_rate' ? -1 : 1;
      expect(Number(v.new_numerator) - Number(v.old_numerator), key(v)).toBe(step);
      expect(v.new_denominator).toBe(v.old_denominator);
      expect(Number(v.old_value)).toBeCloseTo(Number(old.get(key(v))!.value), 9);
      expect(Number(v.new_value)).toBeCloseTo((100 * Number(v.new_numerator)) / Number(v.new_denominator), 9);
    }
    // The household counts at Bảo Hà (2024 code 02989, in both frames) and in the area, for both rates.
    for (const id of ['poor_household_rate', 'near_poor_household_rate']) {
      const at = values.filter((v) => v.indicator_id === id && v.sex === 'ALL').map((v) => `${v.geo_level} ${v.geo_code} ${v.ethnic_group}`);
      for (const g of ['area BAO_YEN ALL', 'commune_2020 02989 ALL', 'commune_2025 02989 ALL']) expect(at, id).toContain(g);
    }
    expect(changes.filter((c) => c.change === 'row_new' || c.change === 'row_gone')).toEqual([]);
    expect(manifest.changes!.counts.value_changed).toBe(values.length);
  }, 300_000);
});
