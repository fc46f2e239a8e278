const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Milliseconds until the countdown text may change, and never past the closing moment itself.
 * Apart from the text (`countdown-text.ts`, loaded with the countdown), so that a poll notices
 * its closing time even before the countdown is on screen.
 */
export function nextTick(remainingMs: number): number {
  if (remainingMs <= 0) return SECOND;
  const step = remainingMs < 2 * MINUTE ? SECOND : remainingMs < 2 * HOUR ? 15 * SECOND : MINUTE;
  return Math.min(step, remainingMs + 20);
}
