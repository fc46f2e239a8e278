/** `plein/testing`: the conformance kit adapter authors run against their adapter. */
export { ConformanceError, personas, runAdapterConformance } from './testing/index.js';
export type { AdapterFactory, ConformanceOptions, Describe, FactoryContext, It, Personas } from './testing/index.js';
