// The source facts the catalog reads: generated from the declarations, the grain a declaration
// names, an error where a table has two candidates and names none, or where no connector declares it.
import { civilRegistration } from '@dtts/connector-civil-registration';
import { activities } from '@dtts/connector-activities';
import { health } from '@dtts/connector-health';
import { staff } from '@dtts/connector-staff';
import { villages } from '@dtts/connector-villages';
import { defineConnector, describeConnector } from '@dtts/ingest-core';
import { describe, expect, it } from 'vitest';
import { catalogSourceFacts } from './compile.ts';
import { sourceFactModels } from './facts.ts';

describe('source facts', () => {
  it('hon_nhan: the declared grain (the wife\'s group) is the ethnic_group column', () => {
    const [model] = sourceFactModels([civilRegistration], ['civil-registration.hon_nhan']);
    expect(model?.name).toBe('intermediate.int_fact__civil_registration__hon_nhan');
    expect(model?.sql).toContain('r.dan_toc_vo as ethnic_group');
    expect(model?.sql).not.toContain('r.dan_toc_chong as ethnic_group');
  });

  it('two ethnic-group columns and no declared grain: an error naming both', () => {
    const undeclared = defineConnector({ ...civilRegistration, tables: civilRegistration.tables.map((t) => ({ ...t, grain: undefined })) });
    expect(() => sourceFactModels([undeclared], ['civil-registration.hon_nhan'])).toThrow(/dan_toc_chong and dan_toc_vo are both ethnic_group columns/);
  });

  it('a table without a commune is in the area only; one with an optional commune is in the area when it has none', () => {
    const [activityRows, organisations] = sourceFactModels([activities], ['activities.to_chuc_dang', 'activities.hoat_dong']);
    expect(activityRows?.sql).toContain('r.commune_code is null or m.code is not null as in_area');
    expect(organisations?.sql).toContain('true as in_area');
  });

  it('a fact the catalog reads but no connector declares is an error, not a missing table at run time', () => {
    expect(catalogSourceFacts()).toContain('villages.xa');
    expect(() => sourceFactModels([activities], ['villages.thon'])).toThrow(/reads "villages.thon", but no connector of this build declares that table/);
  });
});

describe('what a loaded column promises (the not_null checks derived from it)', () => {
  const required = (c: Parameters<typeof describeConnector>[0], table: string) =>
    describeConnector(c).find((t) => t.table === table)!.columns.filter((col) => col.required).map((col) => col.name);

  it('a key part that may be blank is not required (thon: xa_cu); the commune is', () => {
    expect(required(villages, 'thon')).not.toContain('xa_cu');
    expect(required(villages, 'thon')).toContain('commune_code');
  });

  it('a required column a value check blanks is not promised (can_tre: an implausible weight)', () => {
    expect(required(health, 'can_tre')).not.toContain('can_nang');
    expect(required(health, 'can_tre')).toContain('ngay_can');
  });

  it('an optional commune (a district-level staff row) is not required', () => {
    expect(required(staff, 'can_bo')).not.toContain('commune_code');
    expect(required(staff, 'can_bo')).toContain('cap');
  });
});
