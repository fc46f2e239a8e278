/**
 * Poll definitions through `PUT /polls/{id}` and `POST /polls`: who may change a poll that has an
 * author, what a redefinition may not do to its closing time, what an admin's change of a poll
 * with ballots must leave of those ballots, and the one form a closing time is taken and kept in.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Poll, PollDefinition } from '../../../../src/adapters/contract.js';
import { pollDefinition } from '../../../browser/support/poll-definition.js';
import { api, errorOf, personas, pollPath, startHarness, type Harness } from './harness.js';

// Results after the vote: a redefinition's answer shows what a voter-to-be sees.
const definition = (id: string, overrides: Partial<PollDefinition> = {}): PollDefinition =>
  pollDefinition(id, { results: 'after-vote', ...overrides });

describe('redefining a poll over HTTP', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('refuses anyone but its author, moderators and admins a change of an API-made poll without ballots (403)', async () => {
    h = await startHarness();
    await h.json('POST', api('/polls'), { as: personas.moderator, body: definition('made') });
    const rewrite = definition('made', {
      question: 'Which is best?',
      options: [
        { value: 'x', label: 'X' },
        { value: 'y', label: 'Y' },
      ],
      results: 'always',
      voters: 'public',
    });
    for (const as of [null, personas.member]) {
      const refused = await errorOf(h.call('PUT', pollPath('made'), { as, body: rewrite }), 403);
      assert.equal(refused.code, 'forbidden', `${as?.name ?? 'a visitor'} is refused`);
    }
    const stored = await h.json<Poll>('GET', pollPath('made'), { as: personas.moderator });
    assert.equal(stored.question, 'Where shall we meet next?');
    assert.equal(stored.voters, 'secret');
    assert.deepEqual(
      stored.options.map((option) => option.value),
      ['utrecht', 'amsterdam'],
    );
    const same = await h.json<Poll>('PUT', pollPath('made'), { body: definition('made'), status: 200 });
    assert.equal(same.question, 'Where shall we meet next?', 'the same definition again is a read, open to anyone');
    const byAuthor = await h.json<Poll>('PUT', pollPath('made'), { as: personas.moderator, body: rewrite, status: 200 });
    assert.equal(byAuthor.question, 'Which is best?');
    const byAdmin = await h.json<Poll>('PUT', pollPath('made'), { as: personas.admin, body: { ...rewrite, question: 'Which one?' }, status: 200 });
    assert.equal(byAdmin.question, 'Which one?');
  });

  it('lets a page change a poll it registered until the first ballot', async () => {
    h = await startHarness();
    await h.json('PUT', pollPath('page'), { body: definition('page'), status: 200 });
    const changed = await h.json<Poll>('PUT', pollPath('page'), { body: definition('page', { question: 'Which city?' }), status: 200 });
    assert.equal(changed.question, 'Which city?');
    assert.equal(changed.authorId, null);
  });

  it('refuses a redefinition that moves the closing time into the past (400 on closesAt)', async () => {
    h = await startHarness();
    const soon = new Date(h.clock.now + 3_600_000).toISOString();
    await h.json('PUT', pollPath('closing'), { body: definition('closing', { closesAt: soon }), status: 200 });
    const past = new Date(h.clock.now - 3_600_000).toISOString();
    const refused = await errorOf(h.call('PUT', pollPath('closing'), { body: definition('closing', { closesAt: past }) }), 400);
    assert.equal(refused.fields?.['closesAt']?.reason, 'in-past');
    assert.equal((await h.json<Poll>('GET', pollPath('closing'))).status, 'open');
    h.clock.advance(2 * 3_600_000);
    const again = await h.json<Poll>('PUT', pollPath('closing'), { body: definition('closing', { closesAt: soon }), status: 200 });
    assert.equal(again.status, 'closed', 'the same closing time, passed since, is no change');
  });

  it('refuses an admin’s change that drops or renames an option holding ballots (409 naming it), and takes a new label', async () => {
    h = await startHarness();
    const cities = [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam' },
      { value: 'delft', label: 'Delft' },
    ];
    for (const voters of ['secret', 'anonymous'] as const) {
      const id = `held-${voters}`;
      await h.json('PUT', pollPath(id), { body: definition(id, { voters, options: cities }), status: 200 });
      await h.json('POST', `${pollPath(id)}/votes`, { as: personas.member, body: { choices: ['amsterdam'] }, status: 200 });
      for (const options of [
        [cities[0]!, cities[2]!],
        [cities[0]!, { value: 'mokum', label: 'Amsterdam' }, cities[2]!],
      ]) {
        const refused = await errorOf(h.call('PUT', pollPath(id), { as: personas.admin, body: definition(id, { voters, options }) }), 409);
        assert.equal(refused.code, 'conflict');
        assert.match(refused.message, /"amsterdam"/, voters);
      }
      const relabelled = await h.json<Poll>('PUT', pollPath(id), {
        as: personas.admin,
        body: definition(id, { voters, options: [cities[0]!, { value: 'amsterdam', label: 'Mokum' }] }),
        status: 200,
      });
      assert.equal(relabelled.options[1]?.label, 'Mokum', 'and delft, which nobody chose, may go');
      const read = await h.json<Poll>('GET', pollPath(id), { as: personas.member });
      assert.equal(read.tally?.total, 1, `${voters}: the ballot still counts`);
      assert.equal(read.tally?.counts['amsterdam'], 1);
      if (voters === 'secret') assert.deepEqual(read.myBallot, { choices: ['amsterdam'] });
    }
  });

  it('refuses an admin’s change that drops an option a ballot chose while the change was on its way', async () => {
    h = await startHarness();
    const cities = [...definition('x').options, { value: 'delft', label: 'Delft' }];
    await h.json('PUT', pollPath('race'), { body: definition('race', { options: cities }), status: 200 });
    await h.json('POST', `${pollPath('race')}/votes`, { as: personas.member, body: { choices: ['utrecht'] }, status: 200 });
    const transaction = h.store.transaction.bind(h.store);
    let late: 'waiting' | 'voting' | 'voted' = 'waiting';
    h.store.transaction = async (work) => {
      if (late === 'waiting') {
        // The admin's change was planned on a count without this ballot, which commits just before it.
        late = 'voting';
        await h.json('POST', `${pollPath('race')}/votes`, { as: personas.otherMember, body: { choices: ['delft'] }, status: 200 });
        late = 'voted';
      }
      return transaction(work);
    };
    const refused = await errorOf(h.call('PUT', pollPath('race'), { as: personas.admin, body: definition('race', { options: cities.slice(0, 2) }) }), 409);
    assert.equal(late, 'voted', 'the late ballot came in during the change');
    assert.match(refused.message, /"delft"/);
    assert.equal((await h.json<Poll>('GET', pollPath('race'), { as: personas.moderator })).tally?.counts['delft'], 1);
  });

  it('refuses an admin’s change that drops an option ranked lower on a ballot, or a rating some ballot gave', async () => {
    h = await startHarness();
    const ranked = definition('ranked', { type: 'ranked', options: [...definition('x').options, { value: 'delft', label: 'Delft' }] });
    await h.json('PUT', pollPath('ranked'), { body: ranked, status: 200 });
    await h.json('POST', `${pollPath('ranked')}/votes`, { as: personas.member, body: { choices: ['utrecht', 'delft'] }, status: 200 });
    const dropped = await errorOf(h.call('PUT', pollPath('ranked'), { as: personas.admin, body: { ...ranked, options: ranked.options.slice(0, 2) } }), 409);
    assert.match(dropped.message, /"delft"/);
    const rating = definition('rating', { type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } });
    await h.json('PUT', pollPath('rating'), { body: rating, status: 200 });
    await h.json('POST', `${pollPath('rating')}/votes`, { as: personas.member, body: { rating: 5 }, status: 200 });
    const shrunk = await errorOf(h.call('PUT', pollPath('rating'), { as: personas.admin, body: { ...rating, scale: { min: 1, max: 4, step: 1 } } }), 409);
    assert.match(shrunk.message, /\b5\b/);
    assert.equal((await h.json<Poll>('GET', pollPath('rating'), { as: personas.moderator })).tally?.total, 1);
  });

  it('takes closesAt only as an ISO 8601 date-time with a time zone, and stores it in UTC (400 otherwise)', async () => {
    h = await startHarness();
    for (const closesAt of ['Dec 31 2099', '99999', '2099-02-30T00:00:00Z', '2099-12-31T18:00:00']) {
      const refused = await errorOf(h.call('PUT', pollPath('when'), { body: definition('when', { closesAt }) }), 400);
      assert.equal(refused.fields?.['closesAt']?.reason, 'invalid', closesAt);
      await errorOf(h.call('POST', api('/polls'), { as: personas.moderator, body: definition('when', { closesAt }) }), 400);
    }
    const stored = await h.json<Poll>('PUT', pollPath('when'), { body: definition('when', { closesAt: '2099-12-31T19:00:00+01:00' }), status: 200 });
    assert.equal(stored.closesAt, '2099-12-31T18:00:00.000Z');
    assert.equal((await h.json<Poll>('GET', pollPath('when'))).closesAt, '2099-12-31T18:00:00.000Z');
    const made = await h.json<Poll>('POST', api('/polls'), { as: personas.moderator, body: definition('made', { closesAt: '2099-12-31T18:00Z' }) });
    assert.equal(made.closesAt, '2099-12-31T18:00:00.000Z');
  });

  it('refuses settings of another poll type with a field error naming the type they apply to (400), instead of storing them', async () => {
    h = await startHarness();
    const single = await errorOf(
      h.call('PUT', pollPath('odd'), { body: definition('odd', { min: 5, max: 9, scale: { min: 1, max: 0, step: -1 } }) }),
      400,
    );
    assert.deepEqual(
      ['min', 'max', 'scale'].map((field) => [single.fields?.[field]?.reason, single.fields?.[field]?.message]),
      [
        ['not-applicable', 'min applies only to multiple polls.'],
        ['not-applicable', 'max applies only to multiple polls.'],
        ['not-applicable', 'scale applies only to rating polls.'],
      ],
    );
    const rating = await errorOf(h.call('POST', api('/polls'), { as: personas.moderator, body: definition('odd', { type: 'rating' }) }), 400);
    assert.equal(rating.fields?.['options']?.reason, 'not-applicable');
    await errorOf(h.call('GET', pollPath('odd')), 404);
  });
});
