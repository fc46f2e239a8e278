import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { discussionJsonLd, publicThread, serializeJsonLd, type JsonLdComment } from '../../../src/domain/jsonld.js';

const comment = (id: string, parentId: string | null, body: string, extra: Partial<JsonLdComment> = {}): JsonLdComment => ({
  id,
  parentId,
  author: { name: `Author ${id}` },
  body,
  createdAt: '2026-11-27T10:00:00.000Z',
  editedAt: null,
  deleted: false,
  reactions: [{ count: 2 }, { count: 1 }],
  replyCount: 0,
  ...extra,
});

describe('discussion structured data', () => {
  const page = { url: 'https://example.org/post', headline: 'Post', commentCount: 3 };

  it('nests replies under their parent with anchors and interaction counts', () => {
    const data = discussionJsonLd(page, [comment('a', null, '**Hi**', { replyCount: 1 }), comment('b', 'a', 'reply'), comment('c', null, 'other')]);
    const roots = data.comment as Record<string, unknown>[];
    assert.equal(roots.length, 2);
    assert.equal(roots[0]!.url, 'https://example.org/post#plein-comment-a');
    assert.equal(roots[0]!.text, 'Hi');
    const replies = roots[0]!.comment as Record<string, unknown>[];
    assert.equal(replies[0]!['@id'], 'https://example.org/post#plein-comment-b');
    const counters = roots[0]!.interactionStatistic as { userInteractionCount: number }[];
    assert.deepEqual(counters.map((c) => c.userInteractionCount), [3, 1]);
  });

  it('gives each thread of a page its own @id, so two threads are two postings', () => {
    const one = discussionJsonLd({ ...page, thread: 'blog/one' }, []);
    const two = discussionJsonLd({ ...page, thread: 'two' }, []);
    assert.equal(one['@id'], 'https://example.org/post#plein-thread-blog%2Fone');
    assert.notEqual(one['@id'], two['@id']);
    assert.equal(one.url, 'https://example.org/post');
  });

  it('keeps a deleted comment in the tree without its author or text', () => {
    const data = discussionJsonLd(page, [comment('a', null, 'secret', { deleted: true }), comment('b', 'a', 'reply')]);
    const [root] = data.comment as Record<string, unknown>[];
    assert.equal(root!.text, '');
    assert.equal(root!.author, undefined);
    assert.equal((root!.comment as unknown[]).length, 1);
  });

  it('serialises so no string can close the script element', () => {
    const json = serializeJsonLd({ text: '</script><script>alert(1)</script><!-- \u2028' });
    assert.ok(!json.includes('</'));
    assert.ok(!json.includes('<!--'));
    assert.deepEqual(JSON.parse(json), { text: '</script><script>alert(1)</script><!-- \u2028' });
  });

  describe('as an anonymous visitor sees it, from what someone who sees more read', () => {
    const read = (id: string, parentId: string | null, status: string, extra: Partial<JsonLdComment> = {}) => ({ ...comment(id, parentId, id, extra), status });

    it('leaves out pending and hidden comments with the replies under them, and counts without them', () => {
      const thread = publicThread(
        [
          read('a', null, 'published', { replyCount: 2 }),
          read('a1', 'a', 'pending'),
          read('a2', 'a', 'published'),
          read('h', null, 'hidden', { replyCount: 1 }),
          read('h1', 'h', 'published'),
          read('p', null, 'pending'),
        ],
        6,
      );
      assert.deepEqual(thread.comments.map((c) => c.id), ['a', 'a2']);
      assert.equal(thread.commentCount, 2);
      assert.equal(thread.comments[0]!.replyCount, 1);
    });

    it("drops a deleted comment whose only replies are withheld, and its place in its parent's reply count", () => {
      const thread = publicThread(
        [read('a', null, 'published', { replyCount: 1 }), read('d', 'a', 'published', { deleted: true, replyCount: 1 }), read('d1', 'd', 'pending'), read('e', null, 'published', { deleted: true, replyCount: 1 }), read('e1', 'e', 'published')],
        3,
      );
      assert.deepEqual(thread.comments.map((c) => c.id), ['a', 'e', 'e1']);
      assert.equal(thread.comments[0]!.replyCount, 0);
      assert.equal(thread.commentCount, 2);
    });
  });
});
