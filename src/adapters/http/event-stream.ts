/**
 * Reads one Server-Sent Events response body with fetch's ReadableStream and the SSE parser.
 *
 * Why not EventSource: it cannot send an Authorization header, and the server shapes every event
 * for the viewer the token names (a pending comment reaches only its author and moderators, `mine`
 * is per viewer). The server does accept the token in the query for EventSource, but a token in a
 * URL ends up in proxy and server logs. fetch sends the header, lets the adapter own reconnection
 * (backoff with jitter, resume from the ids it has seen), and runs in Node too.
 */
import { SseParser, type SseMessage } from './sse-parser.js';

export interface StreamReadHandlers {
  /** Any bytes arrived (an event, a heartbeat): the connection is alive. */
  onActivity(): void;
  onMessage(message: SseMessage): void;
  onRetry(ms: number): void;
}

/** Resolves when the server ends the body; rejects when reading fails or is aborted. */
export async function readEventStream(body: ReadableStream<Uint8Array>, handlers: StreamReadHandlers): Promise<void> {
  const parser = new SseParser({ onMessage: handlers.onMessage, onRetry: handlers.onRetry });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      handlers.onActivity();
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
  } finally {
    parser.end();
    reader.releaseLock();
  }
}

export function isEventStream(response: Response): boolean {
  return /^text\/event-stream\s*(;|$)/i.test(response.headers.get('Content-Type') ?? '');
}
