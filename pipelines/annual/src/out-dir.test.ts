// The output folder's guarantees on real folders and real runs: never delete what the pipeline did
// not write, survive a killed run, one run at a time per output folder.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from './config.ts';
import { OUTPUT_MARKER, OutDirRefused } from './out-dir.ts';
import { runPipeline } from './run.ts';

const repo = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'dtts-outdir-'));
const sources = join(work, 'parent', 'sources');
const note = join(work, 'parent', 'ghi-chu.txt');
const quiet = { info: () => {}, progress: () => {} };
const config = (outDir: string, sourcesDir = sources): PipelineConfig => ({ sourcesDir, usesSample: false, outDir, skipReports: true, hashKey: 'outdir-test-key-0123456' });
/** Every file under a folder with its content, to prove that nothing changed. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')])
      .sort(),
  );

beforeAll(() => {
  // One small real source (the poverty connector's fixtures) keeps each run to a few seconds.
  cpSync(join(repo, 'packages/connectors/poverty/fixtures/poverty'), join(sources, 'poverty'), { recursive: true });
  writeFileSync(note, 'ghi chú của chuyên viên, không phải của pipeline');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--out never deletes what the pipeline did not write', () => {
  it.each([
    ['the sources folder itself', () => sources, /the same folder as the sources folder/],
    ['the folder above the sources', () => join(work, 'parent'), /above the sources folder/],
    ['a folder inside the sources', () => join(sources, 'out'), /inside the sources folder/],
    ['a symlink to the sources folder', () => {
      const link = join(work, 'link-to-sources');
      if (!existsSync(link)) symlinkSync(sources, link);
      return link;
    }, /the same folder as the sources folder/],
  ])('refuses %s and leaves every file in place', async (_, out, message) => {
    const before = snapshot(join(work, 'parent'));
    await expect(runPipeline(config(out()), quiet)).rejects.toThrow(message);
    expect(snapshot(join(work, 'parent'))).toEqual(before);
    expect(readFileSync(note, 'utf8')).toContain('ghi chú');
  });

  it('refuses an existing folder it did not write, and leaves it as it was', async () => {
    const out = join(work, 'someone-elses');
    mkdirSync(out);
    writeFileSync(join(out, 'bao-cao-cu.docx'), 'not ours');
    await expect(runPipeline(config(out), quiet)).rejects.toThrow(OutDirRefused);
    await expect(runPipeline(config(out), quiet)).rejects.toThrow(/was not written by this pipeline/);
    expect(readdirSync(out)).toEqual(['bao-cao-cu.docx']);
    expect(readdirSync(work).filter((f) => f.startsWith('.someone-elses'))).toEqual([]);
  });

  it('replaces a previous run only while it holds nothing else; an empty folder is fine', async () => {
    const out = join(work, 'out-replace');
    mkdirSync(out);
    const first = await runPipeline(config(out), quiet);
    const marker = JSON.parse(readFileSync(join(out, OUTPUT_MARKER), 'utf8')) as { runId: string; files: string[] };
    expect(marker.runId).toBe(first.runId);
    expect(marker.files).toContain('run-manifest.json');
    expect(marker.files).toContain('exports/quarantine.csv');

    writeFileSync(join(out, 'exports', 'my-notes.txt'), 'analyst notes');
    await expect(runPipeline(config(out), quiet)).rejects.toThrow(/holds files the pipeline did not write \(exports\/my-notes\.txt\)/);
    expect(readFileSync(join(out, 'exports', 'my-notes.txt'), 'utf8')).toBe('analyst notes');

    rmSync(join(out, 'exports', 'my-notes.txt'));
    const second = await runPipeline(config(out), quiet);
    expect(JSON.parse(readFileSync(join(out, 'run-manifest.json'), 'utf8')).runId).toBe(second.runId);
  }, 120_000);
});

describe('one run at a time per output folder', () => {
  it('a second run started at the same moment is refused, naming the running one; the first succeeds', async () => {
    const out = join(work, 'out-concurrent');
    const results = await Promise.allSettled([runPipeline(config(out), quiet), runPipeline(config(out), quiet)]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(new RegExp(`another run \\(pid ${process.pid}, run \\d{8}-\\d{6}`));
    expect(existsSync(join(work, '.out-concurrent.lock'))).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.out-concurrent.building-'))).toEqual([]);
  }, 120_000);

  it('takes over a stale lock of a dead process with a note', async () => {
    const out = join(work, 'out-stale');
    const dead = spawnNode(['-e', '0']);
    await new Promise((done) => dead.on('exit', done));
    writeFileSync(join(work, '.out-stale.lock'), JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), runId: 'old', startedAt: '2026-01-01T00:00:00Z' }));
    const notes: string[] = [];
    await runPipeline(config(out), { info: (m) => notes.push(m), progress: () => {} });
    expect(notes.join('\n')).toMatch(new RegExp(`took over a stale lock \\(pid ${dead.pid}`));
    expect(existsSync(join(work, '.out-stale.lock'))).toBe(false);
  }, 120_000);
});

describe('a run killed at any stage', () => {
  const out = join(work, 'out-killed');
  let previous: Record<string, string>;
  beforeAll(async () => {
    await runPipeline(config(out), quiet);
    previous = snapshot(out);
  }, 120_000);

  it.each(['ingest', 'warehouse', 'exports', 'reports'])(
    'killed with SIGKILL in the %s stage leaves the previous outputs intact; the next run clears its leftovers',
    async (stage) => {
      const child = spawnNode(['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--sources', sources, '--out', out, ...(stage === 'reports' ? [] : ['--skip-reports'])], {
        DTTS_PAUSE_AT: stage,
        DTTS_HASH_KEY: 'outdir-test-key-0123456',
      });
      let stdout = '';
      await new Promise<void>((paused, failed) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes(`paused before the ${stage} stage`)) paused();
        });
        child.on('exit', (code) => failed(new Error(`the run ended (${code}) before the ${stage} stage:\n${stdout}`)));
      });
      child.kill('SIGKILL');
      await new Promise((done) => child.on('exit', done));

      expect(snapshot(out)).toEqual(previous);
      expect(readdirSync(work).filter((f) => f.startsWith('.out-killed.building-'))).toHaveLength(1);
      expect(existsSync(join(work, '.out-killed.lock'))).toBe(true);

      const notes: string[] = [];
      const next = await runPipeline(config(out), { info: (m) => notes.push(m), progress: () => {} });
      expect(next.status).toBe('succeeded');
      expect(notes.join('\n')).toContain(`took over a stale lock (pid ${child.pid}`);
      expect(notes.join('\n')).toMatch(/removed .*\.out-killed\.building-.*, left by a run that did not finish/);
      expect(readdirSync(work).filter((f) => f.startsWith('.out-killed.'))).toEqual([]);
      previous = snapshot(out);
    },
    240_000,
  );

  it('a run killed between moving the old outputs aside and moving the new ones in gets them back', async () => {
    const aside = join(work, '.out-killed.previous-20260101-000000-1-abc');
    cpSync(out, aside, { recursive: true });
    rmSync(out, { recursive: true });
    const notes: string[] = [];
    await runPipeline(config(out), { info: (m) => notes.push(m), progress: () => {} });
    expect(notes.join('\n')).toContain('restored');
    expect(existsSync(aside)).toBe(false);
    expect(existsSync(join(out, 'run-manifest.json'))).toBe(true);
  }, 120_000);
});

function spawnNode(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
