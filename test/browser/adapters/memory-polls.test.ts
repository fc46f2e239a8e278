import { expect } from '@open-wc/testing';
import { topics, type PollDefinition, type RealtimeEvent, type Viewer } from '../../../src/adapter.js';
import { AdapterError } from '../../../src/adapter.js';
import { buildMemoryAdapter } from '../../../src/adapters/memory/adapter.js';
import { DatabaseRegistry } from '../../../src/adapters/memory/registry.js';
import { createMemoryAdapter, storageKey, type MemoryAdapter } from '../../../src/memory.js';
import { captureWarnings, clearTestStorage, collect, uniqueNamespace, until } from './memory-helpers.js';
import { pollDefinition } from '../support/poll-definition.js';

const member = (id: string, roles: Viewer['roles'] = ['member']): Viewer => ({ id, name: id, avatarUrl: null, roles });
const zed = member('zed');
const abe = member('abe');
const moderator = member('mo', ['member', 'moderator']);

const definition = (changes: Partial<PollDefinition> = {}): PollDefinition => pollDefinition('meetup', changes);

const storedSlices = (namespace: string) =>
  (JSON.parse(localStorage.getItem(storageKey(namespace)) ?? '{}') as { slices?: Record<string, unknown> }).slices ?? {};

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (AdapterError.is(error)) return error.code;
    throw error;
  }
  throw new Error('Expected a refusal, but the call succeeded.');
}

