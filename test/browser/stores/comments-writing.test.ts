import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { LIMITS } from '../../../src/domain/limits.js';
import { ada, ids, kees, member, moderator, rejection, seedComment, settle, until, world, type World } from './comments-helpers.js';

describe('comments store: writing', () => {
  let w: World;
  afterEach(() => w.dispose());

  it('shows a post at once as sending, then as the backend stored it, in the same place', async () => {
    w = world('post', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member, { latency: 20 }), { sort: 'newest' });
    await store.load();
    const posting = store.post({ body: 'Hello *there*', localId: 'mine-1' });

    const [sending] = store.$items.get();
    expect(sending?.local).to.equal('sending');
    expect(sending?.localId).to.equal('mine-1');
    expect(sending?.key).to.equal('mine-1');
    expect(sending?.comment.body).to.equal('Hello *there*');
    expect(sending?.comment.author.id).to.equal(member.id);

    const stored = await posting;
    const [confirmed] = store.$items.get();
    expect(confirmed?.local).to.equal(undefined);
    expect(confirmed?.error).to.equal(undefined);
    expect(confirmed?.key).to.equal('mine-1', 'the key stays, so the rendered element and its focus stay');
    expect(confirmed?.comment).to.deep.equal(stored);
    expect(stored.id).not.to.equal('mine-1');
    expect(ids(store)).to.deep.equal([stored.id, 'a']);
    await until(() => store.$thread.get()?.commentCount === 2);
  });

  it('puts a reply under its parent with the parent named, and counts it', async () => {
    w = world('reply', { comments: [seedComment('a', 1), seedComment('b', 2)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const posting = store.post({ body: 'Agreed', parentId: 'a' });
    const local = store.$items.get()[1];
    expect(local?.comment.parentId).to.equal('a');
    expect(local?.comment.depth).to.equal(1);
    expect(local?.comment.replyTo).to.deep.equal({ id: ada.id, name: ada.name });
    expect(store.$items.get()[0]?.comment.replyCount).to.equal(1);
    const reply = await posting;
    expect(ids(store)).to.deep.equal(['a', reply.id, 'b']);
    expect(store.$items.get()[0]?.comment.replyCount).to.equal(1);
  });

  it('rolls back a post the backend refuses as invalid, keeping its text in the draft', async () => {
    w = world('invalid', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    const body = 'x'.repeat(LIMITS.commentBody.max + 1);
    const error = await rejection(store.post({ body }));
    expect(error).to.be.instanceOf(AdapterError);
    expect(error.code).to.equal('invalid');
    expect(error.fields.body?.reason).to.equal('too-long');
    expect(ids(store)).to.deep.equal(['a']);
    expect(store.drafts.get('root')).to.equal(body);
    expect(store.$lastError.get()).to.deep.include({ action: 'post' });
  });

  it('rolls back a post the backend refuses as forbidden (a locked thread)', async () => {
    w = world('forbidden', { thread: { locked: true }, comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    expect(store.can('comment.post').allowed).to.equal(false);
    const error = await rejection(store.post({ body: 'Let me in', parentId: 'a' }));
    expect(error.code).to.equal('forbidden');
    expect(ids(store)).to.deep.equal(['a']);
    expect(store.drafts.get('reply:a')).to.equal('Let me in');
  });

  it('keeps a post that failed offline, with its text, and sends it on retry', async () => {
    w = world('offline', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    w.failures.set('postComment', new AdapterError('network', 'Failed to fetch'));

    const error = await rejection(store.post({ body: 'Sent from the train', localId: 'train' }));
    expect(error.code).to.equal('network');
    const failed = store.$items.get()[1];
    expect(failed?.local).to.equal('failed');
    expect(failed?.error?.code).to.equal('network');
    expect(failed?.comment.body).to.equal('Sent from the train');
    expect(store.drafts.get('root')).to.equal('Sent from the train');

    w.failures.clear();
    const stored = await store.retry('train');
    expect(store.$items.get()[1]).to.deep.equal({ key: 'train', comment: stored });
    expect(store.drafts.get('root')).to.equal('');
    // Exactly one comment reached the backend.
    const fresh = w.store(w.adapter(ada), { sort: 'oldest' });
    await fresh.load();
    expect(fresh.$items.get().map((entry) => entry.comment.body)).to.deep.equal(['Comment a', 'Sent from the train']);
  });

  it('sends every post that failed offline when retryAll runs, oldest first', async () => {
    w = world('retry-all', { comments: [] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(store.post({ body: 'First' }));
    await rejection(store.post({ body: 'Second', localId: 'second' }));
    expect(store.$items.get().map((entry) => entry.local)).to.deep.equal(['failed', 'failed']);

    // Still offline: nothing is lost and the store stops after the first failure.
    const before = w.calls.filter((call) => call === 'postComment').length;
    await store.retryAll();
    expect(w.calls.filter((call) => call === 'postComment').length - before).to.equal(1);

    w.failures.clear();
    await store.retryAll();
    const entries = store.$items.get();
    expect(entries.map((entry) => entry.local)).to.deep.equal([undefined, undefined]);
    expect(entries.map((entry) => entry.comment.body)).to.deep.equal(['First', 'Second']);
    expect(Date.parse(entries[0]!.comment.createdAt)).to.be.at.most(Date.parse(entries[1]!.comment.createdAt));
  });

  it('tells when posting is allowed again after a rate limit', async () => {
    w = world('rate', { comments: [] });
    const now = Date.parse('2026-03-01T12:00:00.000Z');
    const store = w.store(w.adapter(member), { now: () => now });
    await store.load();
    w.failures.set('postComment', new AdapterError('rate-limited', 'Slow down', { retryAfter: 12 }));
    const error = await rejection(store.post({ body: 'Again', localId: 'again' }));
    expect(error.code).to.equal('rate-limited');
    expect(error.retryAfter).to.equal(12);
    expect(store.$postBlockedUntil.get()).to.equal(now + 12_000);
    expect(store.$items.get()[0]).to.deep.include({ local: 'failed', localId: 'again' });

    w.failures.clear();
    await store.retry('again');
    expect(store.$postBlockedUntil.get()).to.equal(null);
  });

  it('drops a failed post on discard, with its draft', async () => {
    w = world('discard', { comments: [] });
    const store = w.store(w.adapter(member));
    await store.load();
    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(store.post({ body: 'Never mind', localId: 'nm' }));
    store.discard('nm');
    expect(store.$items.get()).to.deep.equal([]);
    expect(store.drafts.get('root')).to.equal('');
    expect(await rejection(store.retry('nm'))).to.have.property('code', 'not-found');
  });

  it('posts as a guest under a name where the thread takes guests', async () => {
    w = world('guest', { thread: { guests: true }, comments: [] });
    const store = w.store(w.adapter(null));
    await store.load();
    expect(store.$viewer.get()).to.equal(null);
    const counts: number[] = [];
    const stop = store.$incoming.listen((count) => counts.push(count));
    const posting = store.post({ body: 'Hi from a guest', guestName: 'Grace' });
    expect(store.$items.get()[0]?.comment.author).to.deep.include({ name: 'Grace', guest: true });
    const stored = await posting;
    expect(stored.author.name).to.equal('Grace');
    await until(() => store.$viewer.get()?.name === 'Grace');
    expect(store.can('comment.edit', stored).allowed).to.equal(true);
    expect(ids(store)).to.deep.equal([stored.id]);
    expect(counts).to.deep.equal([], 'the echo of their own post never counted as new');
    stop();
  });

  it("signs a guest out: anonymous again, with the adapter's guest session gone; a failure leaves the guest as they were", async () => {
    w = world('guest-sign-out', { thread: { guests: true }, comments: [] });
    const adapter = w.adapter(null);
    const store = w.store(adapter);
    await store.load();
    await store.post({ body: 'Hi from a guest', guestName: 'Grace' });
    await until(() => store.$viewer.get()?.name === 'Grace');

    w.failures.set('signOut', new AdapterError('network', 'offline'));
    const error = await rejection(store.signOut());
    expect(error.code).to.equal('network');
    expect(store.$lastError.get()).to.deep.include({ action: 'sign-out' });
    expect(store.$viewer.get()?.name).to.equal('Grace');

    w.failures.delete('signOut');
    await store.signOut();
    expect(store.$viewer.get()).to.equal(null);
    expect(await adapter.getViewer()).to.equal(null);
    expect(store.can('comment.post')).to.deep.equal({ allowed: false, reason: 'sign-in-required' });
  });

  it('edits at once and keeps the backend version; the edit draft clears after it is confirmed', async () => {
    w = world('edit', { comments: [] });
    const store = w.store(w.adapter(member, { latency: 20 }));
    await store.load();
    const mine = await store.post({ body: 'Frist' });
    const editing = store.edit(mine.id, 'First');
    expect(store.$items.get()[0]?.comment.body).to.equal('First');
    expect(store.$items.get()[0]?.comment.editedAt).to.be.a('string');
    expect(store.drafts.get(`edit:${mine.id}`)).to.equal('First');
    const edited = await editing;
    expect(store.$items.get()[0]?.comment).to.deep.equal(edited);
    expect(store.drafts.get(`edit:${mine.id}`)).to.equal('');
  });

  it("rolls back a refused edit of someone else's comment", async () => {
    w = world('edit-refused', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    expect(store.can('comment.edit', store.$items.get()[0]!.comment)).to.deep.equal({ allowed: false, reason: 'not-owner' });
    const error = await rejection(store.edit('a', 'Mine now'));
    expect(error.code).to.equal('forbidden');
    expect(store.$items.get()[0]?.comment.body).to.equal('Comment a');
    expect(store.$items.get()[0]?.comment.editedAt).to.equal(null);
    expect(store.drafts.get('edit:a')).to.equal('Mine now', 'what was typed is kept');
  });

  it('rolls back a refused edit although a live reaction changed the comment meanwhile, keeping the reaction', async () => {
    w = world('edit-during-reaction', { comments: [] });
    const store = w.store(w.adapter(member, { latency: 40 }));
    await store.load();
    const mine = await store.post({ body: 'Original' });
    w.failures.set('editComment', new AdapterError('network', 'offline'));
    const editing = store.edit(mine.id, 'Changed');
    await w.adapter(ada).react!(mine.id, '❤️', true);
    await until(() => store.$items.get()[0]!.comment.reactions.length === 1);
    expect(store.$items.get()[0]?.comment.body).to.equal('Changed');
    expect((await rejection(editing)).code).to.equal('network');
    const comment = store.$items.get()[0]!.comment;
    expect(comment.body).to.equal('Original');
    expect(comment.editedAt).to.equal(null);
    expect(comment.reactions).to.deep.equal([{ key: '❤️', count: 1, mine: false }]);
  });

  it('judges the edit window by the injected clock', async () => {
    w = world('window', { comments: [] });
    let now = Date.now();
    const store = w.store(w.adapter(member), { now: () => now });
    await store.load();
    const mine = await store.post({ body: 'Quick' });
    expect(store.can('comment.edit', mine).allowed).to.equal(true);
    now += LIMITS.editWindowMs + 1000;
    expect(store.can('comment.edit', mine)).to.deep.equal({ allowed: false, reason: 'edit-window-passed' });
  });

  it('deletes at once: without replies the comment goes, with replies it stays as a placeholder', async () => {
    w = world('delete', { comments: [] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const lonely = await store.post({ body: 'Lonely' });
    const parent = await store.post({ body: 'Parent' });
    const other = w.adapter(ada);
    const reply = await other.postComment!({ thread: w.thread, body: 'Reply', parentId: parent.id });
    await until(() => store.$incoming.get() === 1);
    store.showIncoming();

    await store.remove(lonely.id);
    expect(ids(store)).to.deep.equal([parent.id, reply.id]);
    await store.remove(parent.id);
    const placeholder = store.$items.get()[0]!.comment;
    expect(placeholder).to.deep.include({ id: parent.id, deleted: true, body: '' });
    expect(placeholder.author).to.deep.equal({ id: '', name: '' });
    expect(ids(store)).to.deep.equal([parent.id, reply.id]);
  });

  it('puts a comment back where it was when the delete is refused', async () => {
    w = world('delete-refused', { comments: [seedComment('a', 1), seedComment('b', 2), seedComment('c', 3)] });
    const store = w.store(w.adapter(member), { sort: 'oldest' });
    await store.load();
    const error = await rejection(store.remove('b'));
    expect(error.code).to.equal('forbidden');
    expect(ids(store)).to.deep.equal(['a', 'b', 'c']);
    expect(store.$items.get()[1]?.comment.body).to.equal('Comment b');
  });

  it('toggles a reaction at once and rolls it back when refused', async () => {
    w = world('react', { comments: [seedComment('a', 1, { reactions: { '👍': 2 } })] });
    const store = w.store(w.adapter(member, { latency: 20 }));
    await store.load();
    const reacting = store.react('a', '❤️', true);
    expect(store.$items.get()[0]?.comment.reactions).to.deep.equal([
      { key: '👍', count: 2, mine: false },
      { key: '❤️', count: 1, mine: true },
    ]);
    expect(await reacting).to.deep.equal([
      { key: '👍', count: 2, mine: false },
      { key: '❤️', count: 1, mine: true },
    ]);

    w.failures.set('react', new AdapterError('network', 'offline'));
    const refused = store.react('a', '👍', true);
    expect(store.$items.get()[0]?.comment.reactions[0]).to.deep.equal({ key: '👍', count: 3, mine: true });
    expect((await rejection(refused)).code).to.equal('network');
    expect(store.$items.get()[0]?.comment.reactions[0]).to.deep.equal({ key: '👍', count: 2, mine: false });
    expect(store.$lastError.get()).to.deep.include({ action: 'react', target: 'a' });
    store.dismissError();
    expect(store.$lastError.get()).to.equal(null);
  });

  it('reports a comment, and passes a refusal on', async () => {
    w = world('report', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    await store.report('a', { reason: 'spam' });
    expect(w.calls).to.include('report');
    const own = await store.post({ body: 'Mine' });
    expect(store.can('comment.report', own)).to.deep.equal({ allowed: false, reason: 'own-content' });
    const error = await rejection(store.report(own.id, { reason: 'spam' }));
    expect(['forbidden', 'conflict', 'invalid']).to.include(error.code);
  });

  it('lets a moderator pin (the comment moves first), hide, approve and lock, and rolls back a failure', async () => {
    w = world('moderate', {
      comments: [seedComment('a', 1), seedComment('b', 2), seedComment('waiting', 3, { status: 'pending', author: kees.id })],
    });
    const store = w.store(w.adapter(moderator), { sort: 'oldest' });
    await store.load();
    expect(store.can('moderation.pin').allowed).to.equal(true);

    await store.moderate('b', 'pin');
    expect(ids(store)).to.deep.equal(['b', 'a', 'waiting']);
    await store.moderate('b', 'unpin');
    expect(ids(store)).to.deep.equal(['a', 'b', 'waiting']);
    await store.moderate('waiting', 'approve');
    expect(store.$items.get()[2]?.comment.status).to.equal('published');
    await store.moderate('a', 'hide');
    expect(store.$items.get()[0]?.comment.status).to.equal('hidden');

    w.failures.set('moderate', new AdapterError('unavailable', 'down'));
    const error = await rejection(store.moderate('b', 'pin'));
    expect(error.code).to.equal('unavailable');
    expect(ids(store)).to.deep.equal(['a', 'b', 'waiting']);
    expect(store.$items.get()[1]?.comment.pinned).to.equal(false);
    w.failures.clear();

    await store.setLocked(true);
    expect(store.$thread.get()?.locked).to.equal(true);
    const reader = w.store(w.adapter(member));
    await reader.load();
    expect(reader.$thread.get()?.locked).to.equal(true);
    expect(reader.can('comment.post')).to.deep.equal({ allowed: false, reason: 'locked' });
  });

  it('refuses moderation to a member and leaves the comment as it was', async () => {
    w = world('moderate-refused', { comments: [seedComment('a', 1)] });
    const store = w.store(w.adapter(member));
    await store.load();
    expect(store.can('moderation.hide')).to.deep.equal({ allowed: false, reason: 'moderators-only' });
    const error = await rejection(store.moderate('a', 'hide'));
    expect(error.code).to.equal('forbidden');
    expect(store.$items.get()[0]?.comment.status).to.equal('published');
    const lock = await rejection(store.setLocked(true));
    expect(lock.code).to.equal('forbidden');
    expect(store.$thread.get()?.locked).to.equal(false);
    await settle();
  });
});
