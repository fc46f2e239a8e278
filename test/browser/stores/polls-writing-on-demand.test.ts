import { expect } from '@open-wc/testing';
import { createMemoryAdapter, demoViewers } from '../../../src/adapters/memory/index.js';
import { createPollStore } from '../../../src/stores/polls/index.js';
import { until } from './comments-helpers.js';
import { definition } from './polls-helpers.js';

// Its own file: the store's writing half must not have loaded in this page before this test.
describe('polls store before its writing half has loaded', () => {
  it('sends a vote once the writing half arrives, then shows later votes at once', async () => {
    const namespace = `plein-test-polls-on-demand-${Math.random().toString(36).slice(2, 8)}`;
    const adapter = createMemoryAdapter({ namespace, viewer: demoViewers.member, latency: 20 });
    const store = createPollStore(adapter, {
      id: 'later',
      definition: definition('later', { allowChange: true }),
    });
    const stop = store.$status.listen(() => undefined);
    try {
      await until(() => store.$status.get() === 'ready');
      const voting = store.vote({ choices: ['tea'] });
      expect(store.$poll.get()?.voted).to.equal(false, 'nothing optimistic before the writing half is here');
      const poll = await voting;
      expect(poll.tally?.counts).to.deep.equal({ tea: 1, coffee: 0 });
      expect(store.$poll.get()?.voted).to.equal(true);

      const changing = store.vote({ choices: ['coffee'] });
      expect(store.$pending.get()).to.equal('vote');
      expect(store.$poll.get()?.myBallot).to.deep.equal({ choices: ['coffee'] });
      await changing;
    } finally {
      stop();
      store.dispose();
      adapter.dispose();
    }
  });
});