describe('memory adapter: polls', () => {
  let open: MemoryAdapter[] = [];
  let namespace: string;
  const make = (viewer: Viewer | null = null, persist = true) => {
    const adapter = createMemoryAdapter({ namespace, viewer, persist, seed: {} });
    open.push(adapter);
    return adapter;
  };
  const closeAll = () => {
    open.forEach((adapter) => adapter.dispose());
    open = [];
  };

  beforeEach(() => (namespace = uniqueNamespace('polls')));
  afterEach(closeAll);
  after(clearTestStorage);

  it('declares polls', () => {
    expect(make().supports.polls).to.equal(true);
  });

  it('keeps an anonymous poll’s voters sorted and its ballots as counts by content, with nothing linking the two', async () => {
    await make().ensurePoll(definition({ voters: 'anonymous' }));
    await make(zed).vote('meetup', { choices: ['utrecht'] });
    await make(abe).vote('meetup', { choices: ['amsterdam'] });
    const stored = (storedSlices(namespace)['polls'] as { polls: Record<string, Record<string, unknown>> }).polls['meetup']!;
    expect(stored['votes']).to.deep.equal({});
    // Sorted by key, not by arrival: zed voted first, for the content that sorts last.
    expect(stored['voters']).to.deep.equal(['member:abe', 'member:zed']);
    expect(stored['counts']).to.deep.equal({ '{"choices":["amsterdam"]}': 1, '{"choices":["utrecht"]}': 1 });
    expect(JSON.stringify(stored)).not.to.match(/votedAt|"name":"zed"/);
  });

  it('counts the same choices in another order as one ballot content in an anonymous multiple-choice poll', async () => {
    await make().ensurePoll(definition({ type: 'multiple', voters: 'anonymous' }));
    await make(zed).vote('meetup', { choices: ['utrecht', 'amsterdam'] });
    const poll = await make(abe).vote('meetup', { choices: ['amsterdam', 'utrecht'] });
    expect(poll.tally?.counts).to.deep.equal({ utrecht: 2, amsterdam: 2 });
    const stored = (storedSlices(namespace)['polls'] as { polls: Record<string, { counts: object }> }).polls['meetup']!;
    expect(stored.counts).to.deep.equal({ '{"choices":["amsterdam","utrecht"]}': 2 });
  });

  it('treats every instance of a namespace as one device: another instance, or a guest session on it, cannot vote again', async () => {
    await make().ensurePoll(definition({ integrity: 'device' }));
    await make().vote('meetup', { choices: ['utrecht'] });
    const sameDevice = make();
    expect((await sameDevice.getPoll('meetup'))?.voted).to.equal(true);
    expect(await refusal(sameDevice.vote('meetup', { choices: ['amsterdam'] }))).to.equal('conflict');
    await sameDevice.signInAsGuest({ name: 'Gus' });
    expect((await sameDevice.getPoll('meetup'))?.voted).to.equal(true);
    expect(await refusal(sameDevice.vote('meetup', { choices: ['amsterdam'] }))).to.equal('conflict');
    await sameDevice.signOut();
    expect(await refusal(sameDevice.vote('meetup', { choices: ['amsterdam'] }))).to.equal('conflict');
  });

  it('lets each member vote as themselves in a device poll, beside the device’s own ballot', async () => {
    await make().ensurePoll(definition({ integrity: 'device' }));
    await make().vote('meetup', { choices: ['utrecht'] });
    await make(zed).vote('meetup', { choices: ['utrecht'] });
    const poll = await make(abe).vote('meetup', { choices: ['amsterdam'] });
    expect(poll.ballotCount).to.equal(3);
    expect(poll.tally?.counts).to.deep.equal({ utrecht: 2, amsterdam: 1 });
  });

  it('makes the device id on the first device ballot, not on reading, and keeps it across re-creation with persist', async () => {
    await make().ensurePoll(definition({ integrity: 'device' }));
    await make().getPoll('meetup');
    expect(storedSlices(namespace)).not.to.have.property('device');
    await make().vote('meetup', { choices: ['amsterdam'] });
    const { id } = storedSlices(namespace)['device'] as { id: string };
    expect(id).to.match(/^device-[0-9a-f]{16}$/);
    closeAll();
    const again = make();
    expect((await again.getPoll('meetup'))?.voted).to.equal(true);
    expect((await again.getPoll('meetup'))?.myBallot).to.deep.equal({ choices: ['amsterdam'] });
    expect(await refusal(again.vote('meetup', { choices: ['utrecht'] }))).to.equal('conflict');
  });

  it('forgets the device, with the polls, when a namespace without persist is re-created', async () => {
    await make(null, false).ensurePoll(definition({ integrity: 'device' }));
    await make(null, false).vote('meetup', { choices: ['amsterdam'] });
    closeAll();
    expect(await make(null, false).getPoll('meetup')).to.equal(null);
  });

  it('stores only the fields of a ballot and a definition, and hands out copies', async () => {
    const adapter = make(zed);
    const registered = await adapter.ensurePoll({ ...definition(), unexpected: 'x' } as PollDefinition);
    expect(registered).not.to.have.property('unexpected');
    const voted = await adapter.vote('meetup', { choices: ['utrecht'], extra: 'x' } as never);
    expect(voted.myBallot).to.deep.equal({ choices: ['utrecht'] });
    voted.options[0]!.label = 'Changed by the caller';
    voted.tally!.counts['utrecht'] = 99;
    const again = await adapter.getPoll('meetup');
    expect(again?.options[0]?.label).to.equal('Utrecht');
    expect(again?.tally?.counts['utrecht']).to.equal(1);
  });

  it('refuses an admin’s redefinition that drops an option holding a ballot, naming it, and takes a new label', async () => {
    const admin = make(member('ada', ['member', 'admin']));
    await admin.ensurePoll(definition());
    await make(zed).vote('meetup', { choices: ['amsterdam'] });
    const dropped = definition({ options: [{ value: 'utrecht', label: 'Utrecht' }, { value: 'delft', label: 'Delft' }] });
    const error = await admin.ensurePoll(dropped).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(AdapterError.is(error) && error.code).to.equal('conflict');
    expect((error as AdapterError).message).to.include('"amsterdam"');
    const relabelled = await admin.ensurePoll(definition({ options: [{ value: 'utrecht', label: 'Utrecht' }, { value: 'amsterdam', label: 'Mokum' }] }));
    expect(relabelled.tally?.counts['amsterdam']).to.equal(1);
  });

  it('takes a closing time only as an ISO 8601 date-time with a time zone, and stores it in UTC', async () => {
    const adapter = make(zed);
    for (const closesAt of ['Dec 31 2099', '2099-02-30T00:00:00Z', '2099-12-31T18:00:00']) {
      const error = await adapter.ensurePoll(definition({ closesAt })).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(AdapterError.is(error) && error.fields['closesAt']?.reason, closesAt).to.equal('invalid');
    }
    expect((await adapter.ensurePoll(definition({ closesAt: '2099-12-31T19:00:00+01:00' }))).closesAt).to.equal('2099-12-31T18:00:00.000Z');
  });

  it('closes a poll when its closing time passes, without anyone closing it', async () => {
    const adapter = make(zed);
    await adapter.ensurePoll(definition({ closesAt: new Date(Date.now() + 150).toISOString() }));
    expect((await adapter.getPoll('meetup'))?.status).to.equal('open');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await adapter.getPoll('meetup'))?.status).to.equal('closed');
    expect(await refusal(adapter.vote('meetup', { choices: ['utrecht'] }))).to.equal('conflict');
  });

  it('pages a public poll’s voters with a cursor that another poll refuses', async () => {
    await make().ensurePoll(definition({ voters: 'public' }));
    await make().ensurePoll(definition({ id: 'other', voters: 'public' }));
    for (const voter of [zed, abe, moderator]) await make(voter).vote('meetup', { choices: ['utrecht'] });
    const reader = make(abe);
    const first = await reader.listPollVotes('meetup', { limit: 2 });
    expect(first.items.map((vote) => vote.voter.id)).to.deep.equal(['zed', 'abe']);
    expect(first.cursor).to.be.a('string');
    const second = await reader.listPollVotes('meetup', { limit: 2, cursor: first.cursor });
    expect(second.items.map((vote) => vote.voter.id)).to.deep.equal(['mo']);
    expect(second.cursor).to.equal(null);
    expect(await refusal(reader.listPollVotes('other', { cursor: first.cursor }))).to.equal('invalid');
  });

  it('delivers poll-updated to another tab, shaped for that tab’s viewer from the data it reloaded', async () => {
    const tabA = buildMemoryAdapter(new DatabaseRegistry(), { namespace, viewer: zed, persist: true, seed: {} });
    const tabB = buildMemoryAdapter(new DatabaseRegistry(), { namespace, viewer: moderator, persist: true, seed: {} });
    open.push(tabA, tabB);
    await tabA.ensurePoll(definition({ results: 'moderators' }));
    const heard = collect(tabB, topics.poll('meetup'));
    const voted = await tabA.vote('meetup', { choices: ['amsterdam'] });
    expect(voted.tally).to.equal(null);
    await until(() => heard.some((event) => event.type === 'poll-updated' && event.poll.ballotCount === 1));
    const update = heard.find((event) => event.type === 'poll-updated' && event.poll.ballotCount === 1) as Extract<RealtimeEvent, { type: 'poll-updated' }>;
    expect(update.poll.tally?.counts).to.deep.equal({ utrecht: 0, amsterdam: 1 });
    expect(update.poll.voted).to.equal(false);
  });

  it('skips a stored poll it cannot use and keeps the others', async () => {
    const warnings = captureWarnings();
    try {
      await make().ensurePoll(definition());
      const slices = storedSlices(namespace);
      const polls = (slices['polls'] as { polls: Record<string, unknown> }).polls;
      polls['broken'] = { record: { id: 'not-broken' }, votes: {} };
      closeAll();
      localStorage.setItem(storageKey(namespace), JSON.stringify({ version: 1, slices }));
      const adapter = make();
      expect((await adapter.getPoll('meetup'))?.question).to.equal('Where shall we meet next?');
      expect(await adapter.getPoll('broken')).to.equal(null);
    } finally {
      warnings.restore();
    }
  });
});
