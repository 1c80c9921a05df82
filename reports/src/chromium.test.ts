// The browser the printable report and the site test use: its profile folder is gone once close() resolves.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, printPdf, profileOf } from './chromium.ts';

describe.skipIf(!hasChromium())('Chromium', () => {
  it('removes its profile when closed', async () => {
    const context = await launchChromium();
    const profile = profileOf(context);
    expect(profile).toBeDefined();
    expect(existsSync(profile!)).toBe(true);
    await context.close();
    expect(existsSync(profile!)).toBe(false);
  });

  it('prints a page to a PDF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dtts-pdf-'));
    try {
      await writeFile(join(dir, 'a.html'), '<!doctype html><meta charset="utf-8"><p>Bảo Yên</p>');
      await printPdf(join(dir, 'a.html'), join(dir, 'a.pdf'));
      expect((await readFile(join(dir, 'a.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
