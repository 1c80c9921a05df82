// The bundle cache's key and housekeeping; the fast build itself is tested on a real site in
// test/site.test.ts (a full build, then one on the kept bundles with changed data).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveDir, packageDir, pruneSiteCache, siteCacheKey, siteCacheMiss } from './site-cache.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workCopy(name: string, page: string): Promise<string> {
  const work = join(dir, name);
  await mkdir(join(work, 'pages'), { recursive: true });
  await mkdir(join(work, 'static', 'charts'), { recursive: true });
  await mkdir(join(work, '.evidence', 'template', 'static', 'data'), { recursive: true });
  await writeFile(join(work, 'pages', 'index.md'), page);
  await writeFile(join(work, 'evidence.plugins.yaml'), 'components: {}\n');
  return work;
}

describe('siteCacheKey', () => {
  it('changes with a page, not with the data, charts or public file', async () => {
    const a = await workCopy('a', '# Trang chủ\n');
    const key = await siteCacheKey(a);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    // What the data makes: Evidence's parquet, the charts, the public DuckDB file, the NDJSON tables.
    await writeFile(join(a, '.evidence', 'template', 'static', 'data', 'manifest.json'), '{"renderedFiles":{}}');
    await writeFile(join(a, 'static', 'charts', 'x.svg'), '<svg/>');
    await writeFile(join(a, 'public.duckdb'), 'x');
    await writeFile(join(a, 'trend.ndjson'), '{}\n');
    expect(await siteCacheKey(a)).toBe(key);
    const b = await workCopy('b', '# Trang chủ\n');
    expect(await siteCacheKey(b)).toBe(key);
    const c = await workCopy('c', '# Trang chủ mới\n');
    expect(await siteCacheKey(c)).not.toBe(key);
    await writeFile(join(b, 'evidence.plugins.yaml'), 'components: {"x": {}}\n');
    expect(await siteCacheKey(b)).not.toBe(key);
  });
});

describe('the cache folder', () => {
  it('says why it cannot serve a key, and keeps only the most recently used entries', async () => {
    const cache = join(dir, 'cache');
    await mkdir(cache, { recursive: true });
    expect(await siteCacheMiss(cache, 'abcdef0123456789abcdef01')).toBe('no entry for key abcdef012345');
    const names = ['k1', 'k2', 'k3'];
    for (const [i, name] of names.entries()) {
      await mkdir(join(cache, name, 'template'), { recursive: true });
      await writeFile(join(cache, name, 'meta.json'), JSON.stringify({ format: 1, key: name, kit: '2.5.4', evidence: '39.1.13', savedAt: '' }));
      const used = new Date(Date.UTC(2026, 0, 1 + i)); // k3 used last
      await utimes(join(cache, name, 'meta.json'), used, used);
    }
    expect(await siteCacheMiss(cache, 'k2')).toBeNull();
    await writeFile(join(cache, 'k2', 'meta.json'), JSON.stringify({ format: 0, key: 'k2', kit: '2.5.4', evidence: '39.1.13', savedAt: '' }));
    expect(await siteCacheMiss(cache, 'k2')).toBe('entry of another format');
    expect(await pruneSiteCache(cache, 2)).toEqual(['k1']);
    expect((await readdir(cache)).sort()).toEqual(['k2', 'k3']);
    expect(existsSync(join(cache, 'k1'))).toBe(false);
  });
});

describe('moveDir', () => {
  async function tree(root: string): Promise<string[]> {
    return (await readdir(root, { recursive: true })).map(String).sort();
  }
  async function folderWithFiles(at: string): Promise<void> {
    await mkdir(join(at, 'a', 'b'), { recursive: true });
    await writeFile(join(at, 'index.html'), '<p>trang</p>');
    await writeFile(join(at, 'a', 'b', 'x.arrow'), 'x');
  }

  it('moves a built site within one file system, leaving nothing behind', async () => {
    const from = join(dir, 'built');
    await folderWithFiles(from);
    await moveDir(from, join(dir, 'site'));
    expect(existsSync(from)).toBe(false);
    expect(await tree(join(dir, 'site'))).toEqual(['a', 'a/b', 'a/b/x.arrow', 'index.html']);
  });

  // Where /dev/shm is a file system of its own (tmpfs, as on Debian), a rename across it fails (EXDEV): copied instead.
  const otherFs = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.runIf(otherFs)('copies then removes across file systems', async () => {
    const from = await mkdtemp('/dev/shm/site-cache-move-');
    try {
      await rm(from, { recursive: true });
      await folderWithFiles(from);
      await moveDir(from, join(dir, 'site-across'));
      expect(existsSync(from)).toBe(false);
      expect(await tree(join(dir, 'site-across'))).toEqual(['a', 'a/b', 'a/b/x.arrow', 'index.html']);
    } finally {
      await rm(from, { recursive: true, force: true });
    }
  });
});

describe('the prerender process started early (site-prerender.mjs --wait)', () => {
  // Started while the PDF prints (startFromSiteCache): it loads SvelteKit and the config, says so, and
  // builds nothing until it reads "go"; a caller that failed closes its input instead.
  const script = join(dirname(fileURLToPath(import.meta.url)), 'site-prerender.mjs');
  const run = async (input: string | null) => {
    const cwd = await mkdtemp(join(dir, 'prerender-'));
    const child = spawn(process.execPath, [script, packageDir('@sveltejs/kit'), join(cwd, 'analysis.v8'), '--wait'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    // The input is given only once the start-up is done, as the caller gives it once the PDF is printed.
    const ready = new Promise<void>((resolve) => child.stdout.on('data', () => { if (out.includes('@@step')) resolve(); }));
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([ready, code]);
    child.stdin.end(input ?? undefined);
    return { code: await code, out, cwd };
  };

  it('waits after its start-up, and exits without building when its input closes', async () => {
    const { code, out, cwd } = await run(null);
    expect(out).toMatch(/^@@step [\d.]+ modules and config/m);
    expect(out).toMatch(/cancelled before the static files were written/);
    expect(code).toBe(3);
    expect(existsSync(join(cwd, 'build'))).toBe(false);
  }, 120_000);

  it('goes on when told to (here failing: the folder holds no bundles)', async () => {
    const { code, out } = await run('go\n');
    expect(out).not.toMatch(/cancelled/);
    expect(out).toMatch(/ENOENT/);
    expect(code).not.toBe(0);
  }, 120_000);
});
