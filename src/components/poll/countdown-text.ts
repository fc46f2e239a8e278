import type { LocalizeController } from '../../core/localize.js';

const SECOND = 1000;

const seconds = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "in 3 days", "in 5 minutes", "in 40 seconds": the time left until a poll closes, in the
 * reader's language. The last minute counts seconds, where the general relative time would
 * already say "just now".
 */
export function countdownText(localize: LocalizeController, remainingMs: number): string {
  if (remainingMs >= 45 * SECOND) return localize.relativeTime(Date.now() + remainingMs);
  const lang = localize.lang;
  let format = seconds.get(lang);
  if (!format) seconds.set(lang, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return format.format(Math.max(0, Math.ceil(remainingMs / SECOND)), 'second');
}
