import { expect } from '@open-wc/testing';
import { createMemoryAdapter, demoSeed, demoViewers, mergeSeeds, seedThread } from '../../../src/memory.js';
import { uniqueNamespace } from './memory-helpers.js';

describe('memory adapter: seeds for stories, tests and benchmarks', () => {
  it('seedThread gives the same thread for the same options, and another for another thread', () => {
    const a = seedThread({ thread: 'blog/post', count: 200 });
    expect(seedThread({ thread: 'blog/post', count: 200 })).to.deep.equal(a);
    const b = seedThread({ thread: 'other', count: 200 });
    expect(b.comments?.[0]?.id).to.equal('other-1');
    expect(b.comments?.map((comment) => comment.body)).to.not.deep.equal(a.comments?.map((comment) => comment.body));
  });

  it('seedThread makes replies to earlier comments, about replyRatio of them, each body ending in its number', () => {
    const { comments = [], threads = [] } = seedThread({ thread: 'ratio', count: 1000, replyRatio: 0.5, settings: { guests: true } });
    expect(threads).to.deep.equal([{ id: 'ratio', guests: true }]);
    const index = new Map(comments.map((comment, position) => [comment.id, position]));
    const replies = comments.filter((comment) => comment.parentId);
    expect(replies.length).to.be.within(400, 600);
    for (const [position, comment] of comments.entries()) {
      expect(comment.body.endsWith(`#${position + 1}`)).to.equal(true);
      if (comment.parentId) expect(index.get(comment.parentId)).to.be.lessThan(position);
    }
    expect(seedThread({ thread: 'flat', count: 100, replyRatio: 0 }).comments?.every((comment) => !comment.parentId)).to.equal(true);
  });

  it('seedThread makes 10,000 comments well within a second', () => {
    const started = performance.now();
    const { comments = [] } = seedThread({ thread: 'big', count: 10_000 });
    expect(performance.now() - started).to.be.below(500);
    expect(comments).to.have.length(10_000);
  });

  it('serves pages of a 10,000-comment thread with replies in a few milliseconds, and every comment exactly once', async () => {
    const adapter = createMemoryAdapter({ namespace: uniqueNamespace('big'), seed: seedThread({ thread: 'big', count: 10_000 }) });
    try {
      const first = performance.now();
      await adapter.listComments({ thread: 'big', withReplies: true, limit: 50 });
      const firstCall = performance.now() - first;
      const timings: number[] = [];
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const started = performance.now();
        const page = await adapter.listComments({ thread: 'big', withReplies: true, limit: 50, cursor });
        timings.push(performance.now() - started);
        for (const comment of page.items) seen.add(comment.id);
        cursor = page.cursor;
      } while (cursor);
      timings.sort((a, b) => a - b);
      expect(seen.size).to.equal(10_000);
      expect(firstCall, 'the first call, which builds the index').to.be.below(150);
      expect(timings[Math.floor(timings.length / 2)], 'the median page').to.be.below(10);
      expect((await adapter.getThread('big'))?.commentCount).to.equal(10_000);
    } finally {
      adapter.dispose();
    }
  });

  it('mergeSeeds joins threads, comments and people, and takes later comment rules', () => {
    const merged = mergeSeeds(demoSeed, seedThread({ thread: 'extra', count: 3 }), { commentRules: { maxLinks: 2 } });
    expect(merged.threads?.map((thread) => thread.id)).to.include.members(['welcome', 'extra']);
    expect(merged.comments?.filter((comment) => comment.thread === 'extra')).to.have.length(3);
    expect(merged.people?.filter((person) => person.id === demoViewers.member.id)).to.have.length(1);
    expect(merged.commentRules).to.deep.equal({ maxLinks: 2 });
  });

  it('gives seeded reactions as counts to stand-ins and as ids to people, who see them as theirs', async () => {
    const adapter = createMemoryAdapter({
      namespace: uniqueNamespace('reactions'),
      viewer: demoViewers.member,
      seed: {
        people: [demoViewers.member],
        comments: [{ id: 'r', thread: 't', author: 'demo-noor', body: 'Hi', createdAt: '2026-01-01T10:00:00Z', reactions: { '👍': 3, '❤️': ['demo-noor'] } }],
      },
    });
    try {
      const comment = await adapter.getComment('r');
      expect(comment?.reactions).to.deep.equal([
        { key: '👍', count: 3, mine: false },
        { key: '❤️', count: 1, mine: true },
      ]);
      expect(comment?.author.name).to.equal('Noor Visser');
      expect(comment?.createdAt).to.equal('2026-01-01T10:00:00.000Z');
    } finally {
      adapter.dispose();
    }
  });
});
