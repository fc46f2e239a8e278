import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, PERMISSION_ACTIONS, type PermissionAction } from '../../../src/domain/permissions.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const guest: Actor = { kind: 'guest', id: 'g1', name: 'Guest' };
const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mod', name: 'Mo', roles: ['member', 'moderator'] };
const admin: Actor = { kind: 'member', id: 'root', name: 'Ro', roles: ['admin'] };

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const adasComment = { authorId: 'ada', createdAt: minutesAgo(5), now: NOW };

const reason = (decision: ReturnType<typeof can>) => (decision.allowed ? 'allowed' : decision.reason);

describe('anonymous visitors', () => {
  it('may read published content and nothing that writes', () => {
    assert.equal(reason(can(ANONYMOUS, 'comment.read', { authorId: 'ada' })), 'allowed');
    const writes: PermissionAction[] = ['comment.post', 'comment.react', 'comment.report', 'qa.ask', 'qa.vote', 'poll.vote'];
    for (const action of writes) assert.equal(reason(can(ANONYMOUS, action)), 'sign-in-required', action);
  });

  it('are refused every action except reading, results, registering a page poll and device polls', () => {
    const open = new Set<PermissionAction>(['comment.read', 'qa.read', 'poll.results', 'poll.register']);
    for (const action of PERMISSION_ACTIONS) {
      if (open.has(action)) continue;
      assert.equal(can(ANONYMOUS, action).allowed, false, action);
    }
  });

  it('may vote in a poll whose integrity is per device', () => {
    assert.equal(reason(can(ANONYMOUS, 'poll.vote', { integrity: 'device' })), 'allowed');
  });

  it('see results by the poll-visibility rule: at once under always, never before the close under after-close', () => {
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'always' })), 'allowed');
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'after-vote' })), 'results-hidden');
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'after-close' })), 'results-hidden');
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'moderators' })), 'moderators-only');
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'moderators', status: 'closed' })), 'allowed');
  });
});

describe('poll voter lists and vote removal', () => {
  it('lists who voted what only for public polls, to members', () => {
    assert.equal(reason(can(ANONYMOUS, 'poll.votes', { voters: 'public' })), 'sign-in-required');
    assert.equal(reason(can(guest, 'poll.votes', { voters: 'public' })), 'members-only');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public' })), 'allowed');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'secret' })), 'voters-hidden');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'anonymous' })), 'voters-hidden');
  });

  it('lists voters only to whoever may see the results now: the list is the results ballot by ballot', () => {
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public', results: 'after-vote' })), 'results-hidden');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public', results: 'after-vote', voted: true })), 'allowed');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public', results: 'after-close', voted: true })), 'results-hidden');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public', results: 'after-close', status: 'closed' })), 'allowed');
    assert.equal(reason(can(ada, 'poll.votes', { voters: 'public', results: 'moderators', voted: true })), 'moderators-only');
    assert.equal(reason(can(mod, 'poll.votes', { voters: 'public', results: 'moderators' })), 'allowed');
  });

  it('takes a vote back only where the poll allows changing it, and only while open', () => {
    assert.equal(reason(can(ada, 'poll.remove-vote', { allowChange: true })), 'allowed');
    assert.equal(reason(can(ada, 'poll.remove-vote', { allowChange: false })), 'change-not-allowed');
    assert.equal(reason(can(ada, 'poll.remove-vote', { allowChange: true, status: 'closed' })), 'closed');
  });
});

describe('guests', () => {
  it('post comments, ask and answer when the site allows guests', () => {
    assert.equal(reason(can(guest, 'comment.post')), 'allowed');
    assert.equal(reason(can(guest, 'qa.ask', { guests: true })), 'allowed');
    assert.equal(reason(can(guest, 'qa.answer')), 'allowed');
  });

  it('are refused posting where the site does not take guests', () => {
    assert.equal(reason(can(guest, 'comment.post', { guests: false })), 'guests-not-allowed');
  });

  it('need an account to react, report or vote', () => {
    assert.equal(reason(can(guest, 'comment.react')), 'members-only');
    assert.equal(reason(can(guest, 'comment.report')), 'members-only');
    assert.equal(reason(can(guest, 'qa.vote')), 'members-only');
    assert.equal(reason(can(guest, 'poll.vote', { integrity: 'member' })), 'members-only');
  });

  it('edit their own comment but not another guest’s', () => {
    assert.equal(reason(can(guest, 'comment.edit', { authorId: 'g1' })), 'allowed');
    assert.equal(reason(can(guest, 'comment.edit', { authorId: 'g2' })), 'not-owner');
  });
});

