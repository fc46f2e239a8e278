export { createHttpAdapter, HTTP_CAPABILITIES, type HttpAdapter } from './adapter.js';
export type { GuestStorage, HttpAdapterOptions, RealtimeOptions, TokenSource } from './options.js';
export { SseParser, type SseHandlers, type SseMessage } from './sse-parser.js';
export { createScriptTagAdapter } from './script-tag.js';
