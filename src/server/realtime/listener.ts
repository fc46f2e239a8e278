/**
 * Keeps a LISTEN connection open for as long as realtime runs. After a loss it reconnects with
 * backoff and wakes the pump, which reads everything committed meanwhile: a NOTIFY missed while
 * disconnected costs latency, never an event.
 */
import type { NotificationConnection, NotificationSource } from '../store/types.js';

export interface ListenerOptions {
  /** First retry delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  onError?: (error: unknown) => void;
}

export interface Listening {
  /** Resolves once listening; rejects if the first connection fails. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function keepListening(source: NotificationSource, onNotify: (payload: string) => void, onConnected: () => void, options: ListenerOptions = {}): Listening {
  const retryMs = options.retryMs ?? 100;
  const maxRetryMs = options.maxRetryMs ?? 5000;
  const onError = options.onError ?? (() => undefined);
  let connection: NotificationConnection | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = retryMs;

  const connect = async (): Promise<void> => {
    const next = await source.connect(onNotify, (error) => {
      connection = null;
      onError(error);
      schedule();
    });
    if (closed) {
      await next.close();
      return;
    }
    connection = next;
    delay = retryMs;
    onConnected();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch((error: unknown) => {
        onError(error);
        delay = Math.min(maxRetryMs, delay * 2);
        schedule();
      });
    }, delay);
    timer.unref();
  };

  return {
    ready: connect(),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const open = connection;
      connection = null;
      await open?.close();
    },
  };
}
