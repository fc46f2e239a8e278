import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ballotContents, canRedefine, definitionChanges } from '../../../src/domain/poll-redefine.js';
import type { PollDefinitionInput } from '../../../src/domain/poll-definition.js';

const stored: PollDefinitionInput = {
  id: 'next-meetup',
  type: 'single',
  question: 'Where shall we meet next?',
  options: [
    { value: 'utrecht', label: 'Utrecht' },
    { value: 'amsterdam', label: 'Amsterdam' },
  ],
  results: 'after-vote',
  voters: 'secret',
  integrity: 'member',
  closesAt: '2026-12-31T18:00:00Z',
};
const renamed = { ...stored, question: 'Where do we meet next?' };

describe('redefining a declarative poll', () => {
  it('lets anyone register the same definition again as no change', () => {
    const same = { ...stored, question: ' Where shall we meet next? ', closesAt: '2026-12-31T18:00:00.000Z', allowChange: false };
    assert.deepEqual(canRedefine(stored, same, { votes: 12, actorIsAdmin: false }), { allowed: true, reason: 'unchanged', changes: [] });
  });

  it('lets a page change the definition before the first vote', () => {
    assert.deepEqual(canRedefine(stored, renamed, { votes: 0, actorIsAdmin: false }), {
      allowed: true,
      reason: 'no-votes',
      changes: ['question'],
    });
  });

  it('freezes the definition after the first vote for everyone but an admin', () => {
    assert.deepEqual(canRedefine(stored, renamed, { votes: 1, actorIsAdmin: false }), {
      allowed: false,
      reason: 'frozen',
      changes: ['question'],
    });
    assert.deepEqual(canRedefine(stored, renamed, { votes: 1, actorIsAdmin: true }), {
      allowed: true,
      reason: 'admin',
      changes: ['question'],
    });
  });

  it('refuses even an admin a change of voter visibility or type once votes exist', () => {
    const exposed = { ...stored, voters: 'public' };
    assert.deepEqual(canRedefine(stored, exposed, { votes: 3, actorIsAdmin: true }), {
      allowed: false,
      reason: 'voters-locked',
      changes: ['voters'],
    });
    const ranked = { ...stored, type: 'ranked' };
    assert.deepEqual(canRedefine(stored, ranked, { votes: 3, actorIsAdmin: true }), {
      allowed: false,
      reason: 'type-locked',
      changes: ['type'],
    });
    assert.equal(canRedefine(stored, ranked, { votes: 0, actorIsAdmin: false }).allowed, true);
  });

  it('refuses a definition for another poll id', () => {
    const other = { ...stored, id: 'other' };
    assert.deepEqual(canRedefine(stored, other, { votes: 0, actorIsAdmin: true }), {
      allowed: false,
      reason: 'different-poll',
      changes: ['id'],
    });
  });

  it('notices reordered options, relabelled options and a new closing time', () => {
    const reordered = { ...stored, options: [...stored.options].reverse() };
    assert.deepEqual(definitionChanges(stored, reordered), ['options']);
    const relabelled = { ...stored, options: [stored.options[0]!, { value: 'amsterdam', label: 'Mokum' }] };
    assert.deepEqual(definitionChanges(stored, relabelled), ['options']);
    assert.deepEqual(definitionChanges(stored, { ...stored, closesAt: null }), ['closesAt']);
    assert.deepEqual(definitionChanges(stored, { ...stored, correct: [] }), [], 'no correct list equals an empty one');
  });

  it('refuses an admin a change that drops or renames the value of an option some ballot holds, naming it; relabelling is fine', () => {
    const held = ballotContents([{ choices: ['amsterdam'] }]);
    const facts = { votes: 1, actorIsAdmin: true, held };
    const dropped = canRedefine(stored, { ...stored, options: [stored.options[0]!, { value: 'delft', label: 'Delft' }] }, facts);
    assert.deepEqual(dropped, { allowed: false, reason: 'option-held', changes: ['options'], value: 'amsterdam' });
    const renamed = canRedefine(stored, { ...stored, options: [stored.options[0]!, { value: 'mokum', label: 'Amsterdam' }] }, facts);
    assert.equal(!renamed.allowed && renamed.reason, 'option-held');
    const relabelled = canRedefine(stored, { ...stored, options: [stored.options[0]!, { value: 'amsterdam', label: 'Mokum' }] }, facts);
    assert.equal(relabelled.allowed, true);
    const nobodysDropped = canRedefine(stored, { ...stored, options: [stored.options[1]!, { value: 'delft', label: 'Delft' }] }, facts);
    assert.equal(nobodysDropped.allowed, true, 'utrecht holds no ballot');
  });

  it('counts an option ranked anywhere on a ballot as held, not only a first choice', () => {
    const ranked = { ...stored, type: 'ranked', options: [...stored.options, { value: 'delft', label: 'Delft' }] };
    const held = ballotContents([{ choices: ['utrecht', 'delft'] }]);
    const decision = canRedefine(ranked, { ...ranked, options: ranked.options.slice(0, 2) }, { votes: 1, actorIsAdmin: true, held });
    assert.deepEqual(decision, { allowed: false, reason: 'option-held', changes: ['options'], value: 'delft' });
  });

  it('refuses an admin a rating scale that leaves out a rating some ballot gave', () => {
    const rating = { ...stored, type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } };
    const held = ballotContents([{ rating: 5 }, { rating: 2 }]);
    const facts = { votes: 2, actorIsAdmin: true, held };
    const shrunk = canRedefine(rating, { ...rating, scale: { min: 1, max: 4, step: 1 } }, facts);
    assert.deepEqual(shrunk, { allowed: false, reason: 'rating-held', changes: ['scale'], value: '5' });
    assert.equal(canRedefine(rating, { ...rating, scale: { min: 0, max: 10, step: 1 } }, facts).allowed, true);
  });
});
