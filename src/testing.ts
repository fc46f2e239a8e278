/** `plein/testing`: the conformance kit adapter authors run against their adapter. */
export { ConformanceError, kitThreads, personas, runAdapterConformance, THREAD_FIXTURES } from './testing/index.js';
export type { AdapterFactory, ConformanceOptions, Describe, FactoryContext, It, Personas, ThreadFixture } from './testing/index.js';
