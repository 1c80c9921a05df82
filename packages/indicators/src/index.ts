export { catalog, getIndicator, isComputed } from './catalog.ts';
export { computedIndicators } from './computed.ts';
export { pendingIndicators } from './pending.ts';
export { catalogRows, targetNumber } from './flat.ts';
export type { CatalogRow } from './flat.ts';
export { FACT_COLUMNS } from './types.ts';
export type {
  ComputedIndicator, Direction, Disaggregations, FactName, SourceFact, GeoLevel, Indicator, Measure,
  PendingIndicator, Target, TargetKind, Unit,
} from './types.ts';
export { CATALOG_PLAN, PLAN_COLUMNS, PLANS_DIR, PlanFileError, planTargetRows, planTargets, readPlanFile } from './plans.ts';
export type { PlanTarget } from './plans.ts';
export { TARGET_KINDS, targetKindMeaning, type TargetKindMeaning } from './targets.ts';
export { SHARED_DENOMINATOR_GROUPS, sharedDenominators } from './shared-denominators.ts';
