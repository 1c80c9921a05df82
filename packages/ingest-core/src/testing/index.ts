export { describeConnector, type Expected } from './conformance.ts';
export * from './fixtures.ts';