describe('editing comments', () => {
  it('lets a member edit their own comment within the edit window', () => {
    assert.equal(reason(can(ada, 'comment.edit', adasComment)), 'allowed');
  });

  it('refuses an edit after the 15-minute edit window', () => {
    assert.equal(reason(can(ada, 'comment.edit', { ...adasComment, createdAt: minutesAgo(16) })), 'edit-window-passed');
  });

  it('honours a site-specific edit window', () => {
    const decision = can(ada, 'comment.edit', { ...adasComment, createdAt: minutesAgo(16), editWindowMs: 60 * 60_000 });
    assert.equal(reason(decision), 'allowed');
  });

  it('refuses editing someone else’s comment, even for a moderator', () => {
    assert.equal(reason(can(bo, 'comment.edit', adasComment)), 'not-owner');
    assert.equal(reason(can(mod, 'comment.edit', adasComment)), 'not-owner');
  });

  it('lets an admin edit anyone’s comment at any time, but not a deleted one', () => {
    assert.equal(reason(can(admin, 'comment.edit', { ...adasComment, createdAt: minutesAgo(600) })), 'allowed');
    assert.equal(reason(can(admin, 'comment.edit', { ...adasComment, deleted: true })), 'deleted');
  });

  it('refuses editing in a locked thread', () => {
    assert.equal(reason(can(ada, 'comment.edit', { ...adasComment, locked: true })), 'locked');
  });

  it('answers "could ever" when no comment is given', () => {
    assert.equal(reason(can(ada, 'comment.edit')), 'allowed');
  });
});

describe('deleting, reacting and reporting', () => {
  it('lets an author delete their own comment after the edit window', () => {
    assert.equal(reason(can(ada, 'comment.delete', { ...adasComment, createdAt: minutesAgo(600) })), 'allowed');
  });

  it('lets a moderator delete anyone’s comment, also in a locked thread', () => {
    assert.equal(reason(can(mod, 'comment.delete', { ...adasComment, locked: true })), 'allowed');
    assert.equal(reason(can(bo, 'comment.delete', adasComment)), 'not-owner');
  });

  it('refuses reacting to a deleted comment', () => {
    assert.equal(reason(can(bo, 'comment.react', { authorId: 'ada', deleted: true })), 'deleted');
  });

  it('refuses reporting one’s own comment', () => {
    assert.equal(reason(can(ada, 'comment.report', adasComment)), 'own-content');
    assert.equal(reason(can(bo, 'comment.report', adasComment)), 'allowed');
  });
});

describe('locked threads', () => {
  it('refuses new comments from members but lets moderators post', () => {
    assert.equal(reason(can(ada, 'comment.post', { locked: true })), 'locked');
    assert.equal(reason(can(mod, 'comment.post', { locked: true })), 'allowed');
  });

  it('tells a visitor that the thread is closed, not that signing in would let them post or react', () => {
    assert.equal(reason(can(ANONYMOUS, 'comment.post', { locked: true })), 'locked');
    assert.equal(reason(can(ANONYMOUS, 'comment.react', { ...adasComment, locked: true })), 'locked');
  });

  it('lets only moderators lock threads and boards', () => {
    assert.equal(reason(can(ada, 'thread.lock')), 'moderators-only');
    assert.equal(reason(can(mod, 'thread.lock')), 'allowed');
    assert.equal(reason(can(admin, 'board.lock')), 'allowed');
  });
});

