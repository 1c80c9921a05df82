// The site test's browser: the same Chromium and flags the printable report uses (src/chromium.ts).
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../src/chromium.ts';

export { CHROMIUM } from '../src/chromium.ts';

export function launch(): Promise<BrowserContext> {
  return launchChromium();
}
