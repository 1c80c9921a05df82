export { generateSample, resolveOptions, GENERATOR_VERSION } from './generate.ts';
export type { SampleOptions, SampleSummary, ResolvedOptions } from './generate.ts';
export { ensureSample, STAMP_FILE } from './ensure.ts';
export type { BadRowTruth, FileTruth, Truth } from './truth.ts';
export { useSyntheticGeography } from './synthetic.ts';
