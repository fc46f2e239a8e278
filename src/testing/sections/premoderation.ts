import type { PleinAdapter, RealtimeEvent } from '../../adapters/contract.js';
import { check, checkEqual, show, sleep } from '../assert.js';
import { comments, expectFixture, ids, listed, listenToThread, post } from '../comment-calls.js';
import type { KitTest } from '../harness.js';
import { personas } from '../personas.js';
import { kitThreads } from '../threads.js';
import type { Section } from './section.js';

const needs = { capabilities: ['comments'] } as const;
const onThread = { thread: kitThreads.premoderated };

/** After an event reached one listener, how long another one may still be on its way. */
const STRAGGLER_MS = 50;

/** A pending comment by the member on the pre-moderated thread. */
async function pending(t: KitTest): Promise<{ author: PleinAdapter; id: string }> {
  await expectFixture(t, 'premoderated');
  const author = await t.open(personas.member);
  const posted = await post(author, 'Waiting for a moderator.', onThread);
  checkEqual(posted.status, 'pending', 'The status of a member’s comment on a pre-moderated thread');
  return { author, id: posted.id };
}

function mentions(event: RealtimeEvent, id: string): boolean {
  return (
    ('comment' in event && event.comment.id === id) ||
    (event.type === 'comment-deleted' && event.id === id) ||
    (event.type === 'reactions-changed' && event.commentId === id)
  );
}

export const premoderationSection: Section = {
  title: 'pre-moderation',
  register(suite) {
    suite.test('holds a member’s comment on a pre-moderated thread as pending', needs, async (t) => {
      await pending(t);
    });

    suite.test('shows a pending comment to its author, in getComment and the list', needs, async (t) => {
      const { author, id } = await pending(t);
      checkEqual((await comments(author).getComment(id))?.status, 'pending', 'getComment by the author: status');
      check(ids(await listed(author, onThread)).includes(id), 'The author’s own pending comment is missing from their list.');
    });

    suite.test('shows a pending comment to moderators, in getComment and the list', needs, async (t) => {
      const { id } = await pending(t);
      const moderator = await t.open(personas.moderator);
      checkEqual((await comments(moderator).getComment(id))?.status, 'pending', 'getComment by a moderator: status');
      check(ids(await listed(moderator, onThread)).includes(id), 'The pending comment is missing from the moderator’s list.');
    });

    suite.test('keeps a pending comment from other members and anonymous visitors: getComment, the list and commentCount', needs, async (t) => {
      const { id } = await pending(t);
      for (const [who, viewer] of [
        ['another member', personas.otherMember],
        ['an anonymous visitor', null],
      ] as const) {
        const adapter = await t.open(viewer);
        checkEqual(await comments(adapter).getComment(id), null, `getComment of a pending comment by ${who}`);
        for (const withReplies of [false, true]) {
          check(!ids(await listed(adapter, { ...onThread, withReplies })).includes(id), `${who} sees the pending comment in the list (withReplies: ${withReplies}).`);
        }
        checkEqual((await comments(adapter).getThread(kitThreads.premoderated))?.commentCount, 0, `commentCount for ${who}`);
      }
    });

    suite.test('publishes a moderator’s comment on a pre-moderated thread directly', needs, async (t) => {
      await expectFixture(t, 'premoderated');
      const posted = await post(await t.open(personas.moderator), 'Moderators are trusted.', onThread);
      checkEqual(posted.status, 'published', 'The status of a moderator’s comment');
      checkEqual((await comments(await t.open(null)).getComment(posted.id))?.status, 'published', 'What a visitor sees');
    });

    suite.test(
      'delivers a new pending comment to its author and moderators, never to other members or anonymous visitors',
      { capabilities: ['comments', 'realtime'] },
      async (t) => {
        await expectFixture(t, 'premoderated');
        const author = await t.open(personas.member);
        const moderator = await t.open(personas.moderator);
        const heard = {
          author: await listenToThread(author, kitThreads.premoderated),
          moderator: await listenToThread(moderator, kitThreads.premoderated),
          other: await listenToThread(await t.open(personas.otherMember), kitThreads.premoderated),
          anonymous: await listenToThread(await t.open(null), kitThreads.premoderated),
        };
        const held = await post(author, 'For moderators’ eyes only.', onThread);
        const open = await post(moderator, 'For everyone.', onThread);
        const added = (id: string) => (event: RealtimeEvent) => event.type === 'comment-added' && event.comment.id === id;
        await heard.author.next(added(held.id), t.patience, 'comment-added of their own pending comment (author)');
        await heard.moderator.next(added(held.id), t.patience, 'comment-added of the pending comment (moderator)');
        await heard.other.next(added(open.id), t.patience, 'comment-added of the moderator’s comment (another member)');
        await heard.anonymous.next(added(open.id), t.patience, 'comment-added of the moderator’s comment (anonymous)');
        await sleep(STRAGGLER_MS);
        for (const who of ['other', 'anonymous'] as const) {
          const leaked = heard[who].events.filter((event) => mentions(event, held.id));
          check(leaked.length === 0, `The pending comment reached ${who === 'other' ? 'another member' : 'an anonymous visitor'}: ${show(leaked)}.`);
        }
      },
    );
  },
};
