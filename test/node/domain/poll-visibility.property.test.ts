import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pollResultsVisible, pollViewFor, type ResultsPollFacts } from '../../../src/domain/poll-visibility.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const RUNS = 500;
const NOW = Date.parse('2026-11-27T10:00:00.000Z');

const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant(ANONYMOUS),
  fc.constantFrom('ada', 'bob').map((id): Actor => ({ kind: 'guest', id, name: id })),
  fc
    .record({ id: fc.constantFrom('ada', 'bob'), roles: fc.subarray(['member', 'moderator', 'admin'] as const) })
    .map(({ id, roles }): Actor => ({ kind: 'member', id, name: id, roles })),
);

const facts: fc.Arbitrary<ResultsPollFacts> = fc.record({
  results: fc.constantFrom('always', 'after-vote', 'after-close', 'moderators'),
  status: fc.constantFrom('open', 'closed'),
  closesAt: fc.option(fc.integer({ min: NOW - 3_600_000, max: NOW + 3_600_000 }).map((ms) => new Date(ms).toISOString())),
  authorId: fc.option(fc.constantFrom('ada', 'bob')),
});

const closed = (poll: ResultsPollFacts) => poll.status === 'closed' || (poll.closesAt != null && Date.parse(String(poll.closesAt)) <= NOW);
const overseer = (poll: ResultsPollFacts, who: Actor) =>
  who.kind === 'member' && (who.roles.includes('moderator') || who.roles.includes('admin') || poll.authorId === who.id);

describe('results visibility properties', () => {
  it('matches the documented rule for every mode, viewer and moment', () => {
    fc.assert(
      fc.property(facts, actor, fc.boolean(), (poll, who, voted) => {
        const expected =
          closed(poll) || overseer(poll, who) || poll.results === 'always' || (poll.results === 'after-vote' && voted);
        assert.equal(pollResultsVisible(poll, { actor: who, voted, now: NOW }), expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('sends a tally exactly when the viewer may see results, and null otherwise', () => {
    fc.assert(
      fc.property(facts, actor, fc.boolean(), fc.dictionary(fc.string(), fc.nat()), (poll, who, voted, counts) => {
        const viewer = { actor: who, voted, now: NOW };
        const shown = pollViewFor({ ...poll, tally: { total: 1, counts } }, viewer);
        assert.equal(shown.tally !== null, pollResultsVisible(poll, viewer));
      }),
      { numRuns: RUNS },
    );
  });
});
