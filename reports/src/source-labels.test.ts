import { census } from '@dtts/connector-census';
import { healthInsurance } from '@dtts/connector-health-insurance';
import { poverty } from '@dtts/connector-poverty';
import { Db } from '@dtts/db';
import { loadSourceCatalog } from '@dtts/warehouse';
import { describe, expect, it } from 'vitest';
import { readSourceLabels } from './source-labels.ts';

describe('source labels', () => {
  it('come from the connector declarations through ref.sources, dates as dd/mm/yyyy', async () => {
    const db = await Db.open(':memory:');
    try {
      await db.run(`attach ':memory:' as wh`);
      await db.run('use wh');
      await loadSourceCatalog(db, [census, poverty, healthInsurance]);
      const labels = await readSourceLabels(db, 'wh');
      expect(labels.label('census')).toBe(census.title);
      expect(labels.label('health_insurance')).toBe(healthInsurance.title);
      // poverty's reference date is 1 November, census's 1 October (their declarations)
      expect(labels.note('poverty.ho_ngheo, census.ho', 2025)).toBe(`Nguồn: ${poverty.title} (01/11/2025); ${census.title} (01/10/2025)`);
      expect(labels.note('census.nhan_khau', null)).toBe(`Nguồn: ${census.title} (01/10 hằng năm)`);
      expect(labels.label('land-use')).toBe('land-use');
    } finally {
      db.close();
    }
  });
});
