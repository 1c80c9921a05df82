// A synthetic geography (`pnpm sample --communes N`): every hamlet name is unique within its commune in
// every year, so villages/<year>/thon.csv has no repeated key (commune, name) even without xa_cu.
// Runs in its own test file: useSyntheticGeography switches the process's geography for good.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from './generate.ts';
import { useSyntheticGeography } from './synthetic.ts';

const work = mkdtempSync(join(tmpdir(), 'sample-synthetic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The villages file's rows as objects (plain CSV: header on line 1, no quoted commas in these columns). */
function villages(year: number): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(work, 'sources', 'villages', String(year), 'thon.csv'), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

/** How a name is compared (the connector folds case, marks and the Thôn prefix). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/^thon\s+/, '').trim();

beforeAll(async () => {
  // 12 communes of the 2020 frame, merged three into one: 4 communes from 1 Jul 2025. At this size each
  // draws 9–12 hamlets from the same 24 names, so three constituents cannot all stay distinct by chance.
  await useSyntheticGeography(12, join(work, 'reference'));
  await generateSample({ dir: join(work, 'sources'), scale: 0.05, years: [2020, 2025], csvOnly: true });
}, 120_000);

describe('synthetic geography', () => {
  it.each([2020, 2025])('names every hamlet once per commune in %i', (year) => {
    const rows = villages(year);
    const keys = rows.map((r) => `${r.ma_xa}|${fold(r.ten_thon!)}`);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).toEqual([]);
    expect(new Set(rows.map((r) => r.ma_xa)).size).toBe(year === 2025 ? 4 : 12);
  });

  it('keeps every 2020 village in 2025, under its new commune and naming its former one', () => {
    const before = villages(2020);
    const after = villages(2025);
    expect(after.length).toBe(before.length);
    // Merged three into one: each 2025 commune holds the villages of three former communes.
    const formers = new Map<string, Set<string>>();
    for (const r of after) formers.set(r.ma_xa!, (formers.get(r.ma_xa!) ?? new Set()).add(r.xa_cu!));
    expect([...formers.values()].map((s) => s.size)).toEqual([3, 3, 3, 3]);
    // A renamed duplicate keeps its drawn name and gets a number; at this size some must have been renamed.
    expect(after.some((r) => / \d+$/.test(r.ten_thon!))).toBe(true);
  });
});