describe('visibility of moderated content', () => {
  it('shows a pending comment to its author and moderators only', () => {
    const pending = { authorId: 'ada', status: 'pending' as const };
    assert.equal(reason(can(ada, 'comment.read', pending)), 'allowed');
    assert.equal(reason(can(bo, 'comment.read', pending)), 'not-visible');
    assert.equal(reason(can(mod, 'comment.read', pending)), 'allowed');
  });

  it('shows hidden content to moderators only, not even its author', () => {
    const hidden = { authorId: 'ada', status: 'hidden' as const };
    assert.equal(reason(can(ada, 'qa.read', hidden)), 'not-visible');
    assert.equal(reason(can(admin, 'qa.read', hidden)), 'allowed');
  });
});

describe('polls', () => {
  it('refuses votes on a closed poll or after its closing time', () => {
    assert.equal(reason(can(ada, 'poll.vote', { status: 'closed' })), 'closed');
    assert.equal(reason(can(ada, 'poll.vote', { closesAt: minutesAgo(1), now: NOW })), 'closed');
    assert.equal(reason(can(ada, 'poll.vote', { closesAt: minutesAgo(-1), now: NOW })), 'allowed');
  });

  it('refuses a second vote unless the poll allows changing it', () => {
    assert.equal(reason(can(ada, 'poll.vote', { voted: true })), 'already-voted');
    assert.equal(reason(can(ada, 'poll.vote', { voted: true, allowChange: true })), 'allowed');
  });

  it('shows after-vote results to voters, and to everyone once closed', () => {
    assert.equal(reason(can(ada, 'poll.results', { results: 'after-vote', voted: false })), 'results-hidden');
    assert.equal(reason(can(ada, 'poll.results', { results: 'after-vote', voted: true })), 'allowed');
    assert.equal(reason(can(ANONYMOUS, 'poll.results', { results: 'after-vote', status: 'closed' })), 'allowed');
  });

  it('shows after-close and moderator-only results to moderators at any time', () => {
    assert.equal(reason(can(ada, 'poll.results', { results: 'after-close', voted: true })), 'results-hidden');
    assert.equal(reason(can(ada, 'poll.results', { results: 'moderators' })), 'moderators-only');
    assert.equal(reason(can(mod, 'poll.results', { results: 'moderators' })), 'allowed');
  });

  it('lets only moderators create and close polls', () => {
    assert.equal(reason(can(ada, 'poll.close')), 'moderators-only');
    assert.equal(reason(can(mod, 'poll.create')), 'allowed');
  });
});

describe('Q&A', () => {
  it('lets the asker or a moderator accept an answer, nobody else', () => {
    assert.equal(reason(can(ada, 'qa.accept', { questionAuthorId: 'ada' })), 'allowed');
    assert.equal(reason(can(bo, 'qa.accept', { questionAuthorId: 'ada' })), 'not-owner');
    assert.equal(reason(can(mod, 'qa.accept', { questionAuthorId: 'ada' })), 'allowed');
  });

  it('refuses voting on one’s own question or answer', () => {
    assert.equal(reason(can(ada, 'qa.vote', { authorId: 'ada' })), 'own-content');
    assert.equal(reason(can(bo, 'qa.vote', { authorId: 'ada' })), 'allowed');
  });

  it('refuses new questions on a locked board', () => {
    assert.equal(reason(can(ada, 'qa.ask', { locked: true })), 'locked');
  });
});

describe('moderation and administration', () => {
  it('lets moderators work the queue and members not', () => {
    for (const action of ['moderation.queue', 'moderation.approve', 'moderation.hide', 'moderation.pin'] as const) {
      assert.equal(reason(can(mod, action)), 'allowed', action);
      assert.equal(reason(can(ada, action)), 'moderators-only', action);
    }
  });

  it('lets only admins assign roles', () => {
    assert.equal(reason(can(mod, 'roles.assign')), 'admins-only');
    assert.equal(reason(can(admin, 'roles.assign')), 'allowed');
  });

  it('lets an admin do everything a moderator may', () => {
    for (const action of PERMISSION_ACTIONS) {
      if (can(mod, action).allowed) assert.equal(can(admin, action).allowed, true, action);
    }
  });
});
