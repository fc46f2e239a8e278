import { expect } from '@open-wc/testing';
import { seedThread } from '../../../src/adapters/memory/seed-thread.js';
import { ada, ids, kees, member, moderator, seedComment, settle, until, world, type World } from './comments-helpers.js';
import { watchMainThread } from '../support/stall-watch.js';

describe('comments store: loading', () => {
  let w: World;
  afterEach(() => w.dispose());

  it('loads the first page with its replies, then the next pages without repeating a comment', async () => {
    w = world('paging', { seed: (thread) => ({ ...seedThread({ thread, count: 150 }) }) });
    const store = w.store(w.adapter(member), { pageSize: 10 });
    await store.load();
    expect(store.$status.get()).to.equal('ready');
    const firstPage = store.$items.get();
    expect(firstPage.filter((entry) => entry.comment.parentId === null)).to.have.length(10);
    expect(store.$hasMore.get()).to.equal(true);
    // Every reply on the first page sits under a parent that is also there.
    const present = new Set(firstPage.map((entry) => entry.comment.id));
    for (const entry of firstPage) if (entry.comment.parentId) expect(present.has(entry.comment.parentId)).to.equal(true);

    while (store.$hasMore.get()) await store.loadMore();
    const all = ids(store);
    expect(new Set(all).size).to.equal(all.length, 'no comment appears twice');
    expect(all).to.have.length(store.$thread.get()!.commentCount);
    expect(all).to.have.length(150);
  });

  it('puts replies right under their parent, oldest first, whatever the sort', async () => {
    w = world('order', {
      comments: [
        seedComment('a', 1),
        seedComment('b', 2),
        seedComment('a-late', 9, { parentId: 'a' }),
        seedComment('a-early', 3, { parentId: 'a' }),
        seedComment('a-early-1', 4, { parentId: 'a-early' }),
        seedComment('p', 0, { pinned: true }),
      ],
    });
    const store = w.store(w.adapter(member), { sort: 'newest' });
    await store.load();
    expect(ids(store)).to.deep.equal(['p', 'b', 'a', 'a-early', 'a-early-1', 'a-late']);
    expect(store.$items.get().map((entry) => entry.comment.depth)).to.deep.equal([0, 0, 0, 1, 2, 1]);
  });

  it('shares one request between concurrent loadMore calls', async () => {
    w = world('concurrent', { seed: (thread) => seedThread({ thread, count: 60, replyRatio: 0 }) });
    const store = w.store(w.adapter(member, { latency: 20 }), { pageSize: 10 });
    await store.load();
    const before = w.calls.filter((call) => call === 'listComments').length;
    await Promise.all([store.loadMore(), store.loadMore(), store.loadMore()]);
    expect(w.calls.filter((call) => call === 'listComments').length - before).to.equal(1);
    expect(ids(store)).to.have.length(20);
  });

  it('shows loadMore in flight in $loadingMore', async () => {
    w = world('loading-more', { seed: (thread) => seedThread({ thread, count: 30, replyRatio: 0 }) });
    const store = w.store(w.adapter(member, { latency: 20 }), { pageSize: 10 });
    await store.load();
    const more = store.loadMore();
    await settle(0);
    expect(store.$loadingMore.get()).to.equal(true);
    await more;
    expect(store.$loadingMore.get()).to.equal(false);
  });

  it('loads a 2,500-comment thread completely in the background, yielding between pages', async () => {
    w = world('load-all', { seed: (thread) => seedThread({ thread, count: 2500 }) });
    const store = w.store(w.adapter(member), { pageSize: 20 });
    await store.load();
    expect(ids(store).length).to.be.below(200);

    // A task queued now runs while pages are still coming in: the main thread is not held.
    let ranBeforeDone = false;
    let done = false;
    setTimeout(() => (ranBeforeDone = !done), 0);
    const complete = await store.loadAll().finally(() => (done = true));

    expect(complete).to.equal(true);
    expect(ranBeforeDone).to.equal(true);
    expect(store.$hasMore.get()).to.equal(false);
    const all = ids(store);
    expect(all).to.have.length(2500);
    expect(new Set(all).size).to.equal(2500);
    // Every body ends with its number: the very first and the very last comment are in.
    const bodies = store.$items.get().map((entry) => entry.comment.body);
    expect(bodies.some((body) => body.endsWith('#1'))).to.equal(true);
    expect(bodies.some((body) => body.endsWith('#2500'))).to.equal(true);
  });

  it('holds all of a 10,000-comment thread and applies a live change in place in milliseconds', async function () {
    this.timeout(30_000);
    w = world('ten-thousand', { seed: (thread) => seedThread({ thread, count: 10_000 }) });
    // No task holds the main thread for 50 ms or more while the rest comes in: the better of two
    // stores, so a pause of the machine's own does not count, while a regression shows in both.
    let store = w.store(w.adapter(member));
    let longest = Infinity;
    for (let attempt = 0; attempt < 2 && longest >= 50; attempt++) {
      if (attempt > 0) store = w.store(w.adapter(member));
      await store.load();
      const stalls = watchMainThread();
      await store.loadAll();
      longest = Math.min(longest, stalls.stop());
    }
    expect(ids(store)).to.have.length(10_000);
    expect(longest).to.be.below(50);

    const before = store.$items.get();
    const target = before[7_500]!.comment.id;
    const started = performance.now();
    await w.adapter(ada).react!(target, '🎉', true);
    await until(() => store.$items.get()[7_500]!.comment.reactions.some((reaction) => reaction.key === '🎉'), 5000);
    expect(performance.now() - started).to.be.below(50);
    const after = store.$items.get();
    expect(after[7_499]).to.equal(before[7_499]);
    expect(after[7_501]).to.equal(before[7_501]);
  });

  it('stops loadAll when its signal aborts', async () => {
    w = world('load-all-abort', { seed: (thread) => seedThread({ thread, count: 400, replyRatio: 0 }) });
    const store = w.store(w.adapter(member, { latency: 5 }), { pageSize: 10 });
    await store.load();
    const controller = new AbortController();
    const loading = store.loadAll({ signal: controller.signal });
    await until(() => ids(store).length > 10);
    controller.abort();
    expect(await loading).to.equal(false);
    const loaded = ids(store).length;
    await settle(50);
    expect(ids(store).length).to.equal(loaded);
    expect(store.$hasMore.get()).to.equal(true);
  });

  it('carries on loading everything after a sort change', async () => {
    w = world('load-all-sort', { seed: (thread) => seedThread({ thread, count: 300, replyRatio: 0 }) });
    const store = w.store(w.adapter(member, { latency: 2 }), { pageSize: 10 });
    await store.load();
    const loading = store.loadAll();
    await until(() => ids(store).length > 100);
    void store.setSort('oldest');
    expect(await loading).to.equal(true);
    expect(store.$sort.get()).to.equal('oldest');
    expect(ids(store)).to.have.length(300);
  });

  it('reveals a reply deep in a long thread without paging through it', async () => {
    w = world('reveal', { seed: (thread) => seedThread({ thread, count: 2000, replyRatio: 0.6 }) });
    const reader = w.adapter(member);
    // The oldest replies sit on the last pages of `newest`; find one with a parent chain.
    let target: string | undefined;
    for (let n = 2; n < 200 && !target; n++) {
      const comment = await reader.getComment!(`${w.thread}-${n}`);
      if (comment && comment.depth >= 2) target = comment.id;
    }
    expect(target, 'the seed has a reply two levels deep among its oldest comments').to.be.a('string');

    const store = w.store(reader, { pageSize: 10 });
    await store.load();
    expect(ids(store)).not.to.include(target);
    const pagesBefore = w.calls.filter((call) => call === 'listComments').length;

    const entry = await store.reveal(target!);
    expect(entry?.comment.id).to.equal(target);
    expect(w.calls.filter((call) => call === 'listComments').length).to.equal(pagesBefore, 'no pages were fetched');
    // It hangs under its ancestors, which came with it.
    const items = store.$items.get();
    const index = items.findIndex((item) => item.comment.id === target);
    let parentId = items[index]!.comment.parentId;
    while (parentId) {
      const parentIndex = items.findIndex((item) => item.comment.id === parentId);
      expect(parentIndex).to.be.within(0, index - 1);
      parentId = items[parentIndex]!.comment.parentId;
    }
    // Loading the rest later does not repeat what reveal placed.
    await store.loadAll();
    const all = ids(store);
    expect(new Set(all).size).to.equal(all.length);
    expect(all).to.have.length(2000);
  });

  it('reveals nothing for a comment that does not exist or that the viewer may not see', async () => {
    w = world('reveal-missing', {
      comments: [seedComment('a', 1), seedComment('waiting', 2, { status: 'pending', author: kees.id })],
    });
    const store = w.store(w.adapter(ada));
    await store.load();
    expect(await store.reveal('nope')).to.equal(null);
    expect(await store.reveal('waiting')).to.equal(null);
    expect(ids(store)).to.deep.equal(['a']);
  });

  it('reloads in the new order when the sort changes', async () => {
    w = world('sort', {
      comments: [seedComment('one', 1), seedComment('two', 2), seedComment('three', 3, { reactions: { '👍': 4 } })],
    });
    const store = w.store(w.adapter(member), { sort: 'newest' });
    await store.load();
    expect(ids(store)).to.deep.equal(['three', 'two', 'one']);
    await store.setSort('oldest');
    expect(store.$sort.get()).to.equal('oldest');
    expect(ids(store)).to.deep.equal(['one', 'two', 'three']);
    await store.setSort('top');
    expect(ids(store)[0]).to.equal('three');
    expect(w.calls.filter((call) => call === 'listComments')).to.have.length(3);
    await store.setSort('top');
    expect(w.calls.filter((call) => call === 'listComments')).to.have.length(3, 'the same sort again fetches nothing');
  });

  it('reports a failed load in $status and $error, and loads again on request', async () => {
    w = world('load-error', { comments: [seedComment('a', 1)] });
    const { AdapterError } = await import('../../../src/adapters/errors.js');
    w.failures.set('listComments', new AdapterError('unavailable', 'down'));
    const store = w.store(w.adapter(member));
    await store.load();
    expect(store.$status.get()).to.equal('error');
    expect(store.$error.get()?.code).to.equal('unavailable');
    w.failures.clear();
    await store.load();
    expect(store.$status.get()).to.equal('ready');
    expect(store.$error.get()).to.equal(null);
    expect(ids(store)).to.deep.equal(['a']);
  });

  it('loads by itself when a component starts listening', async () => {
    w = world('mount', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    const stop = store.$items.listen(() => {});
    await until(() => store.$status.get() === 'ready');
    expect(ids(store)).to.deep.equal(['a']);
    stop();
  });

  it('stops listening and drops answers to reads in flight once disposed', async () => {
    w = world('dispose', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member, { latency: 30 }));
    const loading = store.load();
    store.dispose();
    await loading;
    expect(store.$items.get()).to.deep.equal([]);
    expect(store.$status.get()).to.equal('loading');

    const other = w.store(w.adapter(member));
    await other.load();
    other.dispose();
    await w.adapter(ada).postComment!({ thread: w.thread, body: 'After dispose' });
    await settle();
    expect(other.$incoming.get()).to.equal(0);
  });

  it('gives the moderator pending and hidden comments, marked as such', async () => {
    w = world('moderator-view', {
      comments: [
        seedComment('a', 1),
        seedComment('waiting', 2, { status: 'pending', author: kees.id }),
        seedComment('gone', 3, { status: 'hidden', author: kees.id }),
      ],
    });
    const store = w.store(w.adapter(moderator), { sort: 'oldest' });
    await store.load();
    expect(store.$items.get().map((entry) => [entry.comment.id, entry.comment.status])).to.deep.equal([
      ['a', 'published'],
      ['waiting', 'pending'],
      ['gone', 'hidden'],
    ]);
  });
});
