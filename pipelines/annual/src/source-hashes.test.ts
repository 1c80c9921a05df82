// The sources' sha256 kept between runs: an unchanged file is not read again; any write, even one
// that keeps the size and sets the modification time back, is seen; a file written just before it
// was read is not trusted.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceHashes, type SourceHashOptions } from './source-hashes.ts';

const work = mkdtempSync(join(tmpdir(), 'dtts-source-hashes-'));
const sources = join(work, 'sources');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** A clock 10 s ahead: every file here looks left alone long enough to be recorded. */
const later: SourceHashOptions = { now: () => (BigInt(Date.now()) + 10_000n) * 1_000_000n };

/** One run's planning: load the previous table, hash the files, save for the next run. */
async function plan(out: string, files: string[], options: SourceHashOptions = later, previous: string | undefined = out) {
  const hashes = await SourceHashes.load(previous, sources, options);
  const sums = await Promise.all(files.map((f) => hashes.sha256(f)));
  await hashes.save(out);
  return { sums, read: hashes.read };
}

describe('the sources\' sha256 kept between runs', () => {
  mkdirSync(join(sources, 'census/2024'), { recursive: true });
  const a = 'census/2024/ho.csv';
  const b = 'census/2024/nhan_khau.csv';
  writeFileSync(join(sources, a), 'ma_ho,ten\n1,An\n');
  writeFileSync(join(sources, b), 'ma_nk\n7\n');

  it('reads every file the first time, and none that is unchanged the next time', async () => {
    const out = join(work, 'out-1');
    const first = await plan(out, [a, b]);
    expect(first).toEqual({ sums: [sha('ma_ho,ten\n1,An\n'), sha('ma_nk\n7\n')], read: 2 });
    expect(await plan(out, [a, b])).toEqual({ sums: first.sums, read: 0 });
  });

  it('sees a write that keeps the size and sets the modification time back', async () => {
    const out = join(work, 'out-2');
    await plan(out, [a, b]);
    const { atime, mtime } = statSync(join(sources, a));
    // past the kernel's coarse clock tick, as any real edit after a run is
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(join(sources, a), 'ma_ho,ten\n1,Ba\n');
    utimesSync(join(sources, a), atime, mtime);
    expect(await plan(out, [a, b])).toEqual({ sums: [sha('ma_ho,ten\n1,Ba\n'), sha('ma_nk\n7\n')], read: 1 });
  });

  it('does not trust a file written just before it was read, nor a table of another sources folder', async () => {
    const out = join(work, 'out-3');
    writeFileSync(join(sources, b), 'ma_nk\n8\n');
    // the real clock: b was written a moment ago, so its hash is not recorded
    await plan(out, [b], {});
    expect((await plan(out, [b])).read).toBe(1);
    expect((await plan(out, [b])).read).toBe(0);
    const other = await SourceHashes.load(out, join(work, 'elsewhere'), later);
    expect(other.read).toBe(0);
    await expect(other.sha256(b, join(sources, b))).resolves.toBe(sha('ma_nk\n8\n'));
    expect(other.read).toBe(1);
  });

  it('records what ingestion hashed as it read (a full run) only for files left alone since it began', async () => {
    const out = join(work, 'out-4');
    const hashes = await SourceHashes.load(undefined, sources, later);
    await hashes.record(a, sha('ma_ho,ten\n1,Ba\n'), later.now!());
    await hashes.record(b, sha('ma_nk\n8\n'), BigInt(Date.now()) * 1_000_000n - 60_000_000_000n);
    await hashes.save(out);
    const next = await plan(out, [a, b]);
    expect(next).toEqual({ sums: [sha('ma_ho,ten\n1,Ba\n'), sha('ma_nk\n8\n')], read: 1 });
  });
});
