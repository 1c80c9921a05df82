// Runs the Evidence CLI on a work copy of the project. The copy lives under reports/.work/ (not
// /tmp) because Evidence finds its plugins and `vite` by walking up to a node_modules folder; its
// own node_modules link makes it the plugin root, so evidence.plugins.yaml is read from the copy.
// Two builds (a test and a pipeline run) never share a folder.
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '@dtts/db';

export const REPORTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_DIR = join(REPORTS_DIR, 'evidence');

/** What a build copies from the project; all but static/ (written from the data) make the bundles. */
const PROJECT_ENTRIES = ['pages', 'sources', 'components', 'static', 'evidence.plugins.yaml', 'evidence.settings.json'];
export const BUNDLE_INPUTS = PROJECT_ENTRIES.filter((e) => e !== 'static');

export async function makeWorkCopy(name: string): Promise<string> {
  await removeDeadBuilds();
  const dir = join(REPORTS_DIR, '.work', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    const from = join(PROJECT_DIR, entry);
    if (existsSync(from)) await cp(from, join(dir, entry), { recursive: true });
  }
  await symlink(join(REPORTS_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Work copies `build-<pid>-…` of processes that no longer run (a killed pipeline) are removed. */
async function removeDeadBuilds(): Promise<void> {
  const work = join(REPORTS_DIR, '.work');
  const names = existsSync(work) ? await readdir(work) : [];
  for (const name of names) {
    const pid = Number(/^build-(\d+)-/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(join(work, name), { recursive: true, force: true });
  }
}

function evidenceBin(): string {
  for (const dir of [join(REPORTS_DIR, 'node_modules', '.bin'), join(REPORTS_DIR, '..', 'node_modules', '.bin')]) {
    const bin = join(dir, 'evidence');
    if (existsSync(bin)) return bin;
  }
  throw new Error('Evidence CLI not found in reports/node_modules/.bin or node_modules/.bin: run pnpm install');
}

/** The environment of Evidence's build (and of site-prerender.mjs, which finishes one). */
export function evidenceEnv(): NodeJS.ProcessEnv {
  const binDirs = [join(REPORTS_DIR, 'node_modules', '.bin'), join(REPORTS_DIR, '..', 'node_modules', '.bin')];
  // A caller running under vitest passes NODE_ENV=test and VITEST*: Evidence would then build in
  // dev mode (dev menus linking to /explore, which fails to prerender).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(k)));
  return {
    ...inherited,
    NODE_ENV: 'production',
    PATH: [...binDirs, process.env.PATH ?? ''].join(':'),
    // Offline and quiet: no telemetry, no update checks, no colour codes in the log.
    DO_NOT_TRACK: '1',
    EVIDENCE_TELEMETRY_DISABLED: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    npm_config_offline: 'true',
    FORCE_COLOR: '0',
    CI: 'true',
    // Our pages have no Evidence inputs: each page is rendered once, not first to find its inputs'
    // defaults (patches/@evidence-dev__evidence@39.1.13.patch; src/no-inputs.test.ts keeps it true).
    VITE_EVIDENCE_NO_INPUTS: 'true',
  };
}

/** Runs `evidence <args>` in `cwd`; rejects with the tail of its output when it fails. */
export function runEvidence(cwd: string, args: string[], onLine?: (line: string) => void): Promise<void> {
  const bin = evidenceBin();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, {
      cwd,
      env: evidenceEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 60) tail.shift();
        onLine?.(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (e) => reject(new Error(`evidence ${args.join(' ')}: could not start: ${e.message}`)));
    child.on('close', (code) => {
      // `evidence build` exits 0 even when vite fails; its "Build failed" line is the signal.
      const failed = code !== 0 || tail.some((l) => /Build failed|Error: |\[!\] /.test(l) && !/sourcemap/i.test(l));
      if (!failed) resolvePromise();
      else reject(new Error(`evidence ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${tail.slice(-25).join('\n')}`));
    });
  });
}
