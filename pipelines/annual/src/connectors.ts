// The connectors a run uses, in order. A new source is one more line here.
import { census } from '@dtts/connector-census';
import { healthInsurance } from '@dtts/connector-health-insurance';
import { poverty } from '@dtts/connector-poverty';
import { school } from '@dtts/connector-school';
import { staff } from '@dtts/connector-staff';
import { villages } from '@dtts/connector-villages';
import { activities } from '@dtts/connector-activities';
import { health } from '@dtts/connector-health';
import { civilRegistration } from '@dtts/connector-civil-registration';
import type { Connector } from '@dtts/ingest-core';

export const connectors: readonly Connector[] = [census, school, healthInsurance, poverty, staff, villages, activities, health, civilRegistration];
