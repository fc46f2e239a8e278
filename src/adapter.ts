/** `plein/adapter`: everything an adapter author needs, with no side effects. */
export * from './adapters/contract.js';
export { CAPABILITY_METHODS } from './adapters/capabilities.js';
export { AdapterError, ADAPTER_ERROR_CODES, isAbortError } from './adapters/errors.js';
export type { AdapterErrorOptions } from './adapters/errors.js';
export { defineAdapter, AdapterDefinitionError } from './adapters/define.js';
