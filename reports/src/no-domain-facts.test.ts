// The reports layer derives what it shows from the warehouse (ref.sources, ref.indicators) and the
// catalog; these are the copies that used to live here. Re-adding one fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => [f, withoutComments(readFileSync(join(dir, f), 'utf8'))] as const);

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the reports hold no domain facts', () => {
  it.each([
    ['a minority code range', /'0?2'\s*&&[^\n]*'54'|>= '02'/],
    ['a source reference day', /\b(01\/10|05\/09|31\/12|01\/11)\b/],
    ['a hand-kept table of numerator/denominator texts', /DEFINITION_VI/],
    ['a hand-kept list of shared denominators', /\[\s*'poor_household_rate',\s*'near_poor_household_rate'/],
    ['target kinds matched by pattern', /\/baseline\|yearly_decrease\//],
    ['an indicator singled out by its id', /indicator_id\s*[!=]==\s*'/],
  ])('no %s', (_, pattern) => {
    for (const [file, text] of sources) expect(text, file).not.toMatch(pattern);
  });
});
