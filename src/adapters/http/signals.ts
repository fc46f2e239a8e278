/**
 * One signal that aborts when either the caller's or the adapter's does (the adapter's aborts on
 * `dispose()`), written out because `AbortSignal.any` is missing from browsers Plein still serves.
 */
export function linkSignals(caller: AbortSignal | undefined, lifetime: AbortSignal): { signal: AbortSignal; release(): void } {
  if (!caller) return { signal: lifetime, release: () => undefined };
  const controller = new AbortController();
  const fromCaller = () => controller.abort(caller.reason);
  const fromLifetime = () => controller.abort(lifetime.reason);
  if (caller.aborted) fromCaller();
  else if (lifetime.aborted) fromLifetime();
  else {
    caller.addEventListener('abort', fromCaller, { once: true });
    lifetime.addEventListener('abort', fromLifetime, { once: true });
  }
  return {
    signal: controller.signal,
    release() {
      caller.removeEventListener('abort', fromCaller);
      lifetime.removeEventListener('abort', fromLifetime);
    },
  };
}
