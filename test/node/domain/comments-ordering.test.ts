import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sortThread } from '../../../src/domain/ordering.js';

describe('thread ordering by date', () => {
  it('orders canonical UTC timestamps and timestamps with offsets by their instant, mixed', () => {
    const items = [
      { id: 'a', createdAt: '2026-11-27T10:30:00.000Z' },
      { id: 'b', createdAt: '2026-11-27T11:00:00+01:00' }, // 10:00 UTC
      { id: 'c', createdAt: '2026-11-27T10:15:00.000Z' },
      { id: 'd', createdAt: '2026-11-27T10:45:00Z' },
    ];
    assert.deepEqual(sortThread(items, 'oldest').map((item) => item.id), ['b', 'c', 'a', 'd']);
    assert.deepEqual(sortThread(items, 'newest').map((item) => item.id), ['d', 'a', 'c', 'b']);
  });

  it('sorts 10,000 comments in well under 50 ms', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const items = Array.from({ length: 10_000 }, (_, index) => ({
      id: `c${index}`,
      createdAt: new Date(start + ((index * 7919) % 10_000) * 1000).toISOString(),
    }));
    const began = performance.now();
    const sorted = sortThread(items, 'newest');
    assert.ok(performance.now() - began < 50, `took ${performance.now() - began} ms`);
    assert.equal(sorted[0]?.createdAt, new Date(start + 9999 * 1000).toISOString());
  });
});
