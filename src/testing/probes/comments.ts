import { topics, type PleinAdapter, type Viewer } from '../../adapters/contract.js';
import type { KitTest } from '../harness.js';
import { check, checkEqual, show } from '../assert.js';
import { comments, listed, moderation, post, reactions, reports } from '../comment-calls.js';
import { personas } from '../personas.js';
import { kitThreads } from '../threads.js';
import type { CapabilityProbes } from './types.js';

const thread = kitThreads.open;

/**
 * A listener that has read the thread, as a page does before it subscribes. An adapter that
 * streams from a server delivers every event after its latest read of a topic's data; what
 * happened between no read at all and the stream connecting is not promised.
 */
async function readerOfThread(t: KitTest, viewer: Viewer | null): Promise<PleinAdapter> {
  const adapter = await t.open(viewer);
  await comments(adapter).getThread(thread);
  return adapter;
}

export const commentProbes: CapabilityProbes = {
  abort: [
    { capabilities: ['comments'], method: 'getThread', kind: 'read', call: (adapter, signal) => comments(adapter).getThread(thread, { signal }) },
    {
      capabilities: ['comments'],
      method: 'listComments',
      kind: 'read',
      call: (adapter, signal) => comments(adapter).listComments({ thread, withReplies: true }, { signal }),
    },
    { capabilities: ['comments'], method: 'getComment', kind: 'read', call: (adapter, signal) => comments(adapter).getComment('plein-kit-any', { signal }) },
    {
      capabilities: ['comments'],
      method: 'postComment',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: (adapter, signal) => comments(adapter).postComment({ thread, body: 'Aborted.' }, { signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await listed(adapter)).length, 0, 'Comments after an aborted postComment');
      },
    },
    {
      capabilities: ['comments'],
      method: 'editComment',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: async (adapter, signal) => comments(adapter).editComment((await post(adapter, 'Before.')).id, { body: 'After.' }, { signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await listed(adapter))[0]?.body, 'Before.', 'The body after an aborted editComment');
      },
    },
    {
      capabilities: ['comments'],
      method: 'deleteComment',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: async (adapter, signal) => comments(adapter).deleteComment((await post(adapter, 'Keep me.')).id, { signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await listed(adapter))[0]?.deleted, false, 'deleted after an aborted deleteComment');
      },
    },
    {
      capabilities: ['comments', 'reactions'],
      method: 'react',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: async (adapter, signal) => reactions(adapter).react((await post(adapter, 'React?')).id, '👍', true, { signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await listed(adapter))[0]?.reactions.length, 0, 'Reactions after an aborted react');
      },
    },
    {
      capabilities: ['comments', 'reports'],
      method: 'report',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: (adapter, signal) => reports(adapter).report('plein-kit-any', { reason: 'spam' }, { signal }),
    },
    {
      capabilities: ['moderation'],
      method: 'listModerationQueue',
      kind: 'read',
      open: (t) => t.open(personas.moderator),
      call: (adapter, signal) => moderation(adapter).listModerationQueue({}, { signal }),
    },
    {
      capabilities: ['comments', 'moderation'],
      method: 'lock',
      kind: 'write',
      open: (t) => t.open(personas.moderator),
      call: (adapter, signal) => moderation(adapter).lock({ kind: 'thread', id: thread }, true, { signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await comments(adapter).getThread(thread))?.locked, false, 'locked after an aborted lock');
      },
    },
  ],

  errors: [
    {
      capabilities: ['comments'],
      title: 'a comment is posted with an empty body',
      code: 'invalid',
      field: 'body',
      provoke: async (t) => post(await t.open(personas.member), ''),
    },
    {
      capabilities: ['comments'],
      title: 'an anonymous visitor posts a comment',
      code: 'unauthorized',
      provoke: async (t) => post(await t.open(null), 'Hello?'),
    },
    {
      capabilities: ['comments'],
      title: 'a member edits another member’s comment',
      code: 'forbidden',
      provoke: async (t) => {
        const { id } = await post(await t.open(personas.member), 'Mine.');
        return comments(await t.open(personas.otherMember)).editComment(id, { body: 'Mine now.' });
      },
    },
    {
      capabilities: ['comments', 'reactions'],
      title: 'a member reacts with a key the thread does not offer',
      code: 'invalid',
      field: 'key',
      provoke: async (t) => {
        const { id } = await post(await t.open(personas.member), 'React?');
        return reactions(await t.open(personas.otherMember)).react(id, 'plein-kit-not-a-reaction', true);
      },
    },
    {
      capabilities: ['comments', 'moderation'],
      title: 'a member hides a comment',
      code: 'forbidden',
      provoke: async (t) => {
        const { id } = await post(await t.open(personas.otherMember), 'Hide me?');
        return moderation(await t.open(personas.member)).moderate({ kind: 'comment', id }, 'hide');
      },
    },
  ],

  triggers: [
    {
      capabilities: ['comments'],
      title: 'comment-added to another instance when a member posts',
      async setup(t) {
        const author = await t.open(personas.member);
        return {
          listener: await readerOfThread(t, null),
          topic: topics.thread(thread),
          fire: () => post(author, 'Live!'),
          matches: (event) => event.type === 'comment-added' && event.comment.body === 'Live!' && event.comment.author.id === personas.member.id,
        };
      },
    },
    {
      capabilities: ['comments'],
      title: 'comment-updated when a comment is edited',
      async setup(t) {
        const author = await t.open(personas.member);
        const { id } = await post(author, 'Draft.');
        return {
          listener: await readerOfThread(t, personas.otherMember),
          topic: topics.thread(thread),
          fire: () => comments(author).editComment(id, { body: 'Final.' }),
          matches: (event) => event.type === 'comment-updated' && event.comment.id === id && event.comment.body === 'Final.',
        };
      },
    },
    {
      capabilities: ['comments'],
      title: 'comment-deleted when a comment without replies is deleted',
      async setup(t) {
        const author = await t.open(personas.member);
        const { id } = await post(author, 'Gone soon.');
        return {
          listener: await readerOfThread(t, null),
          topic: topics.thread(thread),
          fire: () => comments(author).deleteComment(id),
          matches: (event) => event.type === 'comment-deleted' && event.id === id,
        };
      },
    },
    {
      capabilities: ['comments', 'reactions'],
      title: 'reactions-changed with the listener’s own mine when someone else reacts',
      async setup(t) {
        const author = await t.open(personas.member);
        const { id } = await post(author, 'Like me.');
        const key = (await comments(author).getThread(thread))!.reactions[0]!;
        const reactor = await t.open(personas.otherMember);
        return {
          listener: author,
          topic: topics.thread(thread),
          fire: () => reactions(reactor).react(id, key, true),
          matches: (event) =>
            event.type === 'reactions-changed' &&
            event.commentId === id &&
            event.reactions.some((reaction) => reaction.key === key && reaction.count === 1 && reaction.mine === false),
        };
      },
    },
    {
      capabilities: ['comments', 'moderation'],
      title: 'thread-updated when a moderator locks the thread',
      async setup(t) {
        const moderator = await t.open(personas.moderator);
        return {
          listener: await readerOfThread(t, personas.member),
          topic: topics.thread(thread),
          fire: () => moderation(moderator).lock({ kind: 'thread', id: thread }, true),
          matches: (event) => event.type === 'thread-updated' && event.thread.id === thread && event.thread.locked,
        };
      },
    },
  ],

  persistence: [
    {
      capabilities: ['comments'],
      title: 'a comment, its reply and an edit',
      async write(t) {
        const author = await t.open(personas.member);
        const parent = await post(author, 'Before the restart.');
        const reply = await post(await t.open(personas.otherMember), 'Noted.', { parentId: parent.id });
        await comments(author).editComment(parent.id, { body: 'Before the restart (edited).' });
        return { parent: parent.id, reply: reply.id };
      },
      async verify(t, written) {
        const { parent, reply } = written as { parent: string; reply: string };
        const items = await listed(await t.open(null), { withReplies: true });
        checkEqual(show(items.map((item) => item.id)), show([parent, reply]), 'The comments after re-creation');
        checkEqual(items[0]?.body, 'Before the restart (edited).', 'The edited body after re-creation');
      },
    },
    {
      capabilities: ['comments', 'reactions'],
      title: 'a reaction',
      async write(t) {
        const author = await t.open(personas.member);
        const { id } = await post(author, 'Remember me.');
        const key = (await comments(author).getThread(thread))!.reactions[0]!;
        await reactions(await t.open(personas.otherMember)).react(id, key, true);
        return { id, key };
      },
      async verify(t, written) {
        const { id, key } = written as { id: string; key: string };
        const summary = (await comments(await t.open(personas.otherMember)).getComment(id))?.reactions ?? [];
        const mine = summary.find((reaction) => reaction.key === key);
        check(mine?.count === 1 && mine.mine, `The reaction was lost on re-creation: ${show(summary)}.`);
      },
    },
    {
      capabilities: ['comments', 'moderation'],
      title: 'a thread lock',
      async write(t) {
        await moderation(await t.open(personas.moderator)).lock({ kind: 'thread', id: thread }, true);
      },
      async verify(t) {
        checkEqual((await comments(await t.open(null)).getThread(thread))?.locked, true, 'locked after re-creation');
      },
    },
  ],
};
