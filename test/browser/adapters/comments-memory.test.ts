import { expect } from '@open-wc/testing';
import { AdapterError, type Comment, type Viewer } from '../../../src/adapter.js';
import { createMemoryAdapter, demoViewers, type MemoryAdapter, type MemorySeed } from '../../../src/memory.js';
import { clearTestStorage, uniqueNamespace } from './memory-helpers.js';

const member = demoViewers.member;
const otherMember: Viewer = { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] };
const moderator = demoViewers.moderator;
const admin = demoViewers.admin;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Adapters on one fresh namespace, all disposed after each test. */
function site(seed: MemorySeed = {}, persist = false) {
  const namespace = uniqueNamespace('comments');
  const made: MemoryAdapter[] = [];
  const open = (viewer: Viewer | null) => {
    const adapter = createMemoryAdapter({ namespace, viewer, seed, persist });
    made.push(adapter);
    return adapter;
  };
  return { namespace, open, dispose: () => made.forEach((adapter) => adapter.dispose()) };
}

async function refusal(work: Promise<unknown>): Promise<AdapterError> {
  try {
    await work;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const ids = (items: Comment[]) => items.map((item) => item.id);

describe('memory adapter: comments', () => {
  let current: ReturnType<typeof site> | undefined;
  const use = (seed?: MemorySeed, persist?: boolean) => (current = site(seed, persist));
  afterEach(() => current?.dispose());
  after(clearTestStorage);

  it('declares comments, reactions, reports and moderation', () => {
    const { supports } = use().open(null);
    expect(supports).to.include({ comments: true, reactions: true, reports: true, moderation: true });
  });

  describe('the demo thread', () => {
    it('shows visitors the conversation without the pending comment, the deleted one as a placeholder', async () => {
      const adapter = createMemoryAdapter({ namespace: uniqueNamespace('demo') });
      try {
        const { items } = await adapter.listComments({ thread: 'welcome', withReplies: true, limit: 50 });
        expect(items[0]?.id, 'pinned first').to.equal('welcome-1');
        expect(ids(items)).to.not.include('welcome-8');
        const placeholder = items.find((item) => item.id === 'welcome-6')!;
        expect(placeholder).to.include({ deleted: true, body: '', replyCount: 1 });
        expect(placeholder.author.name).to.equal('');
        const thread = await adapter.getThread('welcome');
        expect(thread).to.include({ guests: true, ownerId: 'demo-sam', commentCount: 7 });
      } finally {
        adapter.dispose();
      }
    });

    it('shows the pending comment to the demo moderator, and lets the demo member still edit their last comment', async () => {
      const namespace = uniqueNamespace('demo');
      const moderatorAdapter = createMemoryAdapter({ namespace, viewer: moderator });
      const memberAdapter = createMemoryAdapter({ namespace, viewer: member });
      try {
        expect((await moderatorAdapter.getComment('welcome-8'))?.status).to.equal('pending');
        const edited = await memberAdapter.editComment('welcome-9', { body: 'Edited in the demo.' });
        expect(edited.editedAt).to.be.a('string');
      } finally {
        moderatorAdapter.dispose();
        memberAdapter.dispose();
      }
    });
  });

  describe('the rules', () => {
    it('refuses an edit after the edit window, but lets an admin edit', async () => {
      const { open } = use({
        comments: [{ id: 'old', thread: 't', author: member.id, body: 'Long ago.', createdAt: minutesAgo(16) }],
        people: [member],
      });
      const error = await refusal(open(member).editComment('old', { body: 'Too late?' }));
      expect(error.code).to.equal('forbidden');
      expect((await open(admin).editComment('old', { body: 'Fixed by an admin.' })).body).to.equal('Fixed by an admin.');
    });

    it('follows the site’s own edit window', async () => {
      const { open } = use({
        comments: [{ id: 'old', thread: 't', author: member.id, body: 'Long ago.', createdAt: minutesAgo(16) }],
        commentRules: { editWindowMs: 60 * 60_000 },
      });
      expect((await open(member).editComment('old', { body: 'Still in time.' })).body).to.equal('Still in time.');
    });

    it('refuses more links than the limit with too-many-links on fields.body', async () => {
      const { open } = use({ commentRules: { maxLinks: 1 } });
      const error = await refusal(open(member).postComment({ thread: 't', body: 'https://a.example and https://b.example' }));
      expect(error.code).to.equal('invalid');
      expect(error.fields.body?.reason).to.equal('too-many-links');
    });

    it('holds or rejects banned words as the site says', async () => {
      const held = use({ commentRules: { bannedWords: { words: ['casino'], action: 'pending' } } });
      expect((await held.open(member).postComment({ thread: 't', body: 'Visit my casino' })).status).to.equal('pending');
      expect((await held.open(moderator).postComment({ thread: 't', body: 'No casino links, please' })).status).to.equal('published');
      held.dispose();
      const rejected = use({ commentRules: { bannedWords: { words: ['casino'], action: 'reject' } } });
      const error = await refusal(rejected.open(member).postComment({ thread: 't', body: 'Visit my CASINO' }));
      expect(error.fields.body?.reason).to.equal('banned-words');
    });

    it('sends a published comment back to the queue when an edit adds a held word', async () => {
      const { open } = use({ commentRules: { bannedWords: { words: ['casino'], action: 'pending' } } });
      const author = open(member);
      const posted = await author.postComment({ thread: 't', body: 'Nice article' });
      expect((await author.editComment(posted.id, { body: 'Nice casino' })).status).to.equal('pending');
      expect(await open(otherMember).getComment(posted.id)).to.equal(null);
    });

    it('pre-moderates every thread when the site says so', async () => {
      const { open } = use({ commentRules: { premoderated: true } });
      expect((await open(null).getThread('any'))?.premoderated).to.equal(true);
      expect((await open(member).postComment({ thread: 'any', body: 'Hi' })).status).to.equal('pending');
    });

    it('offers a thread’s own reactions and refuses others', async () => {
      const { open } = use({ threads: [{ id: 't', reactions: ['+1', '-1'] }] });
      const posted = await open(member).postComment({ thread: 't', body: 'Vote' });
      expect((await open(null).getThread('t'))?.reactions).to.deep.equal(['+1', '-1']);
      expect(await open(otherMember).react(posted.id, '-1', true)).to.deep.equal([{ key: '-1', count: 1, mine: true }]);
      expect((await refusal(open(otherMember).react(posted.id, '👍', true))).fields.key?.reason).to.equal('unknown-choice');
    });

    it('refuses reactions and replies by members in a locked thread, not by moderators', async () => {
      const { open } = use({ threads: [{ id: 't', locked: true }] });
      const posted = await open(moderator).postComment({ thread: 't', body: 'Closed for comments.' });
      expect((await refusal(open(member).react(posted.id, '👍', true))).code).to.equal('forbidden');
      expect((await refusal(open(member).postComment({ thread: 't', body: 'Me too', parentId: posted.id }))).code).to.equal('forbidden');
      expect(await open(moderator).react(posted.id, '👍', true)).to.have.length(1);
    });

    it('refuses a reply to a deleted comment as a conflict and to an unknown one as not-found', async () => {
      const { open } = use();
      const author = open(member);
      const parent = await author.postComment({ thread: 't', body: 'Parent' });
      await author.postComment({ thread: 't', body: 'Child', parentId: parent.id });
      await author.deleteComment(parent.id);
      expect((await refusal(author.postComment({ thread: 't', body: 'Reply', parentId: parent.id }))).code).to.equal('conflict');
      expect((await refusal(author.postComment({ thread: 't', body: 'Reply', parentId: 'nope' }))).code).to.equal('not-found');
    });

    it('resolves a repeated delete of one’s own comment, as a retried request would send', async () => {
      const { open } = use();
      const author = open(member);
      const posted = await author.postComment({ thread: 't', body: 'Bye' });
      await author.deleteComment(posted.id);
      await author.deleteComment(posted.id);
      expect((await refusal(open(otherMember).deleteComment(posted.id))).code).to.equal('not-found');
    });

    it('pins top-level comments only', async () => {
      const { open } = use();
      const parent = await open(member).postComment({ thread: 't', body: 'Top' });
      const reply = await open(member).postComment({ thread: 't', body: 'Reply', parentId: parent.id });
      expect((await refusal(open(moderator).moderate({ kind: 'comment', id: reply.id }, 'pin'))).code).to.equal('conflict');
    });

    it('hides the replies of a hidden comment and brings them back when it is approved', async () => {
      const { open } = use();
      const parent = await open(member).postComment({ thread: 't', body: 'Rude' });
      const reply = await open(otherMember).postComment({ thread: 't', body: 'Agreed', parentId: parent.id });
      await open(moderator).moderate({ kind: 'comment', id: parent.id }, 'hide');
      const reader = open(null);
      expect(await reader.getComment(reply.id)).to.equal(null);
      expect((await reader.getThread('t'))?.commentCount).to.equal(0);
      await open(moderator).moderate({ kind: 'comment', id: parent.id }, 'approve');
      expect(ids((await reader.listComments({ thread: 't', withReplies: true })).items)).to.deep.equal([parent.id, reply.id]);
    });

    it('lets a guest session post where guests may, and refuses it elsewhere', async () => {
      const { open } = use({ threads: [{ id: 'open-to-guests', guests: true }] });
      const visitor = open(null);
      await visitor.signInAsGuest({ name: 'Gus' });
      expect((await visitor.postComment({ thread: 'open-to-guests', body: 'Hi' })).author).to.include({ name: 'Gus', guest: true });
      expect((await refusal(visitor.postComment({ thread: 'members-only', body: 'Hi' }))).code).to.equal('forbidden');
    });

    it('refuses a guest’s reaction as forbidden: reactions are for members', async () => {
      const { open } = use({ threads: [{ id: 'g', guests: true }] });
      const posted = await open(member).postComment({ thread: 'g', body: 'Hello' });
      const visitor = open(null);
      await visitor.postComment({ thread: 'g', body: 'Hi', guestName: 'Gus' });
      expect((await refusal(visitor.react(posted.id, '👍', true))).code).to.equal('forbidden');
    });
  });

  describe('listing', () => {
    it('refuses a cursor of another sort, and a malformed one, as invalid on fields.cursor', async () => {
      const { open } = use();
      const author = open(member);
      for (const body of ['1', '2', '3']) await author.postComment({ thread: 't', body });
      const { cursor } = await author.listComments({ thread: 't', sort: 'newest', limit: 1 });
      expect((await refusal(author.listComments({ thread: 't', sort: 'oldest', cursor }))).fields.cursor?.message).to.equal(
        'This cursor belongs to another list or sort.',
      );
      // Said as the reference server says it.
      expect((await refusal(author.listComments({ thread: 't', cursor: '%%%' }))).fields.cursor?.message).to.match(/not a cursor this backend made/);
    });

    it('refuses an unknown sort and a blank thread, and describes no thread for a blank id', async () => {
      const { open } = use();
      const reader = open(null);
      const sort = 'best' as 'top';
      expect((await refusal(reader.listComments({ thread: 't', sort }))).fields.sort).to.not.equal(undefined);
      expect((await refusal(reader.listComments({ thread: ' ' }))).fields.thread).to.not.equal(undefined);
      expect(await reader.getThread('')).to.equal(null);
    });

    it('lists nothing under a comment the viewer cannot see', async () => {
      const { open } = use({ threads: [{ id: 't', premoderated: true }] });
      const parent = await open(member).postComment({ thread: 't', body: 'Waiting' });
      await open(moderator).postComment({ thread: 't', body: 'Reply', parentId: parent.id });
      expect((await open(otherMember).listComments({ thread: 't', parentId: parent.id })).items).to.deep.equal([]);
      expect((await open(member).listComments({ thread: 't', parentId: parent.id })).items).to.have.length(1);
    });

    it('keeps comments posted in one millisecond in the order they were posted', async () => {
      const { open } = use();
      const author = open(member);
      const posted = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((body) => author.postComment({ thread: 't', body })));
      const { items } = await author.listComments({ thread: 't', sort: 'oldest' });
      expect(ids(items)).to.deep.equal(ids(posted));
    });

    it('orders top by reactions after a reaction changes it', async () => {
      const { open } = use();
      const [a, b] = [await open(member).postComment({ thread: 't', body: 'a' }), await open(member).postComment({ thread: 't', body: 'b' })];
      expect(ids((await open(null).listComments({ thread: 't', sort: 'top' })).items)).to.deep.equal([a.id, b.id]);
      await open(otherMember).react(b.id, '🎉', true);
      expect(ids((await open(null).listComments({ thread: 't', sort: 'top' })).items)).to.deep.equal([b.id, a.id]);
    });
  });

  describe('the moderation queue', () => {
    it('lists pending and reported comments oldest first, per thread, pages with a cursor, and empties as items are settled', async () => {
      const { open } = use({ threads: [{ id: 'held', premoderated: true }] });
      const waiting = await open(member).postComment({ thread: 'held', body: 'Please approve' });
      const reported = await open(member).postComment({ thread: 'open', body: 'Buy now' });
      await open(otherMember).report(reported.id, { reason: 'spam', note: '  Advertising  ' });
      await open(moderator).report(reported.id, { reason: 'off-topic' });
      await open(otherMember).report(reported.id, { reason: 'abuse' });
      const queue = open(moderator);
      const first = await queue.listModerationQueue({ limit: 1 });
      expect(first.items.map((item) => item.target.id)).to.deep.equal([waiting.id]);
      const second = await queue.listModerationQueue({ limit: 1, cursor: first.cursor });
      expect(second.items[0]?.target.id).to.equal(reported.id);
      expect(second.items[0]?.scope).to.equal('open');
      expect(second.items[0]?.reports.map((report) => report.reason), 'one open report per person, the latest').to.deep.equal(['off-topic', 'abuse']);
      expect(second.cursor).to.equal(null);
      expect((await queue.listModerationQueue({ scope: 'held' })).items).to.have.length(1);
      await queue.moderate({ kind: 'comment', id: waiting.id }, 'approve');
      await queue.moderate({ kind: 'comment', id: reported.id }, 'hide');
      expect((await queue.listModerationQueue({})).items).to.deep.equal([]);
    });

    it('shows a comment’s excerpt in the queue without its markup', async () => {
      const { open } = use({ threads: [{ id: 'held', premoderated: true }] });
      await open(member).postComment({ thread: 'held', body: '**Hello** [there](https://example.org)' });
      expect((await open(moderator).listModerationQueue({})).items[0]?.excerpt).to.equal('Hello there');
    });
  });
});
