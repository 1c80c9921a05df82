// The source facts the catalog reads: generated from the declarations, the grain a declaration
// names, an error where a table has two candidates and names none, or where no connector declares it.
import { civilRegistration } from '@dtts/connector-civil-registration';
import { activities } from '@dtts/connector-activities';
import { defineConnector } from '@dtts/ingest-core';
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
