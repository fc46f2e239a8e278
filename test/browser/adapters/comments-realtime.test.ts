import { expect } from '@open-wc/testing';
import { topics, type RealtimeEvent, type Viewer } from '../../../src/adapter.js';
import { createMemoryAdapter, demoViewers, type MemoryAdapter, type MemorySeed } from '../../../src/memory.js';
import { collect, settle, uniqueNamespace, until } from './memory-helpers.js';

const member = demoViewers.member;
const otherMember: Viewer = { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] };
const moderator = demoViewers.moderator;
const topic = topics.thread('t');

/** What an event says happened, compactly: "added:<id>", "updated:<id>", "deleted:<id>". */
const summary = (events: RealtimeEvent[]) =>
  events.map((event) =>
    event.type === 'comment-added'
      ? `added:${event.comment.id}`
      : event.type === 'comment-updated'
        ? `updated:${event.comment.id}`
        : event.type === 'comment-deleted'
          ? `deleted:${event.id}`
          : event.type,
  );

describe('memory adapter: comment events per viewer', () => {
  let made: MemoryAdapter[] = [];
  let namespace = '';
  const open = (viewer: Viewer | null, seed: MemorySeed = { threads: [{ id: 't', premoderated: true }] }) => {
    const adapter = createMemoryAdapter({ namespace, viewer, seed });
    made.push(adapter);
    return adapter;
  };
  beforeEach(() => {
    namespace = uniqueNamespace('comment-events');
  });
  afterEach(() => {
    made.forEach((adapter) => adapter.dispose());
    made = [];
  });

  it('tells others a hidden comment is gone once, without a separate event for each reply', async () => {
    const parent = await open(member).postComment({ thread: 'other', body: 'Rude' });
    await open(otherMember).postComment({ thread: 'other', body: 'Reply', parentId: parent.id });
    const reader = collect(open(otherMember), topics.thread('other'));
    const moderatorEvents = collect(open(moderator), topics.thread('other'));
    await open(moderator).moderate({ kind: 'comment', id: parent.id }, 'hide');
    await until(() => reader.length > 0 && moderatorEvents.length > 0);
    await settle();
    expect(summary(reader)).to.deep.equal([`deleted:${parent.id}`]);
    expect(summary(moderatorEvents)).to.deep.equal([`updated:${parent.id}`]);
  });

  it('tells others about an approved comment and the replies under it, parent first', async () => {
    const parent = await open(member).postComment({ thread: 't', body: 'Waiting' });
    const reply = await open(moderator).postComment({ thread: 't', body: 'Answer', parentId: parent.id });
    const reader = collect(open(otherMember), topic);
    const author = collect(open(member), topic);
    await open(moderator).moderate({ kind: 'comment', id: parent.id }, 'approve');
    await until(() => reader.length >= 2 && author.length >= 1);
    await settle();
    expect(summary(reader)).to.deep.equal([`added:${parent.id}`, `added:${reply.id}`]);
    expect(summary(author)).to.deep.equal([`updated:${parent.id}`]);
  });

  it('says nothing to others when a pending comment is deleted by its author', async () => {
    const author = open(member);
    const pending = await author.postComment({ thread: 't', body: 'Never mind' });
    const reader = collect(open(otherMember), topic);
    const moderatorEvents = collect(open(moderator), topic);
    await author.deleteComment(pending.id);
    await until(() => moderatorEvents.length > 0);
    await settle();
    expect(summary(moderatorEvents)).to.deep.equal([`deleted:${pending.id}`]);
    expect(reader).to.deep.equal([]);
  });

  it('turns a deleted comment with replies into a placeholder, and removes it with its last reply', async () => {
    const seed = {};
    const author = open(member, seed);
    const replier = open(otherMember, seed);
    const parent = await author.postComment({ thread: 'x', body: 'Parent' });
    const reply = await replier.postComment({ thread: 'x', body: 'Reply', parentId: parent.id });
    const reader = collect(open(null, seed), topics.thread('x'));
    await author.deleteComment(parent.id);
    await until(() => reader.length > 0);
    const placeholder = reader[0]!;
    expect(placeholder.type).to.equal('comment-updated');
    if (placeholder.type === 'comment-updated') expect(placeholder.comment).to.include({ deleted: true, body: '' });
    await replier.deleteComment(reply.id);
    await until(() => reader.length > 1);
    await settle();
    expect(summary(reader.slice(1))).to.deep.equal([`deleted:${parent.id}`]);
  });

  it('shapes reactions-changed for each viewer: the count for all, mine for the one who reacted', async () => {
    const seed = {};
    const posted = await open(member, seed).postComment({ thread: 'x', body: 'React' });
    const reactor = open(otherMember, seed);
    const mine = collect(reactor, topics.thread('x'));
    const theirs = collect(open(member, seed), topics.thread('x'));
    await reactor.react(posted.id, '❤️', true);
    await until(() => mine.length > 0 && theirs.length > 0);
    expect(mine[0]).to.deep.equal({ type: 'reactions-changed', commentId: posted.id, reactions: [{ key: '❤️', count: 1, mine: true }] });
    expect(theirs[0]).to.deep.equal({ type: 'reactions-changed', commentId: posted.id, reactions: [{ key: '❤️', count: 1, mine: false }] });
  });

  it('sends thread-updated with each viewer’s own comment count when a thread is locked', async () => {
    await open(member).postComment({ thread: 't', body: 'Pending' });
    const authorEvents = collect(open(member), topic);
    const readerEvents = collect(open(null), topic);
    await open(moderator).lock({ kind: 'thread', id: 't' }, true);
    await until(() => authorEvents.length > 0 && readerEvents.length > 0);
    const counts = [authorEvents[0], readerEvents[0]].map((event) => (event?.type === 'thread-updated' ? [event.thread.locked, event.thread.commentCount] : null));
    expect(counts).to.deep.equal([
      [true, 1],
      [true, 0],
    ]);
  });

  it('tells moderators only that the moderation queue changed', async () => {
    const moderatorEvents = collect(open(moderator), topics.moderation());
    const memberEvents = collect(open(otherMember), topics.moderation());
    await open(member).postComment({ thread: 't', body: 'For the queue' });
    await until(() => moderatorEvents.length > 0);
    await settle();
    expect(moderatorEvents[0]?.type).to.equal('moderation-queue-changed');
    expect(memberEvents).to.deep.equal([]);
  });

  it('starts a guest session when a visitor posts under a name, telling the session subscribers', async () => {
    const visitor = open(null, { threads: [{ id: 'g', guests: true }] });
    const events = collect(visitor, topics.session());
    const posted = await visitor.postComment({ thread: 'g', body: 'Hello', guestName: '  Gus   Guest ' });
    expect(posted.author).to.include({ name: 'Gus Guest', guest: true });
    await until(() => events.length > 0);
    expect(events[0]).to.deep.include({ type: 'viewer-changed' });
    expect((await visitor.getViewer())?.id).to.equal(posted.author.id);
  });
});
