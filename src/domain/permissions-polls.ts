/**
 * Who may vote in, see the results and voters of, create and close polls. Composed by
 * `permissions.ts`; a poll widget asks `canPoll` directly so its page carries only these rules.
 */
import { ALLOW, all, deny, member, moderator, type Decision, type Instant, type NoFacts, type RuleTable } from './permission-checks.js';
import { pollIsClosed, resultsWithheldUntil } from './poll-visibility.js';
import { isModerator, type Actor } from './roles.js';

export interface PollFacts {
  /** Who made the poll (API-made polls); `null` for declarative polls registered from a page. */
  authorId?: string | null;
  voters?: 'public' | 'secret' | 'anonymous';
  status?: 'open' | 'closed';
  closesAt?: Instant | null;
  integrity?: 'member' | 'device';
  results?: 'always' | 'after-vote' | 'after-close' | 'moderators';
  voted?: boolean;
  allowChange?: boolean;
  now?: Instant;
}

export interface PollResources {
  'poll.vote': PollFacts;
  'poll.results': PollFacts;
  'poll.votes': PollFacts;
  'poll.remove-vote': PollFacts;
  'poll.create': NoFacts;
  /** With the stored poll's author: registering a different definition over it. */
  'poll.register': Pick<PollFacts, 'authorId'>;
  'poll.close': NoFacts;
}

const pollClosed = (poll?: PollFacts): boolean =>
  poll !== undefined && pollIsClosed({ status: poll.status ?? 'open', closesAt: poll.closesAt ?? null }, poll.now ?? Date.now());

/** `device` polls take anonymous visitors and guests (one ballot per device); `member` polls only members. */
const pollVoter = (actor: Actor, poll?: PollFacts) => (poll?.integrity === 'device' ? ALLOW : member(actor));

function vote(actor: Actor, poll?: PollFacts): Decision {
  if (pollClosed(poll)) return deny('closed');
  return all(pollVoter(actor, poll), poll?.voted === true && poll.allowChange !== true ? deny('already-voted') : ALLOW);
}

function removeVote(actor: Actor, poll?: PollFacts): Decision {
  if (pollClosed(poll)) return deny('closed');
  return all(pollVoter(actor, poll), poll !== undefined && poll.allowChange !== true ? deny('change-not-allowed') : ALLOW);
}

/**
 * A page registers its declarative poll (no author) and may change it until the first ballot
 * (`canRedefine` guards it after that). A poll made through the API or CLI was written by its
 * author: a page or visitor must not rewrite its question, options or voter promise under them.
 */
function register(actor: Actor, poll?: Pick<PollFacts, 'authorId'>): Decision {
  const authorId = poll?.authorId ?? null;
  if (authorId === null || isModerator(actor)) return ALLOW;
  return actor.kind === 'member' && actor.id === authorId ? ALLOW : deny('not-owner');
}

/** The rule of `poll-visibility.ts`, which the backends apply to every poll view they answer with. */
function results(actor: Actor, poll?: PollFacts): Decision {
  if (poll === undefined) return ALLOW;
  const withheld = resultsWithheldUntil(
    { results: poll.results ?? 'always', status: poll.status ?? 'open', closesAt: poll.closesAt ?? null, authorId: poll.authorId ?? null },
    { actor, voted: poll.voted === true, ...(poll.now === undefined ? {} : { now: poll.now }) },
  );
  if (withheld === null) return ALLOW;
  return poll.results === 'moderators' && !pollClosed(poll) ? deny('moderators-only') : deny('results-hidden');
}

/**
 * Who voted what is listed only for `public` polls, to members and moderators (the promise the
 * poll made to its voters); `secret` and `anonymous` polls show counts only, to everyone. The list
 * is the results ballot by ballot, so it is listed only to whoever may see the results now.
 */
function votes(actor: Actor, poll?: PollFacts): Decision {
  return all(member(actor), poll === undefined || poll.voters === 'public' ? results(actor, poll) : deny('voters-hidden'));
}

export const POLL_RULES: RuleTable<PollResources> = {
  'poll.vote': vote,
  'poll.results': results,
  'poll.votes': votes,
  'poll.remove-vote': removeVote,
  'poll.create': moderator,
  'poll.register': register,
  'poll.close': moderator,
};

/** `can` for the poll actions alone: the same rules, without the other areas' tables. */
export function canPoll<A extends keyof PollResources>(actor: Actor, action: A, poll?: PollResources[A]): Decision {
  const rule = POLL_RULES[action] as (actor: Actor, facts?: PollResources[A]) => Decision;
  return rule(actor, poll);
}
