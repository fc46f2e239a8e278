const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/** Days from `now`'s date to `then`'s on the local calendar. */
function calendarDays(then: Date, now: Date): number {
  const midnight = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((midnight(then) - midnight(now)) / DAY);
}

/**
 * The unit a person would use for a time `deltaMs` away from `now` (negative: in the past), or
 * `null` for "just now". Thresholds follow common usage (and moment.js): 45 s, 45 min, 22 h,
 * 6.5 d, 4 w, 11 mo. Days count on the local calendar, as "tomorrow" and "yesterday" do: 30 hours
 * from Friday evening is Sunday, two days on; 22 hours that stay within today are hours.
 */
export function relativeParts(deltaMs: number, now = Date.now()): { value: number; unit: Intl.RelativeTimeFormatUnit } | null {
  const age = Math.abs(deltaMs);
  if (age < 45 * SECOND) return null;
  if (age < 45 * MINUTE) return { value: Math.round(deltaMs / MINUTE), unit: 'minute' };
  const days = age < 22 * HOUR ? 0 : calendarDays(new Date(now + deltaMs), new Date(now));
  if (age < 6.5 * DAY && days === 0) return { value: Math.round(deltaMs / HOUR), unit: 'hour' };
  if (age < 6.5 * DAY) return { value: days, unit: 'day' };
  if (age < 4 * WEEK) return { value: Math.round(deltaMs / WEEK), unit: 'week' };
  if (age < 11 * MONTH) return { value: Math.max(1, Math.round(age / MONTH)) * Math.sign(deltaMs), unit: 'month' };
  return { value: Math.max(1, Math.round(age / YEAR)) * Math.sign(deltaMs), unit: 'year' };
}
