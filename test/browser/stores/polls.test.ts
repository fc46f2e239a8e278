import { expect } from '@open-wc/testing';
import type { PleinAdapter, Viewer } from '../../../src/adapters/contract.js';
import { AdapterError } from '../../../src/adapters/errors.js';
import { createMemoryAdapter, demoViewers, type MemoryAdapter } from '../../../src/adapters/memory/index.js';
import { createPollStore, loadPollWriting, type PollStore, type PollStoreOptions } from '../../../src/stores/polls/index.js';
import { rejection, unique, until } from './comments-helpers.js';
import { definition } from './polls-helpers.js';

const ada: Viewer = { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member'] };

/** A namespace, the adapter calls made on it in order, switchable failures, and cleanup. */
function world() {
  const namespace = unique('polls');
  const calls: string[] = [];
  const failures = new Map<string, AdapterError>();
  const adapters: MemoryAdapter[] = [];
  const stores: PollStore[] = [];
  const adapter = (viewer: Viewer | null, latency = 0): MemoryAdapter => {
    const made = createMemoryAdapter({
      namespace,
      viewer,
      latency,
      failWith: (method) => {
        calls.push(method);
        return failures.get(method);
      },
    });
    adapters.push(made);
    return made;
  };
  /** The adapter as a store sees it, noting when realtime is subscribed. */
  const watched = (inner: MemoryAdapter): PleinAdapter =>
    Object.assign(Object.create(inner) as PleinAdapter, {
      subscribe: (topic: string, onEvent: Parameters<MemoryAdapter['subscribe']>[1]) => {
        calls.push(`subscribe ${topic}`);
        return inner.subscribe(topic, onEvent);
      },
    });
  const store = (on: PleinAdapter, options: PollStoreOptions): PollStore => {
    const made = createPollStore(on, options);
    stores.push(made);
    return made;
  };
  const dispose = () => {
    for (const made of stores) made.dispose();
    for (const made of adapters) made.dispose();
  };
  return { namespace, calls, failures, adapter, watched, store, dispose };
}

/** Listening is what mounts (and loads) a nanostores store; returns the stop function. */
const listen = (store: PollStore) => store.$status.listen(() => undefined);

describe('polls store', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => (w = world()));
  afterEach(() => w.dispose());

  it('registers the page definition on first listen, subscribing as that read goes out', async () => {
    const adapter = w.adapter(demoViewers.member);
    const store = w.store(w.watched(adapter), { id: 'reg', definition: definition('reg') });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    expect(store.$poll.get()?.question).to.equal('Tea or coffee?');
    const read = w.calls.indexOf('ensurePoll');
    expect(read).to.be.greaterThan(-1);
    expect(w.calls.indexOf('subscribe poll:reg')).to.be.greaterThan(read);
    expect(w.calls).not.to.include('getPoll');
  });

  it('reads a poll by reference, and reports an unknown one as not found', async () => {
    const adapter = w.adapter(demoViewers.member);
    await adapter.ensurePoll(definition('known'));
    const known = w.store(adapter, { id: 'known' });
    const unknown = w.store(adapter, { id: 'unknown' });
    listen(known);
    listen(unknown);
    await until(() => known.$status.get() === 'ready' && unknown.$status.get() === 'not-found');
    expect(known.$poll.get()?.id).to.equal('known');
    expect(unknown.$poll.get()).to.equal(null);
  });

  it('keeps the stored poll when its definition is frozen, and says so', async () => {
    const adapter = w.adapter(demoViewers.member);
    await adapter.ensurePoll(definition('frozen'));
    await w.adapter(ada).vote('frozen', { choices: ['tea'] });
    const changed = definition('frozen', { options: [...definition('x').options, { value: 'water', label: 'Water' }] });
    const store = w.store(adapter, { id: 'frozen', definition: changed });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    expect(store.$poll.get()?.options.map((option) => option.value)).to.deep.equal(['tea', 'coffee']);
    expect(store.$definitionRefused.get()?.code).to.equal('conflict');
  });

  it('keeps the stored poll when its author made it elsewhere and this page may not change it, and says so', async () => {
    const adapter = w.adapter(demoViewers.member);
    await adapter.ensurePoll(definition('made-elsewhere'));
    w.failures.set('ensurePoll', new AdapterError('forbidden', 'You can only change what you wrote yourself.'));
    const changed = definition('made-elsewhere', { question: 'Something else?' });
    const store = w.store(adapter, { id: 'made-elsewhere', definition: changed });
    listen(store);
    await until(() => store.$status.get() !== 'loading' && store.$status.get() !== 'idle');
    expect(store.$status.get()).to.equal('ready');
    expect(store.$poll.get()?.question).to.equal(definition('x').question);
    expect(store.$definitionRefused.get()?.code).to.equal('forbidden');
  });

  it('shows a vote as cast at once and confirms it with the backend answer', async () => {
    const adapter = w.adapter(demoViewers.member, 40);
    const store = w.store(adapter, { id: 'optimistic', definition: definition('optimistic') });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    // The writing half is a chunk of its own; once it is here, a vote shows at once.
    await loadPollWriting();
    const voting = store.vote({ choices: ['coffee'] });
    expect(store.$pending.get()).to.equal('vote');
    expect(store.$poll.get()?.voted).to.equal(true);
    expect(store.$poll.get()?.ballotCount).to.equal(1);
    expect(store.$poll.get()?.myBallot).to.deep.equal({ choices: ['coffee'] });
    const poll = await voting;
    expect(poll.tally?.counts).to.deep.equal({ tea: 0, coffee: 1 });
    expect(store.$pending.get()).to.equal(null);
    expect(store.$poll.get()?.tally?.counts.coffee).to.equal(1);
  });

  it('rolls a failed vote back to what the backend last said and keeps the reason', async () => {
    const adapter = w.adapter(demoViewers.member, 20);
    const store = w.store(adapter, { id: 'rollback', definition: definition('rollback') });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    await loadPollWriting();
    w.failures.set('vote', new AdapterError('unavailable', 'down'));
    const voting = store.vote({ choices: ['tea'] });
    expect(store.$poll.get()?.voted).to.equal(true);
    const error = await rejection(voting);
    expect(error.code).to.equal('unavailable');
    expect(store.$poll.get()?.voted).to.equal(false);
    expect(store.$poll.get()?.ballotCount).to.equal(0);
    expect(store.$lastError.get()).to.deep.include({ action: 'vote' });

    w.failures.delete('vote');
    await store.retry();
    expect(store.$poll.get()?.voted).to.equal(true);
    expect(store.$lastError.get()).to.equal(null);
  });

  it('refuses a ballot the domain rule refuses, per field, without sending it', async () => {
    const adapter = w.adapter(demoViewers.member);
    const store = w.store(adapter, { id: 'rule', definition: definition('rule', { type: 'multiple', min: 2 }) });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    const before = w.calls.length;
    const error = await rejection(store.vote({ choices: ['tea'] }));
    expect(error.code).to.equal('invalid');
    expect(store.$fieldErrors.get().choices?.reason).to.equal('too-few');
    expect(w.calls.slice(before)).not.to.include('vote');
    expect(store.$poll.get()?.voted).to.equal(false);
    store.clearFieldErrors();
    expect(store.$fieldErrors.get()).to.deep.equal({});
  });

  it('remembers how long a rate limit lasts', async () => {
    const adapter = w.adapter(demoViewers.member);
    const store = w.store(adapter, { id: 'limited', definition: definition('limited'), now: () => 1_000_000 });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    w.failures.set('vote', new AdapterError('rate-limited', 'slow', { retryAfter: 12 }));
    await rejection(store.vote({ choices: ['tea'] }));
    expect(store.$blockedUntil.get()).to.equal(1_012_000);
  });

  it('follows other voters live, shaped for this viewer', async () => {
    const adapter = w.adapter(demoViewers.member);
    const store = w.store(adapter, { id: 'live', definition: definition('live', { results: 'after-vote' }) });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    await w.adapter(ada).vote('live', { choices: ['tea'] });
    await until(() => store.$poll.get()?.ballotCount === 1);
    // Results stay withheld from this viewer, who has not voted.
    expect(store.$poll.get()?.tally).to.equal(null);
    expect(store.$poll.get()?.resultsWithheldUntil).to.equal('vote');
  });

  it('applies a vote that arrives live while the first read is on its way after that read, not under it', async () => {
    const inner = w.adapter(demoViewers.member);
    await w.adapter(ada).ensurePoll(definition('during', { results: 'always' }));
    // A backend whose answer was taken before the vote, and arrives after the vote's event.
    const inTransit: PleinAdapter = Object.assign(Object.create(inner) as PleinAdapter, {
      getPoll: async (id: string) => {
        const answer = await inner.getPoll(id);
        await new Promise((resolve) => setTimeout(resolve, 60));
        return answer;
      },
    });
    const store = w.store(inTransit, { id: 'during' });
    listen(store);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await w.adapter(demoViewers.moderator).vote('during', { choices: ['coffee'] });
    await until(() => store.$status.get() === 'ready');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.$poll.get()?.ballotCount).to.equal(1);
    expect(store.$poll.get()?.tally).to.not.equal(null);
  });

  it('reads the poll again for a new viewer', async () => {
    const adapter = w.adapter(demoViewers.member);
    await w.adapter(demoViewers.moderator).ensurePoll(definition('viewer', { results: 'moderators' }));
    const store = w.store(adapter, { id: 'viewer' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    expect(store.can('poll.close').allowed).to.equal(false);
    expect(store.$poll.get()?.tally).to.equal(null);
    adapter.setViewer(demoViewers.moderator);
    await until(() => store.$poll.get()?.tally !== null && store.$status.get() === 'ready');
    expect(store.can('poll.close').allowed).to.equal(true);
  });

  it('answers permission questions by the domain rules for this poll', async () => {
    const anonymous = w.adapter(null);
    await w.adapter(demoViewers.moderator).ensurePoll(definition('rules'));
    const store = w.store(anonymous, { id: 'rules' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    expect(store.can('poll.vote')).to.deep.equal({ allowed: false, reason: 'sign-in-required' });
    expect(store.can('poll.votes').allowed).to.equal(false);
    expect(store.isClosed()).to.equal(false);
  });

  it('stops reading and listening once disposed', async () => {
    const adapter = w.adapter(demoViewers.member, 60);
    const store = w.store(w.watched(adapter), { id: 'gone', definition: definition('gone') });
    listen(store);
    store.dispose();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(store.$status.get()).to.equal('loading');
    expect(store.$poll.get()).to.equal(null);
    const other = w.adapter(ada);
    await other.ensurePoll(definition('gone'));
    await other.vote('gone', { choices: ['tea'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.$poll.get(), 'a vote after dispose reaches no listener').to.equal(null);
  });

  it('lists who voted what in a public poll, a page at a time', async () => {
    const moderator = w.adapter(demoViewers.moderator);
    await moderator.ensurePoll(definition('public', { voters: 'public' }));
    await w.adapter(ada).vote('public', { choices: ['coffee'] });
    const store = w.store(moderator, { id: 'public' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    await Promise.all([store.loadVoters(), store.loadVoters()]);
    expect(w.calls.filter((call) => call === 'listPollVotes')).to.have.length(1);
    expect(store.$voters.get()?.items.map((vote) => [vote.voter.name, vote.ballot])).to.deep.equal([['Ada Bakker', { choices: ['coffee'] }]]);
    expect(store.$voters.get()?.cursor).to.equal(null);
  });

  it('reads the voter list again when a voter changes their ballot, though the count stays the same', async () => {
    const moderator = w.adapter(demoViewers.moderator);
    await moderator.ensurePoll(definition('changed', { voters: 'public', allowChange: true }));
    const voter = w.adapter(ada);
    await voter.vote('changed', { choices: ['coffee'] });
    const store = w.store(moderator, { id: 'changed' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    await store.loadVoters();
    expect(store.$voters.get()?.items.map((vote) => vote.ballot)).to.deep.equal([{ choices: ['coffee'] }]);
    await voter.vote('changed', { choices: ['tea'] });
    await until(() => JSON.stringify(store.$voters.get()?.items[0]?.ballot) === JSON.stringify({ choices: ['tea'] }));
    expect(store.$poll.get()?.ballotCount).to.equal(1);
    expect(store.$voters.get()?.items).to.have.length(1);
  });

  it('gathers every voter of a public poll across pages, and rejects rather than answer with part of them', async () => {
    const moderator = w.adapter(demoViewers.moderator);
    await moderator.ensurePoll(definition('crowd', { voters: 'public' }));
    const ballots = w.adapter(null);
    const ids = Array.from({ length: 120 }, (_, index) => `voter-${index}`);
    for (const voter of ids) {
      ballots.setViewer({ id: voter, name: voter, avatarUrl: null, roles: ['member'] });
      await ballots.vote('crowd', { choices: ['tea'] });
    }
    const store = w.store(moderator, { id: 'crowd' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    await store.loadVoters();
    expect(store.$voters.get()?.items).to.have.length(50);

    w.failures.set('listPollVotes', new AdapterError('network', 'offline'));
    const failure = await rejection(store.allVoters());
    expect(failure.code).to.equal('network');
    expect(store.$lastError.get()?.action).to.equal('voters');
    // The pages already here stay, and the list is no longer loading.
    expect(store.$voters.get()?.items).to.have.length(50);
    expect(store.$voters.get()?.loading).to.equal(false);

    w.failures.delete('listPollVotes');
    const before = w.calls.filter((call) => call === 'listPollVotes').length;
    const all = await store.allVoters();
    expect(all.map((vote) => vote.voter.id)).to.deep.equal(ids);
    expect(store.$voters.get()?.items).to.equal(all);
    // Only the two pages not loaded yet were read.
    expect(w.calls.filter((call) => call === 'listPollVotes').length - before).to.equal(2);
    expect(await store.allVoters()).to.equal(all);
  });

  it('leaves the voter list as it was, not loading, when the poll is read again during a page', async () => {
    const moderator = w.adapter(demoViewers.moderator, 40);
    await moderator.ensurePoll(definition('reread', { voters: 'public' }));
    await w.adapter(ada).vote('reread', { choices: ['coffee'] });
    const store = w.store(moderator, { id: 'reread' });
    listen(store);
    await until(() => store.$status.get() === 'ready');
    const page = store.loadVoters();
    await until(() => store.$voters.get()?.loading === true);
    void store.load();
    await page;
    expect(store.$voters.get()).to.equal(null);
    await store.loadVoters();
    expect(store.$voters.get()?.items.map((vote) => vote.voter.id)).to.deep.equal([ada.id]);
  });
});
