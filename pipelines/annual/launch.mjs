// `pnpm pipeline`'s launcher: runs pipelines/annual/src/cli.ts from a cached esbuild bundle instead of
// through tsx, which costs ~0.3 s to start and slows every module's load. Plain JavaScript on purpose.
//
// The bundle's key is a sha256 over every source file the bundle can hold (the non-test files under
// each workspace package's src/, with its package.json and tsconfig.json), pnpm-lock.yaml,
// tsconfig.base.json, the esbuild and Node versions and this file. A bundle of the key found in
// node_modules/.cache/dtts-pipeline/<key>/ (DTTS_PIPELINE_CACHE moves the folder) is imported as it is;
// otherwise it is built into a temporary folder that is renamed into place, so that two runs at once
// never see half a bundle. The workspace's own code is bundled, and the few third-party packages every
// run loads that are many small files of plain JavaScript (BUNDLED); every other third-party package is
// imported from node_modules as before. import.meta.url/dirname/filename are replaced by the
// original file's values, so that files beside the sources (models, plans, data, workers) are found.
//
// DTTS_NO_BUNDLE=1 runs cli.ts through tsx as before; so does a bundle that cannot be built or loaded,
// after one note. DTTS_DEBUG (run.ts prints a defect's stack) turns on the bundle's source maps.
// DTTS_PIPELINE_LAUNCH_LOG=1 says which path ran; DTTS_PIPELINE_KEY_EXTRA (for tests) changes the key.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'pipelines/annual/src/cli.ts');
const CACHE = resolve(process.env.DTTS_PIPELINE_CACHE || join(ROOT, 'node_modules/.cache/dtts-pipeline'));
/** Bundles of other keys kept (besides the one in use), for switching branches back and forth. */
const KEEP = 3;
/** A bundle used this recently is never removed: a run may still be loading its lazy chunks. */
const IN_USE_MS = 60 * 60 * 1000;
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;
const TEST = /\.(test|spec)\.[cm]?[jt]s$/;

const say = process.env.DTTS_PIPELINE_LAUNCH_LOG === '1' ? (m) => console.error(`[launch] ${m}`) : () => {};

/** The workspace packages' folders, from pnpm-workspace.yaml's `packages:` globs (`dir` or `dir/*`). */
function workspaceDirs() {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [];
  let inPackages = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    else if (inPackages) {
      const m = /^\s+-\s+["']?([^"'#\s]+)["']?/.exec(line);
      if (m) globs.push(m[1]);
    }
  }
  if (globs.length === 0) throw new Error('pnpm-workspace.yaml lists no packages');
  const dirs = [];
  for (const glob of globs) {
    if (glob.endsWith('/*')) {
      const parent = join(ROOT, glob.slice(0, -2));
      for (const e of readdirSync(parent, { withFileTypes: true })) if (e.isDirectory()) dirs.push(join(parent, e.name));
    } else if (!glob.includes('*')) dirs.push(join(ROOT, glob));
    else throw new Error(`pnpm-workspace.yaml: the glob ${glob} is not understood by the launcher`);
  }
  return dirs.filter((d) => existsSync(join(d, 'package.json'))).sort();
}

function sourceFiles(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = dir + sep + e.name; // not join(): ~10 ms slower on a cold start
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') sourceFiles(path, out);
    } else if (SOURCE.test(e.name) && !TEST.test(e.name)) out.push(path);
  }
  return out;
}

/** The bundle's key, and the files it covers (checked against what esbuild actually read). */
function bundleKey() {
  const files = [];
  for (const dir of workspaceDirs()) {
    for (const name of ['package.json', 'tsconfig.json']) if (existsSync(join(dir, name))) files.push(join(dir, name));
    sourceFiles(join(dir, 'src'), files);
  }
  files.push(join(ROOT, 'pnpm-lock.yaml'), join(ROOT, 'tsconfig.base.json'), join(ROOT, 'package.json'), import.meta.filename);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.slice(ROOT.length)); // below ROOT; not relative(): slower on a cold start
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  const esbuildPackage = createRequire(join(ROOT, 'package.json')).resolve('esbuild/package.json');
  hash.update(`esbuild ${JSON.parse(readFileSync(esbuildPackage, 'utf8')).version}\0node ${process.version}\0root ${ROOT}\0`);
  // For tests: another key without changing a source file.
  hash.update(`extra ${process.env.DTTS_PIPELINE_KEY_EXTRA ?? ''}`);
  return { key: hash.digest('hex').slice(0, 24), files: new Set(files) };
}

/**
 * Third-party packages bundled with the workspace's code, with everything they import: pure JavaScript
 * of many small files that every run loads (the workbook, the Arrow export). From one file Node loads
 * exceljs in 0.14 s of CPU instead of 0.37 s, apache-arrow in less too (BENCHMARKS.md, "1 Dec, evening").
 */
const BUNDLED = new Set(['exceljs', 'apache-arrow']);
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
/** A file of an installed package (a checkout may itself sit below some node_modules folder). */
const inNodeModules = (path) => relative(ROOT, path).split(sep).includes('node_modules');
/** Bundled CommonJS code requires Node's built-in modules through this `require` (an ES module has none). */
const REQUIRE_BANNER = "import { createRequire as __dttsCreateRequire } from 'node:module'; var require = __dttsCreateRequire(import.meta.url);";

