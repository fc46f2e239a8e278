import { expect } from '@open-wc/testing';
import { topics, type RealtimeEvent } from '../../../src/adapters/contract.js';
import { AdapterError } from '../../../src/adapters/errors.js';
import { kees, member, moderator, seedComment, until, world, type World } from './comments-helpers.js';

describe('comments store: reports for moderators', () => {
  let w: World;
  afterEach(() => w.dispose());

  it('gives a moderator who listens the open reports of this thread, by comment, and follows the queue live', async () => {
    w = world('reports', { comments: [seedComment('a', 1), seedComment('b', 2)] });
    await w.adapter(kees).report('a', { reason: 'spam', note: 'A shop' });
    const store = w.store(w.adapter(moderator));
    await store.load();
    const stop = store.$reports.listen(() => undefined);
    await until(() => store.$reports.get().size === 1);
    expect(store.$reports.get().get('a')?.map(({ reason, note }) => ({ reason, note }))).to.deep.equal([{ reason: 'spam', note: 'A shop' }]);

    await w.adapter(member).report('b', { reason: 'abuse' });
    await until(() => store.$reports.get().has('b'));
    await store.moderate('a', 'approve');
    await until(() => !store.$reports.get().has('a'));
    expect([...store.$reports.get().keys()]).to.deep.equal(['b']);
    stop();
  });

  it('stops reading the queue once the moderator has signed out, even when a queue change still arrives', async () => {
    w = world('reports-signed-out', { comments: [seedComment('a', 1)] });
    const adapter = w.adapter(moderator);
    // A stream opened for the moderator can still bring a queue change after the sign-out (until it reconnects).
    const queueListeners: ((event: RealtimeEvent) => void)[] = [];
    const streaming: typeof adapter = Object.assign(Object.create(adapter) as typeof adapter, {
      subscribe: (topic: string, onEvent: (event: RealtimeEvent) => void) => {
        if (topic === topics.moderation()) queueListeners.push(onEvent);
        return adapter.subscribe(topic, onEvent);
      },
    });
    const store = w.store(streaming);
    await store.load();
    const stop = store.$reports.listen(() => undefined);
    await until(() => w.calls.includes('listModerationQueue') && queueListeners.length > 0);
    adapter.setViewer(null);
    await until(() => store.$viewer.get() === null);
    const reads = w.calls.filter((call) => call === 'listModerationQueue').length;
    for (const listener of queueListeners) listener({ type: 'moderation-queue-changed' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(w.calls.filter((call) => call === 'listModerationQueue').length, 'no read as an anonymous visitor').to.equal(reads);
    expect(store.$reports.get().size).to.equal(0);
    stop();
  });

  it('has no reports for a member, and does not ask the queue, which is not theirs', async () => {
    w = world('reports-member', { comments: [seedComment('a', 1)] });
    await w.adapter(kees).report('a', { reason: 'spam' });
    const store = w.store(w.adapter(member));
    await store.load();
    const stop = store.$reports.listen(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.$reports.get().size).to.equal(0);
    expect(w.calls).not.to.include('listModerationQueue');
    stop();
  });

  it('shows no reports rather than stale ones when reading the queue fails', async () => {
    w = world('reports-failing', { comments: [seedComment('a', 1)] });
    await w.adapter(kees).report('a', { reason: 'spam' });
    w.failures.set('listModerationQueue', new AdapterError('network', 'offline'));
    const store = w.store(w.adapter(moderator));
    await store.load();
    const stop = store.$reports.listen(() => undefined);
    await until(() => w.calls.includes('listModerationQueue'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.$reports.get().size).to.equal(0);
    stop();
  });
});
