// A worker thread of the disclosure control (pattern-cache.ts decideParts): decides and checks one
// block-year's suppression pattern per message. Plain JavaScript, so that it starts in any runner (the
// pipeline's tsx, vitest), then loads the TypeScript source through tsx's loader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { decidePart } = await import('./pattern-cache.ts');

parentPort.on('message', ({ rows, ctx }) => {
  try {
    parentPort.postMessage({ cells: decidePart(rows, ctx) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
