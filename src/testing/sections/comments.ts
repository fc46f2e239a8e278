import type { Comment, CommentSort, PleinAdapter } from '../../adapters/contract.js';
import { LIMITS } from '../../domain/limits.js';
import { check, checkEqual, show } from '../assert.js';
import { checkSorted, comments, ids, listAll, listed, post, postAll, reactions, refused } from '../comment-calls.js';
import type { KitTest } from '../harness.js';
import { personas } from '../personas.js';
import { kitThreads } from '../threads.js';
import type { Section } from './section.js';

const needs = { capabilities: ['comments'] } as const;
const SORTS: CommentSort[] = ['newest', 'oldest', 'top'];

function checkTimestamp(value: unknown, what: string): void {
  check(typeof value === 'string' && !Number.isNaN(Date.parse(value)), `${what} should be an ISO 8601 date-time, got ${show(value)}.`);
}

/** The fields every comment has, with the right types. */
export function checkCommentShape(comment: Comment, what: string): void {
  check(typeof comment === 'object' && comment !== null, `${what} should be a comment, got ${show(comment)}.`);
  check(typeof comment.id === 'string' && comment.id !== '', `${what}: id should be a non-empty string, got ${show(comment.id)}.`);
  check(typeof comment.thread === 'string', `${what}: thread should be a string.`);
  check(comment.parentId === null || typeof comment.parentId === 'string', `${what}: parentId should be a string or null.`);
  check(typeof comment.author?.id === 'string' && typeof comment.author.name === 'string', `${what}: author needs an id and a name.`);
  check(typeof comment.body === 'string', `${what}: body should be a string.`);
  checkTimestamp(comment.createdAt, `${what}: createdAt`);
  check(comment.editedAt === null || typeof comment.editedAt === 'string', `${what}: editedAt should be a date-time or null.`);
  check(typeof comment.deleted === 'boolean' && typeof comment.pinned === 'boolean', `${what}: deleted and pinned are booleans.`);
  check(['published', 'pending', 'hidden'].includes(comment.status), `${what}: unknown status ${show(comment.status)}.`);
  check(Array.isArray(comment.reactions), `${what}: reactions should be an array.`);
  check(Number.isInteger(comment.replyCount) && comment.replyCount >= 0, `${what}: replyCount should be a count.`);
  check(typeof comment.score === 'number', `${what}: score should be a number.`);
  check(Number.isInteger(comment.depth) && comment.depth >= 0, `${what}: depth should be 0 or more, got ${show(comment.depth)}.`);
  check(comment.replyTo === null || typeof comment.replyTo?.name === 'string', `${what}: replyTo should be { id, name } or null.`);
}

/** Top-level comments with distinct ranks for `top` (when reactions are supported), posted oldest first. */
async function thread(t: KitTest, count: number): Promise<{ member: PleinAdapter; posted: Comment[] }> {
  const member = await t.open(personas.member);
  const posted = await postAll(member, Array.from({ length: count }, (_, index) => `Comment ${index + 1}`));
  if (member.supports.reactions === true) {
    const others = [await t.open(personas.otherMember), await t.open(personas.moderator), member];
    const { reactions: offered } = (await comments(member).getThread(kitThreads.open))!;
    // Comment k gets k % 4 reactions, so `top` differs from both date orders.
    for (const [index, comment] of posted.entries()) {
      for (let n = 0; n < index % 4; n++) await reactions(others[n]!).react(comment.id, offered[0]!, true);
    }
  }
  return { member, posted };
}

function checkExactlyOnce(seen: string[], expected: string[], what: string): void {
  const repeated = seen.filter((id, index) => seen.indexOf(id) !== index);
  check(repeated.length === 0, `${what}: ${show([...new Set(repeated)])} came more than once (${show(seen)}).`);
  const missing = expected.filter((id) => !seen.includes(id));
  check(missing.length === 0, `${what}: ${show(missing)} never came (${show(seen)}).`);
}

