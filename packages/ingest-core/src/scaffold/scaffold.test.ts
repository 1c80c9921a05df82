// The steward's path, end to end: scaffold a connector, write its fixtures, and run its own
// conformance test; the generated package must pass as generated.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Inside the repository, so the generated package resolves @dtts/* from the root node_modules.
const repo = join(import.meta.dirname, '../../../..');
const root = mkdtempSync(join(repo, '.scaffold-test-'));
const tsx = join(repo, 'node_modules/.bin/tsx');
const vitest = join(repo, 'node_modules/.bin/vitest');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm new-connector', () => {
  it('scaffolds a package that registers itself and passes its conformance test', () => {
    writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    cpSync(join(repo, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
    mkdirSync(join(root, 'pipelines/annual/src'), { recursive: true });
    cpSync(join(repo, 'pipelines/annual/src/connectors.ts'), join(root, 'pipelines/annual/src/connectors.ts'));
    cpSync(join(repo, 'pipelines/annual/package.json'), join(root, 'pipelines/annual/package.json'));

    execFileSync(tsx, [join(import.meta.dirname, 'cli.ts'), 'land-use', '--table', 'thua_dat', '--root', root], { stdio: 'pipe' });
    const pkg = join(root, 'packages/connectors/land-use');
    expect(readFileSync(join(root, 'pipelines/annual/src/connectors.ts'), 'utf8')).toMatch(/import \{ landUse \} from '@dtts\/connector-land-use';[\s\S]*= \[census, [^\]]*, landUse\]/);
    expect(JSON.parse(readFileSync(join(root, 'pipelines/annual/package.json'), 'utf8')).dependencies['@dtts/connector-land-use']).toBe('workspace:*');
    // no staging model to write: the warehouse generates it from the declaration
    expect(existsSync(join(root, 'warehouse'))).toBe(false);

    execFileSync(tsx, [join(pkg, 'fixtures/make.ts')], { stdio: 'pipe' });
    const out = execFileSync(vitest, ['run', '--root', pkg], { stdio: 'pipe', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' } }).toString();
    expect(out).toMatch(/Tests\s+\d+ passed/);
  }, 120_000);
});
