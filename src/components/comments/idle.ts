/**
 * Runs `task` when the main thread has nothing more urgent to do: `requestIdleCallback` (with a
 * deadline, so a page that is never idle still makes progress), else a macrotask. Returns a cancel.
 */
export function whenIdle(task: () => void, timeout = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1);
  return () => clearTimeout(handle);
}