/** The esbuild plugin: third-party imports stay imports (but BUNDLED's), import.meta is the original file's. */
function plugin(esbuild) {
  return {
    name: 'dtts-pipeline',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.own || args.path.startsWith('@dtts/')) return undefined; // the workspace's own: bundled
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        // a BUNDLED package, and whatever a bundled package's files import: bundled too
        if (BUNDLED.has(packageOf(args.path)) || inNodeModules(args.importer)) return undefined;
        // A third-party package: imported from where the importing source would find it (the bundle
        // lives elsewhere), as an absolute path that Node loads as it would the bare name.
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { own: true } });
        if (found.errors.length > 0 || !found.path) return { path: args.path, external: true };
        return { path: found.path, external: true };
      });
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        if (!text.includes('import.meta')) return { contents: text, loader };
        // `define` works on the syntax tree: the same words in a string or comment are left alone.
        const { code } = await esbuild.transform(text, {
          loader,
          format: 'esm',
          target: 'esnext',
          sourcefile: args.path,
          sourcemap: 'inline',
          tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
          define: {
            'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
            'import.meta.dirname': JSON.stringify(dirname(args.path)),
            'import.meta.filename': JSON.stringify(args.path),
          },
        });
        return { contents: code, loader: 'js' };
      });
    },
  };
}

async function build(key, files) {
  const started = performance.now();
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const tmp = join(CACHE, `.tmp-${key}-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { cli: CLI },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Node's own resolution: no "module" condition or field.
      conditions: [],
      mainFields: ['main'],
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      // Read only when DTTS_DEBUG is set (see launch()): stacks of the TypeScript sources.
      sourcemap: 'linked',
      sourcesContent: false,
      banner: { js: REQUIRE_BANNER },
      plugins: [plugin(esbuild)],
    });
    // Every bundled file must be one the key covers, or a change to it would not rebuild (a bundled
    // package's files: the lockfile names their versions).
    const outside = Object.keys(result.metafile.inputs)
      .map((input) => resolve(ROOT, input))
      .filter((input) => !files.has(input) && !inNodeModules(input));
    if (outside.length > 0) throw new Error(`the bundle reads files the key does not cover: ${outside.map((f) => relative(ROOT, f)).join(', ')}`);
    writeFileSync(join(tmp, 'meta.json'), `${JSON.stringify({ key, node: process.version, esbuild: esbuild.version, built: new Date().toISOString() }, null, 1)}\n`);
    try {
      renameSync(tmp, join(CACHE, key));
    } catch (error) {
      // Another run put the same bundle in place first: use theirs.
      if (!existsSync(join(CACHE, key, 'cli.mjs'))) throw error;
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  say(`built ${key} in ${Math.round(performance.now() - started)} ms`);
  prune(key);
}

/** Removes the bundles of older keys beyond the newest KEEP, and forgotten temporary folders. */
function prune(key) {
  try {
    const now = Date.now();
    const entries = readdirSync(CACHE)
      .filter((name) => name !== key)
      .map((name) => ({ name, mtime: statSync(join(CACHE, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    let kept = 0;
    for (const { name, mtime } of entries) {
      if (name.startsWith('.tmp-')) {
        if (now - mtime > IN_USE_MS) rmSync(join(CACHE, name), { recursive: true, force: true });
      } else if (kept < KEEP || now - mtime < IN_USE_MS) kept++;
      else rmSync(join(CACHE, name), { recursive: true, force: true });
    }
  } catch {
    // A cache that cannot be tidied is still a cache.
  }
}

async function withTsx(note) {
  if (note) console.error(note);
  say('tsx');
  await import('tsx'); // what `node --import tsx` loads: registers the ESM and CommonJS hooks
  await import(pathToFileURL(CLI).href);
}

async function launch() {
  if (process.env.DTTS_NO_BUNDLE === '1') return withTsx();
  let bundle;
  try {
    const started = performance.now();
    const { key, files } = bundleKey();
    say(`key ${key} in ${Math.round(performance.now() - started)} ms`);
    bundle = join(CACHE, key, 'cli.mjs');
    if (existsSync(bundle)) {
      say(`reusing ${key}`);
      const now = new Date();
      try {
        utimesSync(join(CACHE, key), now, now); // most recently used, for prune()
      } catch {}
    } else await build(key, files);
  } catch (error) {
    return withTsx(`(pipeline launcher: no bundle, running through tsx: ${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
  // A stage's unexpected error prints its stack with DTTS_DEBUG: lines of the sources, not the bundle.
  if (process.env.DTTS_DEBUG) process.setSourceMapsEnabled(true);
  try {
    await import(pathToFileURL(realpathSync(bundle)).href);
  } catch (error) {
    // The bundle did not load (its modules run nothing of the pipeline before they are all loaded).
    return withTsx(`(pipeline launcher: the bundle did not load, running through tsx: ${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}

await launch();
