/**
 * `plein/http`: the adapter for Plein's reference server.
 *
 * ```ts
 * import { configure } from 'plein';
 * import { createHttpAdapter } from 'plein/http';
 * configure({ adapter: createHttpAdapter({ endpoint: 'https://comments.example.com', site: 'blog', token: () => mySite.pleinToken() }) });
 * ```
 */
export { createHttpAdapter, HTTP_CAPABILITIES } from './adapters/http/index.js';
export type { GuestStorage, HttpAdapter, HttpAdapterOptions, RealtimeOptions, TokenSource } from './adapters/http/index.js';
