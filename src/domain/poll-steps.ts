/**
 * The steps of each poll operation as pure functions, and the one view every backend answers
 * with. The memory adapter and the server both take these steps and differ only in how they
 * store ballots (the server keeps no voter→option link for anonymous polls) and how they know a
 * device; a refusal comes back as a value for each to turn into its own error.
 */
import type { Refusal, Step } from './comments-steps.js';
import { validateBallot } from './ballot.js';
import { closingMillis } from './closing-time.js';
import { can, type Decision } from './permissions.js';
import { validatePollDefinition, type PollDefinitionInput } from './poll-definition.js';
import { canRedefine, type BallotContents } from './poll-redefine.js';
import { tallyPoll, type TallyBallot, type TallyResult } from './poll-tally.js';
import { pollIsClosed, pollViewFor, resultsWithheldUntil } from './poll-visibility.js';
import { isAdmin, type Actor } from './roles.js';

type Moment = string | number | Date;

/** A stored definition: the page's or API's definition plus what the backend adds to it. */
export interface PollRecord extends PollDefinitionInput {
  type: 'single' | 'multiple' | 'rating' | 'ranked' | 'quiz';
  results: 'always' | 'after-vote' | 'after-close' | 'moderators';
  voters: 'public' | 'secret' | 'anonymous';
  integrity: 'member' | 'device';
  options: { value: string; label: string }[];
  correct?: string[];
  authorId: string | null;
  /** Closed by a moderator (a passed `closesAt` closes it without this flag). */
  closed: boolean;
  createdAt: string;
}

/** A ballot as stored and returned (the contract's `Ballot`). */
export type StoredBallot = { choices: string[] } | { rating: number };

/** What the backend knows about the acting viewer and this poll. */
export interface PollViewer {
  actor: Actor;
  /** This member (or this device, under `device` integrity) has a ballot in the poll. */
  voted: boolean;
  /** Their ballot, where the backend keeps the link; `null` otherwise. */
  myBallot: StoredBallot | null;
  now?: Moment;
}

const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

function denied(decision: Decision): { ok: false; refusal: Refusal } | null {
  return decision.allowed ? null : refuse({ kind: 'denied', decision });
}

const factsOf = (poll: PollRecord, viewer: Pick<PollViewer, 'voted' | 'now'>) => ({
  authorId: poll.authorId,
  voters: poll.voters,
  status: poll.closed ? ('closed' as const) : ('open' as const),
  closesAt: poll.closesAt ?? null,
  integrity: poll.integrity,
  results: poll.results,
  voted: viewer.voted,
  allowChange: poll.allowChange === true,
  ...(viewer.now === undefined ? {} : { now: viewer.now }),
});

// ---------------------------------------------------------------------------------------------
// Registering a declarative definition

export interface RegisterPlan {
  /** `false` when the stored definition already says the same. */
  store: boolean;
  /** Fields that change; an admin changing a poll with ballots is worth an audit entry. */
  changes: string[];
  audit: boolean;
}

/** `NaN` for a closing time that cannot be read, so it never equals a stored one. */
const closingMoment = (closesAt: unknown): number | null => (closesAt === undefined || closesAt === null ? null : closingMillis(closesAt));

/**
 * A definition from a page or the API: checked as new when nothing is stored, else compared with
 * the stored one under `canRedefine`, and changed only by its author or a moderator when it has
 * one. A closing time may not be set in the past, on a new poll or by a change; one that has
 * passed since it was set is no change.
 */
export function planRegister(
  existing: PollRecord | undefined,
  incoming: PollDefinitionInput,
  facts: { actor: Actor; ballots: number; held?: BallotContents; now?: Moment },
): Step<RegisterPlan> {
  const permission = denied(can(facts.actor, 'poll.register'));
  if (permission) return permission;
  const closingTimeSetNow = existing === undefined || closingMoment(existing.closesAt) !== closingMoment(incoming.closesAt);
  const issues = validatePollDefinition(incoming, { closingTimeSetNow, ...(facts.now === undefined ? {} : { now: facts.now }) });
  if (Object.keys(issues).length > 0) return refuse({ kind: 'invalid', issues });
  if (existing === undefined) return { ok: true, store: true, changes: [], audit: false };
  const decision = canRedefine(existing, incoming, {
    votes: facts.ballots,
    actorIsAdmin: isAdmin(facts.actor),
    ...(facts.held === undefined ? {} : { held: facts.held }),
  });
  if (decision.reason === 'unchanged') return { ok: true, store: false, changes: [], audit: false };
  // Whose poll it is comes before whether it may change at all: a stranger hears 403, not "frozen".
  const owner = decision.reason === 'different-poll' ? null : denied(can(facts.actor, 'poll.register', { authorId: existing.authorId }));
  if (owner) return owner;
  if (decision.allowed) return { ok: true, store: true, changes: decision.changes, audit: decision.reason === 'admin' };
  const message: Record<typeof decision.reason, string> = {
    'different-poll': 'This definition is for another poll.',
    frozen: `This poll has votes, so its definition is frozen (changed: ${decision.changes.join(', ')}).`,
    'voters-locked': 'Voters were promised a voter visibility; make a new poll to change it.',
    'type-locked': 'The stored ballots fit this poll type; make a new poll to change it.',
    'option-held': `Ballots choose the option "${decision.value}": keep its value (its label may change), or make a new poll.`,
    'rating-held': `Ballots give the rating ${decision.value}: keep it on the scale, or make a new poll.`,
  };
  return refuse({ kind: 'conflict', message: message[decision.reason] });
}

