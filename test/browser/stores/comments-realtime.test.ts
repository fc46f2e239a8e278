import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { topics, type RealtimeEvent } from '../../../src/adapters/contract.js';
import type { MemoryAdapter } from '../../../src/adapters/memory/index.js';
import { ada, ids, kees, member, moderator, seedComment, settle, until, world, type World } from './comments-helpers.js';

describe('comments store: realtime', () => {
  let w: World;
  afterEach(() => w.dispose());

  it("buffers others' new comments in $incoming without changing the list, until showIncoming", async () => {
    w = world('incoming', { comments: [seedComment('a', 1), seedComment('b', 2)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const before = store.$items.get();
    const other = w.adapter(ada);
    const first = await other.postComment!({ thread: w.thread, body: 'New one' });
    const reply = await other.postComment!({ thread: w.thread, body: 'New reply', parentId: 'a' });

    await until(() => store.$incoming.get() === 2);
    expect(store.$items.get()).to.equal(before, 'what the reader looks at does not move');

    const shown = store.showIncoming();
    expect(shown.map((entry) => entry.comment.id)).to.deep.equal([first.id, reply.id]);
    expect(store.$incoming.get()).to.equal(0);
    expect(ids(store)).to.deep.equal(['a', reply.id, 'b', first.id]);
    expect(store.$items.get()[0]?.comment.replyCount).to.equal(1);
  });

  it('asks for the count again when reading it failed, so it does not stay behind the live list', async () => {
    w = world('count-retry', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    expect(store.$thread.get()?.commentCount).to.equal(1);
    w.failures.set('getThread', new AdapterError('network', 'offline'));
    await w.adapter(ada).postComment!({ thread: w.thread, body: 'While the reader was offline' });
    await until(() => store.$incoming.get() === 1);
    // The count asked for, and refused.
    await until(() => w.calls.filter((call) => call === 'getThread').length >= 2);
    w.failures.delete('getThread');
    // Asked for again, about 2 s later.
    await until(() => store.$thread.get()?.commentCount === 2, 4000);
  });

  it('shows the first page without waiting for realtime, and applies in order what happened while it was read', async () => {
    w = world('read-window', { comments: [seedComment('a', 1)] });
    const inner = w.adapter(member);
    // Realtime under the test's control, and a first page that arrives when the test says so,
    // read before the events below happened.
    const handlers = new Map<string, Set<(event: RealtimeEvent) => void>>();
    const emit = (topic: string, event: RealtimeEvent) => {
      for (const handler of [...(handlers.get(topic) ?? [])]) handler(event);
    };
    let release = () => {};
    const adapter = Object.assign(Object.create(inner) as MemoryAdapter, {
      subscribe(topic: string, handler: (event: RealtimeEvent) => void) {
        const set = handlers.get(topic) ?? new Set();
        handlers.set(topic, set.add(handler));
        return () => set.delete(handler);
      },
      listComments(...args: Parameters<MemoryAdapter['listComments']>) {
        const page = inner.listComments(...args);
        return new Promise((resolve) => (release = () => resolve(page)));
      },
    });
    const store = w.store(adapter);
    const loading = store.load();
    await until(() => (handlers.get(topics.thread(w.thread))?.size ?? 0) > 0);
    const original = (await inner.getComment!('a'))!;
    emit(topics.thread(w.thread), { type: 'comment-updated', comment: { ...original, body: 'First edit' } });
    emit(topics.thread(w.thread), { type: 'comment-updated', comment: { ...original, body: 'Second edit' } });
    emit(topics.thread(w.thread), { type: 'comment-added', comment: { ...original, id: 'late', body: 'Posted meanwhile' } });
    release();
    await loading;
    await until(() => store.$items.get()[0]?.comment.body === 'Second edit' && store.$incoming.get() === 1);
    // Nothing was lost and nothing was applied twice: one subscription per topic is left.
    await settle();
    expect(store.$items.get().map((entry) => entry.comment.body)).to.deep.equal(['Second edit']);
    expect(handlers.get(topics.thread(w.thread))?.size).to.equal(1);
    expect(handlers.get(topics.session())?.size).to.equal(1);
  });

  it('applies what happens while the thread is read again once the new page is in', async () => {
    w = world('reread-window', { comments: [seedComment('a', 1)] });
    const inner = w.adapter(member);
    let held: (() => void) | undefined;
    let calls = 0;
    const adapter = Object.assign(Object.create(inner) as MemoryAdapter, {
      listComments(...args: Parameters<MemoryAdapter['listComments']>) {
        const page = inner.listComments(...args);
        // The second read answers when the test says so, with the thread as it was when asked.
        return held === undefined && calls++ > 0 ? new Promise((resolve) => (held = () => resolve(page))) : page;
      },
    });
    const store = w.store(adapter);
    await store.load();
    await settle();
    const reading = store.load();
    await until(() => held !== undefined);
    await w.adapter(ada).editComment!('a', { body: 'Edited while the thread was read again' });
    await settle();
    held!();
    await reading;
    await until(() => store.$items.get()[0]?.comment.body === 'Edited while the thread was read again');
  });

  it('does not count a reply to a comment on a page not loaded yet; that page brings it', async () => {
    w = world('incoming-later-page', {
      comments: Array.from({ length: 6 }, (_, index) => seedComment(`c${index}`, index)),
    });
    const store = w.store(w.adapter(member), { sort: 'newest', pageSize: 3 });
    await store.load();
    expect(ids(store)).to.deep.equal(['c5', 'c4', 'c3']);
    const reply = await w.adapter(ada).postComment!({ thread: w.thread, body: 'Late reply', parentId: 'c0' });
    const root = await w.adapter(ada).postComment!({ thread: w.thread, body: 'New root' });
    await until(() => store.$incoming.get() === 1);
    await settle();
    expect(store.$incoming.get()).to.equal(1, 'only the comment showIncoming can show');
    expect(store.showIncoming().map((entry) => entry.comment.id)).to.deep.equal([root.id]);
    expect(store.$incoming.get()).to.equal(0);

    await store.loadMore();
    expect(ids(store)).to.deep.equal([root.id, 'c5', 'c4', 'c3', 'c2', 'c1', 'c0', reply.id]);
    expect(store.$incoming.get()).to.equal(0);
  });

  it('reveals a live reply to a comment on a page not loaded yet, with its parent', async () => {
    w = world('reveal-live', {
      comments: Array.from({ length: 6 }, (_, index) => seedComment(`c${index}`, index)),
    });
    const store = w.store(w.adapter(member), { sort: 'newest', pageSize: 3 });
    await store.load();
    const reply = await w.adapter(ada).postComment!({ thread: w.thread, body: 'Permalinked', parentId: 'c1' });
    await settle();
    const entry = await store.reveal(reply.id);
    expect(entry?.comment.id).to.equal(reply.id);
    expect(ids(store)).to.deep.equal(['c5', 'c4', 'c3', 'c1', reply.id]);
    expect(store.$items.get()[3]?.comment.replyCount).to.equal(1);
    expect(store.$hasMore.get()).to.equal(true);
    await store.loadAll();
    expect(ids(store)).to.deep.equal(['c5', 'c4', 'c3', 'c2', 'c1', reply.id, 'c0']);
  });

  it("applies others' edits, deletions and reaction counts in place at once", async () => {
    w = world('in-place', {
      comments: [
        seedComment('a', 1, { author: ada.id }),
        seedComment('b', 2, { author: ada.id }),
        seedComment('c', 3, { author: ada.id }),
        seedComment('c1', 4, { author: kees.id, parentId: 'c' }),
      ],
    });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const untouched = store.$items.get()[0];
    const other = w.adapter(ada);

    await other.editComment!('a', { body: 'Edited by Ada' });
    await until(() => store.$items.get()[0]?.comment.body === 'Edited by Ada');
    expect(store.$items.get()[0]?.comment.editedAt).to.be.a('string');

    await w.adapter(kees).react!('b', '🎉', true);
    await until(() => store.$items.get()[1]?.comment.reactions.length === 1);
    expect(store.$items.get()[1]?.comment.reactions).to.deep.equal([{ key: '🎉', count: 1, mine: false }]);

    await other.deleteComment!('b');
    await until(() => !ids(store).includes('b'));
    await other.deleteComment!('c');
    await until(() => store.$items.get()[1]?.comment.deleted === true);
    expect(ids(store)).to.deep.equal(['a', 'c', 'c1']);
    expect(store.$items.get()[1]?.comment.body).to.equal('');
    expect(store.$incoming.get()).to.equal(0);
    expect(untouched?.comment.id).to.equal('a');
  });

  it("shows the viewer's own comment from another tab at once", async () => {
    w = world('own-elsewhere', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const mine = await w.adapter(member).postComment!({ thread: w.thread, body: 'From my phone' });
    await until(() => ids(store).includes(mine.id));
    expect(store.$incoming.get()).to.equal(0);
  });

  it("does not add the viewer's own post twice when its live echo arrives", async () => {
    w = world('echo', { comments: [] });
    const store = w.store(w.adapter(member));
    await store.load();
    const stored = await store.post({ body: 'Only once' });
    await settle();
    expect(ids(store)).to.deep.equal([stored.id]);
    expect(store.$incoming.get()).to.equal(0);
    await store.load();
    expect(ids(store)).to.deep.equal([stored.id]);
  });

  it('never shows a pending comment to others, only to its author and moderators', async () => {
    w = world('pending', { thread: { premoderated: true }, comments: [seedComment('a', 1)] });
    const other = w.store(w.adapter(kees));
    const mod = w.store(w.adapter(moderator));
    await Promise.all([other.load(), mod.load()]);

    const author = w.store(w.adapter(member));
    await author.load();
    const posting = author.post({ body: 'Please approve' });
    expect(author.$items.get()[0]?.comment.status).to.equal('pending');
    const pending = await posting;
    expect(pending.status).to.equal('pending');
    expect(author.$items.get()[0]?.comment.status).to.equal('pending');

    await until(() => mod.$incoming.get() === 1);
    await settle();
    expect(other.$incoming.get()).to.equal(0);
    expect(ids(other)).to.deep.equal(['a']);
    expect(await other.reveal(pending.id)).to.equal(null);
    await other.load();
    expect(ids(other)).to.deep.equal(['a']);

    mod.showIncoming();
    expect(mod.$items.get().find((entry) => entry.comment.id === pending.id)?.comment.status).to.equal('pending');

    // Approved, it reaches the others as a new comment.
    await mod.moderate(pending.id, 'approve');
    await until(() => other.$incoming.get() === 1);
    other.showIncoming();
    expect(ids(other)).to.include(pending.id);
  });

  it('takes a comment away from members when a moderator hides it', async () => {
    w = world('hidden', { comments: [seedComment('a', 1), seedComment('b', 2)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    await w.adapter(moderator).moderate!({ kind: 'comment', id: 'b' }, 'hide');
    await until(() => !ids(store).includes('b'));
    expect(ids(store)).to.deep.equal(['a']);
  });

  it('follows the thread being locked', async () => {
    w = world('locked', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    await w.adapter(moderator).lock!({ kind: 'thread', id: w.thread }, true);
    await until(() => store.$thread.get()?.locked === true);
    expect(store.can('comment.post')).to.deep.equal({ allowed: false, reason: 'locked' });
  });

  it('reloads for a new viewer: a moderator signing in sees pending comments', async () => {
    w = world('viewer', { comments: [seedComment('a', 1), seedComment('waiting', 2, { status: 'pending', author: kees.id })] });
    const adapter = w.adapter(member);
    const store = w.store(adapter);
    await store.load();
    expect(ids(store)).to.deep.equal(['a']);
    adapter.setViewer(moderator);
    await until(() => ids(store).includes('waiting'));
    expect(store.$viewer.get()?.id).to.equal(moderator.id);
  });

  it('reads the thread again when the adapter says events were lost (resync)', async () => {
    w = world('resync', { comments: [seedComment('a', 1)] });
    const adapter = w.adapter(member);
    // Events reach the store only while `delivering`: a connection that drops them.
    let delivering = true;
    const listeners: ((event: RealtimeEvent) => void)[] = [];
    const lossy = {
      ...adapter,
      subscribe(topic: string, onEvent: (event: RealtimeEvent) => void) {
        listeners.push(onEvent);
        return adapter.subscribe(topic, (event) => {
          if (delivering) onEvent(event);
        });
      },
    } as MemoryAdapter;
    const store = w.store(lossy);
    await store.load();
    delivering = false;
    const lost = await w.adapter(ada).postComment!({ thread: w.thread, body: 'Posted while events were lost' });
    await settle();
    expect(ids(store)).to.deep.equal(['a']);
    delivering = true;
    for (const listener of listeners) listener({ type: 'resync', topic: topics.thread(w.thread) });
    await until(() => ids(store).includes(lost.id));
  });
});
