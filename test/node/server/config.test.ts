import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RATE_LIMITS, resolveConfig } from '../../../src/server/config.js';

describe('server configuration', () => {
  it("keeps a rate rule's default window when the configuration gives only its max, and the other rules whole", () => {
    const { rateLimits } = resolveConfig({ rateLimits: { writesPerIp: { max: 120 } } });
    assert.deepEqual(rateLimits.writesPerIp, { max: 120, windowMs: DEFAULT_RATE_LIMITS.writesPerIp.windowMs });
    assert.deepEqual(rateLimits.guestsPerIp, DEFAULT_RATE_LIMITS.guestsPerIp);
    assert.deepEqual(rateLimits.commentsPerIdentity, DEFAULT_RATE_LIMITS.commentsPerIdentity);
    assert.deepEqual(resolveConfig({ rateLimits: { deviceBallotsPerIp: { max: 2 } } }).rateLimits.deviceBallotsPerIp, { max: 2, windowMs: 24 * 60 * 60_000 });
  });
});
