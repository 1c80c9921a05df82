// The build renders each page once (VITE_EVIDENCE_NO_INPUTS, patches/@evidence-dev__evidence@39.1.13.patch):
// Evidence's first render of a page only finds the defaults of its inputs. That holds while no page or
// component of ours uses one; a page that adds a Dropdown, say, fails here and must drop the setting.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceEnv, PROJECT_DIR, REPORTS_DIR } from './evidence.ts';

/** Evidence's input components, as the installed core-components exports them. */
function inputComponents(): string[] {
  // (a dependency of this package; its exports name no file that require could resolve)
  const inputs = join(REPORTS_DIR, 'node_modules', '@evidence-dev', 'core-components', 'dist', 'atoms', 'inputs');
  return readdirSync(inputs, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'shared')
    .flatMap((e) => [...readFileSync(join(inputs, e.name, 'index.js'), 'utf8').matchAll(/default as (\w+)/g)].map((m) => m[1]!));
}

/** Where a page or component uses an input: its tag, or `inputs.` in a query. */
function inputUses(text: string, components: readonly string[]): string[] {
  const tags = components.filter((c) => new RegExp(`<${c}[\\s/>]`).test(text)).map((c) => `<${c}>`);
  return /\binputs\./.test(text) ? [...tags, 'inputs.'] : tags;
}

describe('the site has no Evidence inputs, so each page is rendered once', () => {
  const components = inputComponents();

  it('knows the input components', () => {
    expect(components).toEqual(expect.arrayContaining(['Dropdown', 'ButtonGroup', 'TextInput', 'DateRange', 'Checkbox', 'Slider']));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an Evidence query's placeholder, as a page writes it
    expect(inputUses('<Dropdown data={x} name=commune />\nselect * from t where c = \'${inputs.commune.value}\'', components))
      .toEqual(['<Dropdown>', 'inputs.']);
    expect(inputUses('<DataTable data={matrix} />', components)).toEqual([]);
  });

  it('finds none in the pages and components', () => {
    const files = ['pages', 'components'].flatMap((d) => readdirSync(join(PROJECT_DIR, d), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|svelte)$/.test(e.name)).map((e) => join(e.parentPath, e.name)));
    expect(files.length).toBeGreaterThan(10);
    const uses = files.flatMap((f) => inputUses(readFileSync(f, 'utf8'), components).map((u) => `${f.slice(PROJECT_DIR.length + 1)}: ${u}`));
    expect(uses).toEqual([]);
  });

  it('builds with the setting', () => {
    expect(evidenceEnv().VITE_EVIDENCE_NO_INPUTS).toBe('true');
  });
});
