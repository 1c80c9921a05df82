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

/** A headless Chromium with a fresh profile; close() also removes the profile. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'reports-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS });
  // Chromium may still write to its profile while closing: retry, and never fail a build over a temp folder.
  context.on('close', () => void rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {}));
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
