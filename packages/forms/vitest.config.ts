import { defineConfig } from 'vitest/config';

// Forms are written and ingested for real; the machine is shared, so allow time.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 300_000 } });
