import { expect } from '@open-wc/testing';
import { createMemoryAdapter, demoPeople, demoViewers } from '../../../src/adapters/memory/index.js';
import { createCommentsStore } from '../../../src/stores/comments/index.js';

// Its own file, without the shared helpers (which load the writing half up front): the store's
// posting and changes must not have loaded in this page before this test.
describe('comments store before its writing half has loaded', () => {
  it('posts once the writing half arrives, then shows later actions at once', async () => {
    const namespace = `plein-test-on-demand-${Math.random().toString(36).slice(2, 8)}`;
    const adapter = createMemoryAdapter({ namespace, seed: { people: [...demoPeople], threads: [{ id: 't' }] }, viewer: demoViewers.member });
    const store = createCommentsStore(adapter, { thread: 't', storage: null });
    try {
      await store.load();
      const posting = store.post({ body: 'First, while the writing half loads', localId: 'first' });
      expect(store.$items.get()).to.have.length(0, 'nothing optimistic before the writing half is here');
      const stored = await posting;
      expect(store.$items.get().map((entry) => entry.comment.id)).to.deep.equal([stored.id]);

      const second = store.post({ body: 'Second', localId: 'second' });
      expect(store.$items.get()[0]?.local).to.equal('sending');
      await second;
    } finally {
      store.dispose();
      adapter.dispose();
    }
  });
});
