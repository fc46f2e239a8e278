import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RealtimeHub } from '../../../../src/server/realtime/hub.js';
import type { StoredEvent } from '../../../../src/server/store/types.js';

let nextId = 0;
const event = (siteId: string, topic: string, payload: unknown = null): StoredEvent => ({
  id: ++nextId,
  siteId,
  topic,
  payload,
  at: new Date().toISOString(),
});

describe('RealtimeHub', () => {
  it("delivers an event to its site's subscribers of its topic only", () => {
    const hub = new RealtimeHub();
    const heard: string[] = [];
    hub.subscribe('blog', ['thread:a'], () => heard.push('blog a'));
    hub.subscribe('blog', ['thread:b'], () => heard.push('blog b'));
    hub.subscribe('other', ['thread:a'], () => heard.push('other a'));
    assert.equal(hub.publish(event('blog', 'thread:a')), 1);
    assert.deepEqual(heard, ['blog a']);
  });

  it('calls a subscriber of several topics once per event, and never after it unsubscribed', () => {
    const hub = new RealtimeHub();
    const heard: string[] = [];
    const unsubscribe = hub.subscribe('blog', ['thread:a', 'moderation', 'thread:a'], (e) => heard.push(e.topic));
    hub.publish(event('blog', 'thread:a'));
    hub.publish(event('blog', 'moderation'));
    unsubscribe();
    unsubscribe();
    hub.publish(event('blog', 'thread:a'));
    assert.deepEqual(heard, ['thread:a', 'moderation']);
    assert.equal(hub.count(), 0);
    assert.equal(hub.count('blog', 'thread:a'), 0);
  });

  it('keeps delivering to the others when one listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const hub = new RealtimeHub({ onError: (error) => errors.push(error) });
    let heard = 0;
    hub.subscribe('blog', ['t'], () => {
      throw new Error('broken socket');
    });
    hub.subscribe('blog', ['t'], () => heard++);
    assert.equal(hub.publish(event('blog', 't')), 2);
    assert.equal(heard, 1);
    assert.match(String(errors[0]), /broken socket/);
  });

  it('does not hand the current event to a subscriber added while it is being delivered', () => {
    const hub = new RealtimeHub();
    const late: number[] = [];
    hub.subscribe('blog', ['t'], () => {
      hub.subscribe('blog', ['t'], (e) => late.push(e.id));
    });
    const first = event('blog', 't');
    hub.publish(first);
    assert.deepEqual(late, []);
  });

  it('fans one event out to 5,000 subscribers of one topic well within 150 ms, unslowed by other topics', () => {
    const hub = new RealtimeHub();
    // Busy neighbours: 20,000 subscribers on other topics and sites.
    for (let i = 0; i < 20_000; i++) hub.subscribe(i % 2 ? 'blog' : 'other', [`thread:${i}`], () => undefined);
    let received = 0;
    let bytes = 0;
    for (let i = 0; i < 5_000; i++) {
      hub.subscribe('blog', ['thread:hot'], (e) => {
        received++;
        // What an SSE connection does with it: frame the event as text.
        bytes += `id: ${e.id}\ndata: ${JSON.stringify(e.payload)}\n\n`.length;
      });
    }
    const payload = { type: 'comment-added', comment: { id: 'c1', body: 'x'.repeat(500) } };
    const timings: number[] = [];
    for (let round = 0; round < 20; round++) {
      const started = performance.now();
      hub.publish(event('blog', 'thread:hot', payload));
      timings.push(performance.now() - started);
    }
    assert.equal(received, 100_000);
    assert.ok(bytes > 0);
    timings.sort((a, b) => a - b);
    const median = timings[10]!;
    console.log(`hub fan-out to 5,000 subscribers: median ${median.toFixed(2)} ms, worst ${timings.at(-1)!.toFixed(2)} ms`);
    assert.ok(median < 150, `median ${median} ms`);
  });
});
