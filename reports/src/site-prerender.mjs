// The part of `evidence build` that reads the data, on bundles kept from an earlier build
// (site-cache.ts). Run as a child process with its working directory in Evidence's
// `.evidence/template` (SvelteKit, Evidence's svelte.config.js and its prerender read paths
// relative to it): `node site-prerender.mjs <@sveltejs/kit folder> [<kept analysis file> [--wait]]`. Plain
// JavaScript: under tsx every module it and SvelteKit's prerender worker load went through tsx's hooks,
// most of the 3 s this process took to start (BENCHMARKS.md, "1 Dec, night").
//
// It does what SvelteKit 2.5.4's `writeBundle` hook (src/exports/vite/index.js) does after the
// client bundle is built — the manifest, route analysis, prerender, the manifest without the
// prerendered routes, the service worker, the adapter — with the same internal modules, imported
// by file path: they are not exported, so site-cache.ts pins the version and falls back to a full
// build on any failure. The route nodes (`output/server/nodes`) are the full build's own, written
// after its client bundle: they depend on the bundles, not on the data. Prints one
// `@@step <seconds> <name>` line per step.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const kitDir = process.argv[2];
if (!kitDir) throw new Error('usage: site-prerender.mjs <@sveltejs/kit folder> [<kept analysis file> [--wait]]');
const kit = (file) => import(pathToFileURL(join(kitDir, 'src', file)).href);

let last = performance.now();
const step = (name) => {
  const now = performance.now();
  console.log(`@@step ${((now - last) / 1000).toFixed(1)} ${name}`);
  last = now;
};

const { load_config } = await kit('core/config/index.js');
const { default: create_manifest_data } = await kit('core/sync/create_manifest_data/index.js');
const { generate_manifest } = await kit('core/generate_manifest/index.js');
const { get_env } = await kit('exports/vite/utils.js');
const { resolve_entry } = await kit('utils/filesystem.js');
const { logger } = await kit('core/utils.js');
const { s } = await kit('utils/misc.js');
const { default: analyse } = await kit('core/postbuild/analyse.js');
const { default: prerender } = await kit('core/postbuild/prerender.js');
const { build_service_worker } = await kit('exports/vite/build/build_service_worker.js');
const { adapt } = await kit('core/adapt/index.js');

const config = await load_config();
// With --wait (site-cache.ts's startFromSiteCache), what does not depend on the data is done first,
// while the caller still writes it (the PDF); the rest waits for a "go" line on stdin. An input closed
// without one means the caller gave up: exit without building.
if (process.argv[4] === '--wait') {
  step('modules and config (while the static files were written)');
  const go = await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.startsWith('go'));
    });
    process.stdin.on('end', () => resolve(text.startsWith('go')));
  });
  if (!go) {
    console.error('site-prerender: cancelled before the static files were written');
    process.exit(3);
  }
  process.stdin.destroy();
  last = performance.now();
}
const out = `${config.kit.outDir}/output`;
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
// The bundles carry the version of the build that made them (kit.version.name defaults to the
// time the config was loaded); the service worker must say the same.
config.kit.version.name = read(`${out}/client/${config.kit.appDir}/version.json`).version;

// Routes and nodes from the pages (unchanged: they are part of the cache key), assets from the
// static folder as it is now (the new data, charts and printed report).
const manifest_data = create_manifest_data({ config });
const server_manifest = read(`${out}/server/.vite/manifest.json`);
const client_manifest = read(`${out}/client/.vite/manifest.json`);
const manifest_path = `${out}/server/manifest-full.js`;
// The client entry points the full build computed from its client bundle, as it wrote them.
const { manifest: kept } = await import(pathToFileURL(resolve(manifest_path)).href);
const service_worker_entry_file = resolve_entry(config.kit.files.serviceWorker);
const build_data = {
  app_dir: config.kit.appDir,
  app_path: `${config.kit.paths.base.slice(1)}${config.kit.paths.base ? '/' : ''}${config.kit.appDir}`,
  manifest_data,
  out_dir: out,
  service_worker: service_worker_entry_file ? 'service-worker.js' : null,
  client: kept._.client,
  server_manifest,
};
writeFileSync(manifest_path, `export const manifest = ${generate_manifest({ build_data, relative_path: '.', routes: manifest_data.routes })};\n`);
step('manifest');

const mode = 'production';
const env = get_env(config.kit.env, mode);
// The route analysis loads every page's server module for its options (prerender, ssr, …): it
// depends on the bundles and the environment, both in the cache key, never on the data — unless a
// route of ours lists its pages from the data (`entries`; Evidence's own /api routes list the page
// files, which are in the key). The first build on kept bundles keeps it beside them (argv[3]);
// the next ones read it.
const analysisFile = process.argv[3];
let metadata = analysisFile && existsSync(analysisFile) ? deserialize(readFileSync(analysisFile)) : null;
if (metadata) step('analyse (kept with the bundles)');
else {
  metadata = await analyse({ manifest_path, manifest_data, server_manifest, tracked_features: {}, env: { ...env.private, ...env.public } });
  const fromData = [...metadata.routes].some(([id, route]) => route.entries && !id.startsWith('/api/'));
  if (analysisFile && !fromData) {
    const temp = `${analysisFile}.${process.pid}`;
    writeFileSync(temp, serialize(metadata));
    renameSync(temp, analysisFile);
  }
  step('analyse');
}

const { prerendered, prerender_map } = await prerender({ out, manifest_path, metadata, verbose: false, env: { ...env.private, ...env.public } });
step(`prerender (${prerendered.pages.size} pages, ${prerendered.assets.size} assets)`);

const dynamic = manifest_data.routes.filter((route) => prerender_map.get(route.id) !== true);
writeFileSync(`${out}/server/manifest.js`, `export const manifest = ${generate_manifest({ build_data, relative_path: '.', routes: dynamic })};\n`);

// What SvelteKit's own Vite config defines for every bundle (the service worker's included).
const define = {
  __SVELTEKIT_ADAPTER_NAME__: s(config.kit.adapter?.name),
  __SVELTEKIT_APP_VERSION_FILE__: s(`${config.kit.appDir}/version.json`),
  __SVELTEKIT_APP_VERSION_POLL_INTERVAL__: s(config.kit.version.pollInterval),
  __SVELTEKIT_DEV__: 'false',
  __SVELTEKIT_EMBEDDED__: config.kit.embedded ? 'true' : 'false',
};
const vite_config = { mode, define };
if (service_worker_entry_file) {
  await build_service_worker(out, config.kit, vite_config, manifest_data, service_worker_entry_file, prerendered, client_manifest);
  step('service worker');
}

await adapt(config, build_data, metadata, prerendered, prerender_map, logger({ verbose: false }), vite_config);
if (!existsSync('build/index.html')) throw new Error('the adapter wrote no build/index.html');
step('adapter');
