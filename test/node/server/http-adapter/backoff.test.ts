import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconnectDelay } from '../../../../src/adapters/http/backoff.js';

describe('event stream reconnection delay', () => {
  it('starts at the server’s retry and doubles with each failed attempt in a row', () => {
    const noJitter = () => 0;
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((attempt) => reconnectDelay(attempt, 1000, 30_000, noJitter)),
      [1000, 2000, 4000, 8000, 16_000],
    );
  });

  it('stops growing at the maximum', () => {
    assert.equal(reconnectDelay(10, 1000, 30_000, () => 0), 30_000);
    assert.equal(reconnectDelay(1000, 1000, 30_000, () => 0), 30_000);
  });

  it('adds up to half again of random jitter, never less than the delay', () => {
    assert.equal(reconnectDelay(2, 1000, 30_000, () => 0.999_999), 6000);
    assert.equal(reconnectDelay(0, 1000, 30_000, () => 0.5), 1250);
    for (let index = 0; index < 200; index++) {
      const delay = reconnectDelay(1, 500, 30_000);
      assert.ok(delay >= 1000 && delay <= 1500, `${delay}`);
    }
  });

  it('honours a server retry longer than the maximum', () => {
    assert.equal(reconnectDelay(3, 60_000, 30_000, () => 0), 60_000);
  });
});
