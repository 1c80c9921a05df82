import { defineConfig } from 'vitest/config';

// The site test builds the Evidence site (about a minute) and drives Chromium: long timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
