export { MESSAGES, type MessageCode, type MessageSpec } from './catalogue.ts';
export * from './render.ts';