export const commentsSection: Section = {
  title: 'comments',
  register(suite) {
    suite.test('postComment returns the stored comment, and getComment returns the same', needs, async (t) => {
      const member = await t.open(personas.member);
      const posted = await post(member, 'Hello, *square*!');
      checkCommentShape(posted, 'The posted comment');
      checkEqual(posted.thread, kitThreads.open, 'thread');
      checkEqual(posted.parentId, null, 'parentId');
      checkEqual(posted.author.id, personas.member.id, 'author.id');
      checkEqual(posted.author.name, personas.member.name, 'author.name');
      checkEqual(posted.body, 'Hello, *square*!', 'body (Markdown source, as typed)');
      checkEqual(posted.status, 'published', 'status');
      checkEqual(posted.deleted, false, 'deleted');
      checkEqual(posted.depth, 0, 'depth');
      checkEqual(posted.replyTo, null, 'replyTo');
      checkEqual(posted.replyCount, 0, 'replyCount');
      checkEqual(posted.editedAt, null, 'editedAt');
      const fetched = await comments(member).getComment(posted.id);
      check(fetched !== null, 'getComment returned null for the comment just posted.');
      checkEqual(fetched.body, posted.body, 'getComment body');
      checkEqual(fetched.createdAt, posted.createdAt, 'getComment createdAt');
      checkEqual(fetched.author.id, posted.author.id, 'getComment author.id');
    });

    suite.test('getComment resolves to null for an unknown id', needs, async (t) => {
      checkEqual(await comments(await t.open(null)).getComment('plein-kit-no-such-comment'), null, 'getComment of an unknown id');
    });

    suite.test('getThread describes a thread nobody wrote in yet: open, empty, with reactions to offer', needs, async (t) => {
      const found = await comments(await t.open(null)).getThread('plein-kit-untouched');
      check(found !== null, 'Threads need no registration: getThread should describe a new thread, got null.');
      checkEqual(found.id, 'plein-kit-untouched', 'thread id');
      checkEqual(found.commentCount, 0, 'commentCount');
      checkEqual(found.locked, false, 'locked');
      check(typeof found.premoderated === 'boolean' && typeof found.guests === 'boolean', 'premoderated and guests are booleans.');
      check(Array.isArray(found.reactions) && found.reactions.every((key) => typeof key === 'string'), `reactions should list keys, got ${show(found.reactions)}.`);
    });

    suite.test('getThread counts the comments and their replies', needs, async (t) => {
      const member = await t.open(personas.member);
      const [first] = await postAll(member, ['One', 'Two']);
      await post(member, 'A reply', { parentId: first!.id });
      checkEqual((await comments(await t.open(null)).getThread(kitThreads.open))?.commentCount, 3, 'commentCount');
    });

    suite.test('a reply names its parent: parentId, depth 1, replyTo the parent’s author, and the parent counts it', needs, async (t) => {
      const member = await t.open(personas.member);
      const parent = await post(member, 'Question?');
      const reply = await post(await t.open(personas.otherMember), 'Answer.', { parentId: parent.id });
      checkEqual(reply.parentId, parent.id, 'parentId');
      checkEqual(reply.depth, 1, 'depth');
      checkEqual(reply.replyTo?.name, personas.member.name, 'replyTo.name');
      checkEqual(reply.replyTo?.id, personas.member.id, 'replyTo.id');
      checkEqual((await comments(member).getComment(parent.id))?.replyCount, 1, 'The parent’s replyCount');
    });

    for (const sort of SORTS) {
      suite.test(`pages through every top-level comment exactly once, in ${sort} order`, needs, async (t) => {
        const { member, posted } = await thread(t, 7);
        const pages = await listAll(member, { thread: kitThreads.open, sort, limit: 3 }, { maxPages: 10 });
        const seen = pages.flat();
        checkExactlyOnce(ids(seen), ids(posted), `Paging by 3 in ${sort} order`);
        check(pages.slice(0, -1).every((page) => page.length === 3), `Every page but the last should hold 3, got ${show(pages.map(ids))}.`);
        checkSorted(seen, sort, `The ${sort} order across pages`);
      });
    }

    for (const sort of ['newest', 'oldest'] as const) {
      suite.test(`pages without repeats or gaps while comments arrive between pages (${sort})`, needs, async (t) => {
        const member = await t.open(personas.member);
        const posted = await postAll(member, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
        const other = await t.open(personas.otherMember);
        const pages = await listAll(member, { thread: kitThreads.open, sort, limit: 2 }, {
          maxPages: 12,
          between: (page) => post(other, `Arrived after page ${page}`).then(() => undefined),
        });
        checkExactlyOnce(ids(pages.flat()), ids(posted), `Paging by 2 in ${sort} order with arrivals`);
      });
    }

    suite.test('withReplies follows each top-level comment with its subtree, replies oldest first; limit counts top-level comments', needs, async (t) => {
      const member = await t.open(personas.member);
      const other = await t.open(personas.otherMember);
      const [a, b, c] = await postAll(member, ['A', 'B', 'C']);
      const a1 = await post(other, 'A1', { parentId: a!.id });
      const a2 = await post(member, 'A2', { parentId: a!.id });
      const a1x = await post(member, 'A1x', { parentId: a1.id });
      const b1 = await post(other, 'B1', { parentId: b!.id });
      const page = await comments(member).listComments({ thread: kitThreads.open, sort: 'oldest', limit: 2, withReplies: true });
      checkEqual(show(ids(page.items)), show([a!.id, a1.id, a1x.id, a2.id, b!.id, b1.id]), 'The first page (ids in order)');
      checkEqual(show(page.items.map((item) => item.depth)), show([0, 1, 2, 1, 0, 1]), 'The depths');
      check(page.cursor !== null, 'A third top-level comment follows, so the cursor should not be null.');
      const next = await comments(member).listComments({ thread: kitThreads.open, sort: 'oldest', limit: 2, withReplies: true, cursor: page.cursor });
      checkEqual(show(ids(next.items)), show([c!.id]), 'The second page');
      checkEqual(next.cursor, null, 'The cursor after the last page');
    });

    suite.test('lists the replies of one comment with parentId, oldest first, without the top level', needs, async (t) => {
      const member = await t.open(personas.member);
      const [parent] = await postAll(member, ['Parent', 'Another top-level comment']);
      const replies = await postAll(member, ['First reply', 'Second reply'], { parentId: parent!.id });
      const items = await listed(member, { parentId: parent!.id, sort: 'newest' });
      checkEqual(show(ids(items)), show(ids(replies)), 'The replies, oldest first whatever the sort');
    });

    suite.test('refuses an empty body as invalid on fields.body', needs, async (t) => {
      await refused(post(await t.open(personas.member), '   '), 'invalid', 'Posting a blank comment', 'body');
      checkEqual((await listed(await t.open(null))).length, 0, 'Comments after the refused post');
    });

    suite.test(`refuses a body over ${LIMITS.commentBody.max} characters as invalid on fields.body`, needs, async (t) => {
      await refused(post(await t.open(personas.member), 'x'.repeat(LIMITS.commentBody.max + 1)), 'invalid', 'Posting a long comment', 'body');
    });

    suite.test('refuses a post by an anonymous visitor as unauthorized', needs, async (t) => {
      await refused(post(await t.open(null), 'Who am I?'), 'unauthorized', 'An anonymous post');
      checkEqual((await listed(await t.open(null))).length, 0, 'Comments after the refused post');
    });

    suite.test('lets a member edit their own comment: the new body, with editedAt set', needs, async (t) => {
      const member = await t.open(personas.member);
      const posted = await post(member, 'Frist!');
      const edited = await comments(member).editComment(posted.id, { body: 'First!' });
      checkEqual(edited.id, posted.id, 'The edited comment’s id');
      checkEqual(edited.body, 'First!', 'The edited body');
      checkTimestamp(edited.editedAt, 'editedAt after an edit');
      checkEqual((await comments(await t.open(null)).getComment(posted.id))?.body, 'First!', 'The body others see');
    });

    suite.test('refuses a member’s edit of another member’s comment as forbidden, and keeps the body', needs, async (t) => {
      const posted = await post(await t.open(personas.member), 'Mine.');
      const other = await t.open(personas.otherMember);
      await refused(comments(other).editComment(posted.id, { body: 'Now mine.' }), 'forbidden', 'Editing another member’s comment');
      checkEqual((await comments(other).getComment(posted.id))?.body, 'Mine.', 'The body after the refused edit');
    });

    suite.test('refuses a member’s delete of another member’s comment as forbidden', needs, async (t) => {
      const posted = await post(await t.open(personas.member), 'Still here.');
      const other = await t.open(personas.otherMember);
      await refused(comments(other).deleteComment(posted.id), 'forbidden', 'Deleting another member’s comment');
      checkEqual((await comments(other).getComment(posted.id))?.deleted, false, 'deleted after the refused delete');
    });

    suite.test('refuses an edit of an unknown comment as not-found', needs, async (t) => {
      await refused(comments(await t.open(personas.member)).editComment('plein-kit-no-such-comment', { body: 'x' }), 'not-found', 'Editing an unknown comment');
    });

    suite.test('deletes a comment without replies: gone from getComment and the list', needs, async (t) => {
      const member = await t.open(personas.member);
      const posted = await post(member, 'Oops.');
      await comments(member).deleteComment(posted.id);
      checkEqual(await comments(member).getComment(posted.id), null, 'getComment after deleting');
      check(!ids(await listed(member)).includes(posted.id), 'The deleted comment is still listed.');
      checkEqual((await comments(member).getThread(kitThreads.open))?.commentCount, 0, 'commentCount after deleting');
    });

    suite.test('keeps a deleted comment with replies as a placeholder: no body, no author name, replies still listed', needs, async (t) => {
      const member = await t.open(personas.member);
      const parent = await post(member, 'Something I regret.');
      const reply = await post(await t.open(personas.otherMember), 'What did you say?', { parentId: parent.id });
      await comments(member).deleteComment(parent.id);
      const reader = await t.open(null);
      const placeholder = await comments(reader).getComment(parent.id);
      check(placeholder !== null, 'A deleted comment with replies should stay as a placeholder, got null.');
      checkEqual(placeholder.deleted, true, 'deleted');
      checkEqual(placeholder.body, '', 'The placeholder’s body');
      checkEqual(placeholder.author.name, '', 'The placeholder’s author name');
      const items = await listed(reader, { withReplies: true });
      checkEqual(show(ids(items)), show([parent.id, reply.id]), 'The listed placeholder and its reply');
    });

    suite.test('lets a moderator delete a member’s comment', needs, async (t) => {
      const posted = await post(await t.open(personas.member), 'Spam spam spam.');
      await comments(await t.open(personas.moderator)).deleteComment(posted.id);
      checkEqual(await comments(await t.open(null)).getComment(posted.id), null, 'getComment after the moderator deleted it');
    });
  },
};
