/**
 * Rate limits counted in the store, so they hold across every instance on one database: adding
 * an instance does not add to anyone's allowance. A refusal is `rate-limited` with `retryAfter`
 * (seconds), sent as `429` with `Retry-After`.
 */
import { AdapterError } from '../../adapters/errors.js';
import type { RateRule } from '../config.js';
import type { PleinStore } from '../store/types.js';

export async function enforceRate(store: PleinStore, key: string, rule: RateRule, now: number, what: string): Promise<void> {
  if (rule.max <= 0) return;
  const { count, resetAt } = await store.hit(key, rule.windowMs, now);
  if (count <= rule.max) return;
  const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
  throw new AdapterError('rate-limited', `Too many ${what}; try again in ${retryAfter} s.`, { retryAfter });
}
