import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import type { CommentsStore } from '../../../src/stores/comments/index.js';
import { unsentStoragePrefix } from '../../../src/stores/comments/drafts.js';
import { ada, member, rejection, settle, unique, until, world, type World } from './comments-helpers.js';

/** The bodies of the posts of `thread` kept in localStorage as not confirmed. */
function unsentBodies(thread: string): string[] {
  const prefix = unsentStoragePrefix(thread);
  return Object.keys(localStorage)
    .filter((key) => key.startsWith(prefix))
    .map((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { input: { body: string } }).input.body);
}

const local = (store: CommentsStore) => store.$items.get().filter((entry) => entry.local !== undefined);

describe('comments store: posts not confirmed yet', () => {
  let w: World;
  afterEach(() => {
    w.dispose();
    for (const key of Object.keys(localStorage)) if (key.startsWith(unsentStoragePrefix(w.thread))) localStorage.removeItem(key);
  });

  it('keeps a post that did not get through in storage, leaving the composer free for the next one', async () => {
    w = world('unsent-keep', { thread: { id: unique('thread') } });
    const store = w.store(w.adapter(member), { storage: localStorage });
    await store.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(store.post({ body: 'Written on a train', localId: 'train' }));
    expect(unsentBodies(w.thread)).to.deep.equal(['Written on a train']);
    expect(store.drafts.get('root')).to.equal('');
    store.drafts.set('root', 'The next thought');
    expect(unsentBodies(w.thread), 'a new draft does not take its place').to.deep.equal(['Written on a train']);
  });

  it('shows it again on the next page, sends it there, and forgets it once the backend has it', async () => {
    w = world('unsent-reload', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(member), { storage: localStorage });
    await first.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(first.post({ body: 'Written on a train' }));
    first.dispose(); // The page closes.

    w.failures.clear();
    const next = w.store(w.adapter(member), { storage: localStorage });
    await next.load();
    await until(() => next.$items.get().some((entry) => entry.comment.body === 'Written on a train' && !entry.local));
    expect(unsentBodies(w.thread)).to.deep.equal([]);
    const stored = await w.adapter(member).listComments({ thread: w.thread });
    expect(stored.items.map((comment) => comment.body)).to.deep.equal(['Written on a train']);
  });

  it('shows it as not sent on a page that opens offline, for Retry or Discard', async () => {
    w = world('unsent-offline', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(member), { storage: localStorage });
    await first.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(first.post({ body: 'Still offline' }));
    first.dispose();

    const next = w.store(w.adapter(member), { storage: localStorage });
    await next.load();
    await until(() => local(next).length === 1 && local(next)[0]?.local === 'failed');
    const [entry] = local(next);
    expect(entry?.comment.body).to.equal('Still offline');
    expect(entry?.error?.code).to.equal('network');
    next.discard(entry!.localId!);
    expect(unsentBodies(w.thread)).to.deep.equal([]);
  });

  it('keeps a post from an earlier page that the backend refuses for its text in the thread, with why, not in a draft out of sight', async () => {
    w = world('unsent-refused', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(member), { storage: localStorage });
    await first.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(first.post({ body: 'Too much for the new rules' }));
    first.dispose();

    w.failures.set('postComment', AdapterError.invalid({ body: { reason: 'too-long', message: 'Too long.' } }));
    const next = w.store(w.adapter(member), { storage: localStorage });
    await next.load();
    await until(() => local(next)[0]?.local === 'failed');
    expect(local(next)[0]?.error?.code).to.equal('invalid');
    expect(next.drafts.get('root')).to.equal('');
    expect(unsentBodies(w.thread)).to.deep.equal(['Too much for the new rules']);
  });

  it('leaves a post to the open page that is still sending it, so no post goes out twice', async () => {
    w = world('unsent-two-pages', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(member), { storage: localStorage });
    await first.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(first.post({ body: 'Mine to send' }));
    w.failures.clear();

    const other = w.store(w.adapter(member), { storage: localStorage });
    await other.load();
    await settle(400);
    expect(local(other)).to.have.length(0);
    expect((await w.adapter(member).listComments({ thread: w.thread })).items).to.have.length(0);

    // Once that page is gone, the other one takes it over at its next read.
    first.dispose();
    await other.load();
    await until(() => unsentBodies(w.thread).length === 0);
    expect((await w.adapter(member).listComments({ thread: w.thread })).items.map((comment) => comment.body)).to.deep.equal(['Mine to send']);
  });

  it('forgets a post the backend already has (the page closed before its answer came)', async () => {
    w = world('unsent-arrived', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(member), { storage: localStorage });
    await first.load();
    await first.post({ body: 'Got there' });
    // As the page that sent it would have left it, had it closed before the answer.
    const at = Date.now();
    localStorage.setItem(
      `${unsentStoragePrefix(w.thread)}lost-answer`,
      JSON.stringify({ input: { thread: w.thread, body: 'Got there', parentId: null }, draft: 'root', viewer: member.id, at }),
    );
    first.dispose();

    const next = w.store(w.adapter(member), { storage: localStorage });
    await next.load();
    await until(() => unsentBodies(w.thread).length === 0);
    expect(local(next)).to.have.length(0);
    expect((await w.adapter(member).listComments({ thread: w.thread })).items).to.have.length(1);
  });

  it("does not show or send another person's post", async () => {
    w = world('unsent-someone-else', { thread: { id: unique('thread') } });
    const first = w.store(w.adapter(ada), { storage: localStorage });
    await first.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(first.post({ body: "Ada's words" }));
    first.dispose();
    w.failures.clear();

    const next = w.store(w.adapter(member), { storage: localStorage });
    await next.load();
    await settle(20);
    expect(local(next)).to.have.length(0);
    expect(unsentBodies(w.thread), 'kept for Ada').to.deep.equal(["Ada's words"]);
  });
});
