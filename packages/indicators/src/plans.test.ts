import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from './catalog.ts';
import { CATALOG_PLAN, PLAN_COLUMNS, PLANS_DIR, planTargets, readPlanFile } from './plans.ts';

const dir = mkdtempSync(join(tmpdir(), 'dtts-plan-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const header = PLAN_COLUMNS.join(',');

describe('plans', () => {
  it('carries the catalog plan: one target per catalog entry, 2020 → 2025', () => {
    const targets = planTargets([PLANS_DIR]).filter((t) => t.planId === CATALOG_PLAN.id);
    expect(targets.length).toBe(catalog.length);
    expect(new Set(targets.map((t) => `${t.baselineYear}-${t.targetYear}`))).toEqual(new Set(['2020-2025']));
  });

  it('reads a plan file written by an analyst, comments and quoted commas included', () => {
    writeFileSync(join(dir, 'next.csv'), `# Kế hoạch mới\n${header}\nKH-2026-2030,"Kế hoạch 2026–2030, huyện Bảo Yên",2025,2030,health_insurance_coverage,more_than,"99,5","Trên 99,5%"\n`);
    const [t] = readPlanFile(join(dir, 'next.csv'));
    expect(t).toEqual({ planId: 'KH-2026-2030', planNameVi: 'Kế hoạch 2026–2030, huyện Bảo Yên', baselineYear: 2025, targetYear: 2030,
      indicatorId: 'health_insurance_coverage', target: { kind: 'more_than', value: 99.5, textVi: 'Trên 99,5%' } });
  });

  it('names the file, line and reason of every bad row', () => {
    writeFileSync(join(dir, 'bad.csv'), `${header}\nKH-X,Kế hoạch X,2025,2030,no_such_indicator,at_least,90,x\nKH-X,Kế hoạch X,2030,2025,literacy_15_60,about,90,x\n`);
    expect(() => readPlanFile(join(dir, 'bad.csv'))).toThrow(/bad\.csv:\n {2}line 2: indicator_id "no_such_indicator" is not in the catalog\n {2}line 3: target_kind "about" is not one of/);
    writeFileSync(join(dir, 'twice.csv'), `${header}\nKH-Y,Y,2025,2030,literacy_15_60,at_least,90,x\nKH-Y,Y,2025,2030,literacy_15_60,at_least,91,x\n`);
    expect(() => planTargets([join(dir, 'missing-folder')])).not.toThrow();
    writeFileSync(join(dir, 'bad.csv'), `${header}\nKH-Z,Z,2025,2030,literacy_15_60,at_least,90,x,extra\n`);
    expect(() => readPlanFile(join(dir, 'bad.csv'))).toThrow(/bad\.csv: row 1 has 9 fields, header has 8/);
    rmSync(join(dir, 'bad.csv'));
    expect(() => planTargets([dir])).toThrow(/plan KH-Y: indicator literacy_15_60 has more than one target/);
  });
});
