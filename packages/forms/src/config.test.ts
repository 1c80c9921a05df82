import { describe, expect, it } from 'vitest';
import { readConfig, UsageError } from './config.ts';

describe('pnpm forms options', () => {
  it('reads the year, the due date as ISO and resolves folders', () => {
    const config = readConfig(['--year', '2026', '--due', '15/11/2026', '--out', 'x']);
    expect(config).toMatchObject({ year: 2026, due: '2026-11-15' });
    expect(config !== 'help' && config.outDir.endsWith('/x')).toBe(true);
    expect(config !== 'help' && config.sourcesDir).toBeFalsy();
  });

  it.each([
    [[], '--year is required'],
    [['--year', '26'], '--year must be 2020 or later'],
    [['--year', '2026', '--due', '2026-11-15'], '--due looks like 15/11/2026'],
    [['--year', '2026', '--due', '31/02/2026'], '--due is not a date'],
    [['--year', '2026', '--sources', '/no/such/folder'], 'no such folder'],
    [['--year', '2026', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a plain message', (argv, message) => {
    expect(() => readConfig(argv)).toThrow(UsageError);
    expect(() => readConfig(argv)).toThrow(message);
  });
});
