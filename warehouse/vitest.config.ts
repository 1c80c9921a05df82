import { defineConfig } from 'vitest/config';

// Each suite builds every model into a real DuckDB in its beforeAll: seconds alone, much longer on a
// shared machine, so the hooks get more than vitest's default 10 s.
export default defineConfig({
  test: {
    hookTimeout: 120_000,
  },
});