// ---------------------------------------------------------------------------------------------
// Voting

/** Permission (open, allowed to vote, not voted yet unless changes are allowed), then the ballot. */
export function planVote(poll: PollRecord, viewer: Pick<PollViewer, 'actor' | 'voted' | 'now'>, ballot: unknown): Step<{ replaces: boolean }> {
  const permission = denied(can(viewer.actor, 'poll.vote', factsOf(poll, viewer)));
  if (permission) return permission;
  const issues = validateBallot(poll, ballot as TallyBallot);
  if (Object.keys(issues).length > 0) return refuse({ kind: 'invalid', issues });
  return { ok: true, replaces: viewer.voted };
}

export function planRemoveVote(poll: PollRecord, viewer: Pick<PollViewer, 'actor' | 'voted' | 'now'>): Step<object> {
  const permission = denied(can(viewer.actor, 'poll.remove-vote', factsOf(poll, viewer)));
  if (permission) return permission;
  if (!viewer.voted) return refuse({ kind: 'conflict', message: 'You have not voted in this poll.' });
  return { ok: true };
}

export function planClose(actor: Actor): Step<object> {
  return denied(can(actor, 'poll.close')) ?? { ok: true };
}

export function planListVotes(poll: PollRecord, viewer: Pick<PollViewer, 'actor' | 'voted' | 'now'>): Step<object> {
  return denied(can(viewer.actor, 'poll.votes', factsOf(poll, viewer))) ?? { ok: true };
}

// ---------------------------------------------------------------------------------------------
// The view

/** The contract's `Poll`, built from domain types so the domain does not depend on the contract. */
export interface PollView extends Omit<PollRecord, 'closed' | 'voters' | 'correct'> {
  voters: PollRecord['voters'];
  correct?: string[];
  status: 'open' | 'closed';
  tally: TallyResult | null;
  resultsWithheldUntil: 'vote' | 'close' | null;
  myBallot: StoredBallot | null;
  voted: boolean;
  ballotCount: number;
  /** `quiz`: whether a ballot holds one option or several, told even while `correct` is withheld. */
  answers?: 'one' | 'several';
}

/**
 * The poll as `viewer` may receive it: counted from `ballots` (every stored ballot; for an
 * anonymous poll the backend stores ballots without their voter), with the tally and quiz
 * answers withheld by the visibility rule. Pass a tally counted once for many viewers as `tally`.
 */
export function pollView(
  poll: PollRecord,
  ballots: readonly TallyBallot[] | { tally: TallyResult; count: number },
  viewer: PollViewer,
): PollView {
  const { closed, ...definition } = poll;
  const now = viewer.now ?? Date.now();
  const status = pollIsClosed({ status: closed ? 'closed' : 'open', closesAt: poll.closesAt ?? null }, now) ? 'closed' : 'open';
  const counted = 'tally' in ballots ? ballots : { tally: tallyPoll(poll, ballots), count: ballots.length };
  const visibilityFacts = { results: poll.results, status, closesAt: poll.closesAt ?? null, authorId: poll.authorId } as const;
  const viewerFacts = { actor: viewer.actor, voted: viewer.voted, now };
  const view: PollView = {
    ...definition,
    status,
    tally: counted.tally,
    resultsWithheldUntil: resultsWithheldUntil(visibilityFacts, viewerFacts),
    myBallot: viewer.myBallot,
    voted: viewer.voted,
    ballotCount: counted.count,
    // The ballot form (radio buttons or checkboxes) needs this before the answers may be shown.
    ...(poll.type === 'quiz' ? { answers: (poll.correct?.length ?? 1) > 1 ? ('several' as const) : ('one' as const) } : {}),
  };
  return pollViewFor(view, viewerFacts);
}
