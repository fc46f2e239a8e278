import { expect } from '@open-wc/testing';
import type { Comment, RealtimeEvent } from '../../../src/adapter.js';
import { AdapterError } from '../../../src/adapter.js';
import { createMemoryAdapter } from '../../../src/memory.js';
import { personas } from '../../../src/testing.js';
import { broken, expectOnlyFailures, failed, memory } from './broken-adapters.js';
import { runKit, titles } from './fake-runner.js';

describe('conformance kit: comments', () => {
  after(() => {
    for (const key of Object.keys(localStorage)) if (key.includes(':plein-kit-')) localStorage.removeItem(key);
  });

  it('passes the memory adapter on every comments, reactions, reports and moderation check', async () => {
    const results = await runKit({ name: 'memory-comments', factory: memory, persistent: true });
    expect(failed(results)).to.deep.equal([]);
    expect(titles(results, 'skipped')).to.deep.equal([]);
    const passed = titles(results, 'passed');
    for (const section of ['comments', 'pre-moderation', 'guest comments', 'reactions', 'reports', 'comment moderation']) {
      expect(passed.filter((title) => title.startsWith(`${section} › `)).length, section).to.be.greaterThan(2);
    }
    expect(passed).to.include.members([
      'abort signals › rejects listComments with the signal’s own reason',
      'realtime › delivers comment-added to another instance when a member posts',
      'persistence across re-creation › keeps a comment, its reply and an edit after every instance is disposed and a new one is created',
    ]);
  });

  it('fails the paging checks of an adapter that ignores the cursor', async () => {
    const results = await runKit({
      name: 'ignores-cursor',
      factory: broken((inner) => ({ listComments: (request, options) => inner.listComments({ ...request, cursor: null }, options) })),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'comments › pages through every top-level comment exactly once, in newest order',
      'comments › pages through every top-level comment exactly once, in oldest order',
      'comments › pages through every top-level comment exactly once, in top order',
      'comments › pages without repeats or gaps while comments arrive between pages (newest)',
      'comments › pages without repeats or gaps while comments arrive between pages (oldest)',
      'comments › withReplies follows each top-level comment with its subtree, replies oldest first; limit counts top-level comments',
    ]);
    const paging = results.find((result) => result.title.endsWith('exactly once, in newest order'));
    expect(String(paging?.error)).to.match(/more than once|did not end/);
  });

  it('fails, every time, an adapter that breaks ties in the top order newest first', async () => {
    const time = (comment: Comment) => Date.parse(comment.createdAt);
    const results = await runKit({
      name: 'top-ties-newest',
      factory: broken((inner) => ({
        listComments: async (request, options) => {
          const page = await inner.listComments(request, options);
          if (request.sort !== 'top') return page;
          const items = [...page.items].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.score - a.score || time(b) - time(a));
          return { ...page, items };
        },
      })),
      persistent: true,
    });
    const top = results.find((result) => result.title === 'comments › pages through every top-level comment exactly once, in top order');
    expect(top?.outcome).to.equal('failed');
    expect(String(top?.error)).to.contain('an equal score oldest first');
  });

  it('fails an adapter that lets a member edit another member’s comment', async () => {
    const results = await runKit({
      name: 'edits-others',
      factory: broken((inner, other) => {
        const admin = other(personas.admin);
        return {
          editComment: (id, input, options) =>
            inner.editComment(id, input, options).catch((error: unknown) => {
              if (AdapterError.is(error) && error.code === 'forbidden') return admin.editComment(id, input, options);
              throw error;
            }),
        };
      }),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'comments › refuses a member’s edit of another member’s comment as forbidden, and keeps the body',
      'error shapes › throws an AdapterError "forbidden" with a message when a member edits another member’s comment',
    ]);
  });

  it('fails an adapter that shows a pending comment to other members and anonymous visitors', async () => {
    const results = await runKit({
      name: 'leaks-pending',
      factory: broken((inner, other) => {
        const seer = other(personas.moderator);
        const pending = (comment: Comment | null) => (comment?.status === 'pending' ? comment : null);
        return {
          getComment: async (id, options) => (await inner.getComment(id, options)) ?? pending(await seer.getComment(id, options)),
          listComments: async (request, options) => {
            const [own, all] = await Promise.all([inner.listComments(request, options), seer.listComments(request, options)]);
            const known = new Set(own.items.map((comment) => comment.id));
            return { items: [...own.items, ...all.items.filter((comment) => comment.status === 'pending' && !known.has(comment.id))], cursor: own.cursor };
          },
          subscribe: (topic, onEvent) => {
            const stop = inner.subscribe(topic, onEvent);
            const stopLeak = seer.subscribe(topic, (event: RealtimeEvent) => {
              if (event.type === 'comment-added' && event.comment.status === 'pending') onEvent(event);
            });
            return () => {
              stop();
              stopLeak();
            };
          },
        };
      }),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'pre-moderation › keeps a pending comment from other members and anonymous visitors: getComment, the list and commentCount',
      'pre-moderation › delivers a new pending comment to its author and moderators, never to other members or anonymous visitors',
    ]);
  });

  it('fails an adapter whose factory ignores the thread settings it is given, naming context.threads', async () => {
    const results = await runKit({
      name: 'no-fixtures',
      factory: ({ namespace, viewer }) => createMemoryAdapter({ namespace, viewer, persist: true, seed: {} }),
      persistent: true,
    });
    const failures = failed(results);
    expect(failures).to.include('pre-moderation › holds a member’s comment on a pre-moderated thread as pending');
    expect(failures).to.include('guest comments › lets an anonymous visitor post under a name where the thread allows guests');
    expect(failures.every((title) => /^(pre-moderation|guest comments|comment moderation) › /.test(title)), failures.join('\n')).to.equal(true);
    const held = results.find((result) => result.title.startsWith('pre-moderation › holds'));
    expect(String(held?.error)).to.include('context.threads');
  });

  it('skips the comment checks of an adapter that does not declare comments', async () => {
    const results = await runKit({ name: 'no-comments', factory: broken(() => ({ supports: { session: true, guests: true, realtime: true } })) });
    expect(failed(results)).to.deep.equal([]);
    expect(titles(results, 'skipped')).to.include('comments › getComment resolves to null for an unknown id [skipped: capability not declared: comments]');
    expect(titles(results, 'passed').some((title) => title.startsWith('comments › '))).to.equal(false);
  });
});
