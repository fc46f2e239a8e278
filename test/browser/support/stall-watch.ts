/**
 * Watches how long the main thread is held, with a timer that re-arms itself at once: the longest
 * gap between two of its ticks is the longest stretch nothing else could run.
 */
export function watchMainThread(): { stop(): number } {
  let longest = 0;
  let last = performance.now();
  let ticking = true;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      ticking = false;
      return longest;
    },
  };
}
