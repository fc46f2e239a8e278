/**
 * Changing a stored poll through `PUT /polls/{id}`: who may change a poll that has an author,
 * what a redefinition may not do to its closing time, and what an admin's change of a poll with
 * ballots must leave of those ballots.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Poll, PollDefinition } from '../../../../src/adapters/contract.js';
import { api, errorOf, personas, startHarness, type Harness } from './harness.js';

function definition(id: string, overrides: Partial<PollDefinition> = {}): PollDefinition {
  return {
    id,
    type: 'single',
    question: 'Where shall we meet next?',
    options: [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam' },
    ],
    results: 'after-vote',
    voters: 'secret',
    integrity: 'member',
    ...overrides,
  };
}

const pollPath = (id: string) => api(`/polls/${encodeURIComponent(id)}`);

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
});
