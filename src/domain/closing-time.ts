// A poll's closing time, apart from the rest of the definition rules: the poll element reads the
// page's `closes` with it, and needs none of the rest.

/** RFC 3339's date-time (ISO 8601 extended, with a zone), seconds optional as ISO 8601 allows. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * The instant of an ISO 8601 date-time with a time zone, or `NaN`. `Date.parse` is not the rule:
 * it takes "Dec 31 2099" and "99999", reads a time without a zone in the server's own zone, and
 * rolls February 30 over into March.
 */
export function closingMillis(value: unknown): number {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return Number.NaN;
  const part = (group: number): number => Number(match[group] ?? 0);
  const [year, month, day] = [part(1), part(2), part(3)];
  const [hour, minute, second] = [part(4), part(5), part(6)];
  const [offsetHours, offsetMinutes] = [part(10), part(11)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  date.setUTCFullYear(year, month - 1, day);
  // An impossible day rolls over into the next month; a real one comes back as given.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  date.setUTCHours(hour, minute, second, match[7] ? Math.floor(Number(match[7]) * 1000) : 0);
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return date.getTime() - offset;
}

/** A closing time as every backend stores it (`toISOString`, UTC), or `null` when it is not one. */
export function closingTime(value: unknown): string | null {
  const at = closingMillis(value);
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
}
