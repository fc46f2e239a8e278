/**
 * Watches how long the main thread is held: the longest task the browser reports (Long Tasks API,
 * tasks over 50 ms) from now until `stop()`, so input would wait at most that long. Timer gaps
 * would also count the scheduling of other test pages on a busy machine. The task that starts
 * watching is not counted: it holds whatever the test did before.
 */
export function watchMainThread(): { stop(): number } {
  const since = performance.now();
  let longest = 0;
  const measure = (tasks: PerformanceEntryList): void => {
    for (const task of tasks) if (task.startTime >= since) longest = Math.max(longest, task.duration);
  };
  const observer = new PerformanceObserver((list) => measure(list.getEntries()));
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      measure(observer.takeRecords());
      observer.disconnect();
      return longest;
    },
  };
}
