import type { RealtimeEvent } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import { comments, ids, listed, listenToThread, moderation, post, postAll, refused } from '../comment-calls.js';
import type { KitTest } from '../harness.js';
import { personas } from '../personas.js';
import { kitThreads } from '../threads.js';
import type { Section } from './section.js';

const needs = { capabilities: ['comments', 'moderation'] } as const;
const premoderated = { thread: kitThreads.premoderated };

async function pendingComment(t: KitTest): Promise<string> {
  const posted = await post(await t.open(personas.member), 'Please approve me.', premoderated);
  check(
    posted.status === 'pending',
    `"${kitThreads.premoderated}" should pre-moderate (the factory sets it up from context.threads); the comment came back ${show(posted.status)}.`,
  );
  return posted.id;
}

export const moderationSection: Section = {
  title: 'comment moderation',
  register(suite) {
    suite.test('lists a pending comment in the moderation queue', needs, async (t) => {
      const id = await pendingComment(t);
      const queue = await moderation(await t.open(personas.moderator)).listModerationQueue({});
      check(Array.isArray(queue?.items), `listModerationQueue should return { items, cursor }, got ${show(queue)}.`);
      const item = queue.items.find((entry) => entry.target.kind === 'comment' && entry.target.id === id);
      check(item !== undefined, `The pending comment is missing from the queue: ${show(queue.items)}.`);
      checkEqual(item.status, 'pending', 'The queue item’s status');
      checkEqual(item.author.id, personas.member.id, 'The queue item’s author');
    });

    suite.test('refuses the queue to members as forbidden and to anonymous visitors as unauthorized', needs, async (t) => {
      await refused(moderation(await t.open(personas.member)).listModerationQueue({}), 'forbidden', 'The queue for a member');
      await refused(moderation(await t.open(null)).listModerationQueue({}), 'unauthorized', 'The queue for an anonymous visitor');
    });

    suite.test('approving a pending comment publishes it to everyone and takes it out of the queue', needs, async (t) => {
      const id = await pendingComment(t);
      const moderator = moderation(await t.open(personas.moderator));
      await moderator.moderate({ kind: 'comment', id }, 'approve');
      const other = await t.open(personas.otherMember);
      checkEqual((await comments(other).getComment(id))?.status, 'published', 'What another member sees after approval');
      check(ids(await listed(other, premoderated)).includes(id), 'The approved comment is missing from another member’s list.');
      const queue = await moderator.listModerationQueue({});
      check(!queue.items.some((entry) => entry.target.id === id), 'The approved comment is still in the queue.');
    });

    suite.test('hiding a comment removes it for members and anonymous visitors; moderators see it as hidden', needs, async (t) => {
      const author = await t.open(personas.member);
      const { id } = await post(author, 'Something rude.');
      const moderator = await t.open(personas.moderator);
      await moderation(moderator).moderate({ kind: 'comment', id }, 'hide');
      for (const [who, adapter] of [
        ['its author', author],
        ['another member', await t.open(personas.otherMember)],
        ['an anonymous visitor', await t.open(null)],
      ] as const) {
        checkEqual(await comments(adapter).getComment(id), null, `getComment of a hidden comment by ${who}`);
        check(!ids(await listed(adapter, { withReplies: true })).includes(id), `${who} still sees the hidden comment in the list.`);
      }
      checkEqual((await comments(moderator).getComment(id))?.status, 'hidden', 'What a moderator sees');
    });

    suite.test('pinning puts a comment first in every sort; unpinning puts it back', needs, async (t) => {
      const [a, b, c] = await postAll(await t.open(personas.member), ['A', 'B', 'C']);
      const moderator = await t.open(personas.moderator);
      await moderation(moderator).moderate({ kind: 'comment', id: b!.id }, 'pin');
      for (const sort of ['newest', 'oldest', 'top'] as const) {
        const items = await listed(moderator, { sort });
        checkEqual(items[0]?.id, b!.id, `The first comment by ${sort} with B pinned`);
        checkEqual(items[0]?.pinned, true, 'pinned');
      }
      await moderation(moderator).moderate({ kind: 'comment', id: b!.id }, 'unpin');
      checkEqual(show(ids(await listed(moderator, { sort: 'newest' }))), show([c!.id, b!.id, a!.id]), 'Newest first after unpinning');
    });

    suite.test('refuses moderation by a member as forbidden', needs, async (t) => {
      const { id } = await post(await t.open(personas.otherMember), 'Pin me!');
      const member = await t.open(personas.member);
      await refused(moderation(member).moderate({ kind: 'comment', id }, 'pin'), 'forbidden', 'A member pinning');
      await refused(moderation(member).moderate({ kind: 'comment', id }, 'hide'), 'forbidden', 'A member hiding');
      checkEqual((await comments(member).getComment(id))?.pinned, false, 'pinned after the refused pin');
    });

    suite.test('a locked thread refuses members’ posts as forbidden and takes moderators’; unlocking opens it', needs, async (t) => {
      const moderator = await t.open(personas.moderator);
      const member = await t.open(personas.member);
      await moderation(moderator).lock({ kind: 'thread', id: kitThreads.open }, true);
      checkEqual((await comments(member).getThread(kitThreads.open))?.locked, true, 'locked after locking');
      await refused(post(member, 'Can I still post?'), 'forbidden', 'A member posting in a locked thread');
      await post(moderator, 'This discussion is closed.');
      await moderation(moderator).lock({ kind: 'thread', id: kitThreads.open }, false);
      checkEqual((await comments(member).getThread(kitThreads.open))?.locked, false, 'locked after unlocking');
      await post(member, 'Open again.');
    });

    suite.test('refuses a lock by a member as forbidden', needs, async (t) => {
      const member = await t.open(personas.member);
      await refused(moderation(member).lock({ kind: 'thread', id: kitThreads.open }, true), 'forbidden', 'A member locking');
      checkEqual((await comments(member).getThread(kitThreads.open))?.locked, false, 'locked after the refused lock');
    });

    const live = { capabilities: ['comments', 'moderation', 'realtime'] } as const;

    suite.test('tells other members about an approved comment with comment-added', live, async (t) => {
      const id = await pendingComment(t);
      const other = await listenToThread(await t.open(personas.otherMember), kitThreads.premoderated);
      await moderation(await t.open(personas.moderator)).moderate({ kind: 'comment', id }, 'approve');
      const event = await other.next(
        (candidate: RealtimeEvent) => (candidate.type === 'comment-added' || candidate.type === 'comment-updated') && candidate.comment.id === id,
        t.patience,
        'event for the approved comment',
      );
      checkEqual(event.type, 'comment-added', 'For another member, an approved comment is new');
    });

    suite.test('tells other members that a hidden comment is gone with comment-deleted', live, async (t) => {
      const { id } = await post(await t.open(personas.member), 'Something rude.');
      const other = await listenToThread(await t.open(personas.otherMember), kitThreads.open);
      await moderation(await t.open(personas.moderator)).moderate({ kind: 'comment', id }, 'hide');
      await other.next((event) => event.type === 'comment-deleted' && event.id === id, t.patience, 'comment-deleted for the hidden comment');
      check(
        !other.events.some((event) => 'comment' in event && event.comment.id === id),
        `Another member received the hidden comment itself: ${show(other.events)}.`,
      );
    });
  },
};
