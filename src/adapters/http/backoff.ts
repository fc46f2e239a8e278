/**
 * How long to wait before reconnecting the event stream: the server's `retry:` (or the default)
 * doubled for each failed attempt in a row, capped, plus up to half again of random jitter, so
 * the readers of a restarted server do not all knock at the same instant. Never sooner than the
 * server asked.
 */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.max(maxMs, baseMs);
  const delay = Math.min(cap, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(delay + random() * delay * 0.5);
}
