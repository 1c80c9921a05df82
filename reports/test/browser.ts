// Debian's Chromium through playwright-core (a browser download is impossible offline),
// with the flags ENVIRONMENT.md lists and a fresh profile.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.DTTS_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'reports-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
