/**
 * How many items one page holds: the default, and the most one request may ask for. Part of
 * `LIMITS` (as `LIMITS.pageSize`); its own module so a reader's widget can page without loading
 * every validator.
 */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** The page size to serve for a requested `limit`: default when absent, clamped to 1..max. */
export function clampPageSize(limit: number | undefined | null): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return PAGE_SIZE.default;
  return Math.min(PAGE_SIZE.max, Math.max(1, Math.floor(limit)));
}
