import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, PERMISSION_ACTIONS } from '../../../src/domain/permissions.js';
import { COMMENT_RULES } from '../../../src/domain/permissions-comments.js';
import { MODERATION_RULES } from '../../../src/domain/permissions-moderation.js';
import { canPoll, POLL_RULES } from '../../../src/domain/permissions-polls.js';
import { QA_RULES } from '../../../src/domain/permissions-qa.js';
import { canInThread } from '../../../src/domain/permissions-thread.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const actors: Actor[] = [
  ANONYMOUS,
  { kind: 'guest', id: 'g1', name: 'Guest' },
  { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] },
  { kind: 'member', id: 'mod', name: 'Mo', roles: ['member', 'moderator'] },
  { kind: 'member', id: 'root', name: 'Ro', roles: ['admin'] },
];

// Facts that make different rules answer differently: own and others' content, locks, an
// expired edit window, closed polls, withheld results, secret voters.
const facts: unknown[] = [
  undefined,
  { authorId: 'ada', createdAt: new Date(NOW - 5 * 60_000).toISOString(), now: NOW },
  { authorId: 'bo', locked: true, guests: false, createdAt: new Date(NOW - 60 * 60_000).toISOString(), now: NOW },
  { authorId: 'ada', status: 'pending', deleted: true },
  { questionAuthorId: 'ada', locked: false },
  { status: 'closed', voters: 'public', results: 'after-close', integrity: 'device', now: NOW },
  { status: 'open', voters: 'secret', results: 'after-vote', voted: true, allowChange: false, now: NOW },
  { closesAt: NOW - 1, results: 'moderators', allowChange: true, now: NOW },
];

type Ask = (actor: Actor, action: string, resource?: unknown) => ReturnType<typeof can>;
const anyCan = can as Ask;

function assertSameAsCan(ask: Ask, actions: string[]): void {
  for (const action of actions) {
    for (const actor of actors) {
      for (const resource of facts) {
        assert.deepEqual(ask(actor, action, resource), anyCan(actor, action, resource), `${action} for ${actor.kind}`);
      }
    }
  }
}

describe('permission rules split by area', () => {
  it('cover every action exactly once between the comment, poll, Q&A and moderation tables', () => {
    const areas = [COMMENT_RULES, POLL_RULES, QA_RULES, MODERATION_RULES].flatMap((table) => Object.keys(table));
    assert.deepEqual([...areas].sort(), [...PERMISSION_ACTIONS].sort());
    assert.equal(new Set(areas).size, areas.length);
  });

  it('answer poll questions through canPoll exactly as can does', () => {
    assertSameAsCan(canPoll as Ask, Object.keys(POLL_RULES));
  });

  it('answer comment and moderation questions through canInThread exactly as can does', () => {
    assertSameAsCan(canInThread as Ask, [...Object.keys(COMMENT_RULES), ...Object.keys(MODERATION_RULES)]);
  });
});
