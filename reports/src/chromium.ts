// Debian's Chromium through playwright-core (a browser download is impossible offline), with the
// flags ENVIRONMENT.md lists and a fresh profile. playwright-core is imported only when a browser is
// there: the pipeline runs without one (the printable report is then HTML only).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.DTTS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** The profile folder of each browser launchChromium started (for its test). */
const profiles = new WeakMap<BrowserContext, string>();

export function profileOf(context: BrowserContext): string | undefined {
  return profiles.get(context);
}

/**
 * A headless Chromium with a fresh profile in the temp folder. Its close() resolves once Chromium has
 * exited and the profile is removed: removing it from the 'close' event alone, unawaited, left a
 * profile behind whenever the process exited first (24 of them in /tmp on the development machine).
 * A launch that fails removes the profile too.
 */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'reports-chromium-'));
  // Chromium may still write to its profile while closing: retry, and never fail a build over a temp folder.
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  profiles.set(context, profile);
  const close = context.close.bind(context);
  context.close = async (options) => {
    try {
      await close(options);
    } finally {
      await removeProfile();
    }
  };
  // A browser that dies on its own (a crash) is not closed through close(): remove its profile then too.
  context.on('close', () => void removeProfile());
  return context;
}

/** Prints a local HTML file to an A4 PDF (the page's own @page rules: size, margins, page numbers). */
export async function printPdf(htmlPath: string, pdfPath: string): Promise<void> {
  const context = await launchChromium();
  try {
    const page = await context.newPage();
    // Offline: the report is self-contained, so any request but the file itself is refused.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}
