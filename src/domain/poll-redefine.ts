/**
 * A declarative poll is registered by the first page that shows it and frozen once it has votes:
 * a later page with a different definition must not change the question under people who
 * already answered it. Only an admin may change a poll with votes, and even an admin may not
 * change two things that would betray those voters or their ballots:
 * - `voters`: people voted under a promise about who may see their choice (secret → public would
 *   expose them; anonymous ballots were stored without the link the other settings need);
 * - `type`: the stored ballots are shaped for it (rankings cannot become ratings).
 * - an option a stored ballot names (anywhere in a ranking): dropping it or changing its value
 *   would leave that ballot pointing at nothing, counted nowhere; its label may change. Likewise
 *   a rating scale must keep every rating a ballot gave.
 * Those need a new poll. Before the first vote anyone whose page registers the poll may change it;
 * a poll with an author (made through the API) only its author and moderators (`poll.register`).
 * Both definitions are expected to have passed `validatePollDefinition` already.
 */
import { validateBallot } from './ballot.js';
import { closingMillis } from './closing-time.js';
import type { PollDefinitionInput } from './poll-definition.js';
import type { TallyBallot, TallyPollType } from './poll-tally.js';

export type RedefineRefusal = 'different-poll' | 'frozen' | 'voters-locked' | 'type-locked' | 'option-held' | 'rating-held';
/** `unchanged`: nothing to store; `no-votes`: free to change; `admin`: an admin changed a poll with votes (worth an audit entry). */
export type RedefineGrant = 'unchanged' | 'no-votes' | 'admin';

export type RedefineDecision =
  | { allowed: true; reason: RedefineGrant; changes: string[] }
  | { allowed: false; reason: RedefineRefusal; changes: string[]; value?: string };

/** What the stored ballots name: each option value chosen or ranked, each rating given. */
export interface BallotContents {
  choices: ReadonlySet<string>;
  ratings: ReadonlySet<number>;
}

export function ballotContents(ballots: Iterable<TallyBallot>): BallotContents {
  const choices = new Set<string>();
  const ratings = new Set<number>();
  for (const ballot of ballots) {
    if ('choices' in ballot && Array.isArray(ballot.choices)) for (const value of ballot.choices) choices.add(value);
    else if ('rating' in ballot && typeof ballot.rating === 'number') ratings.add(ballot.rating);
  }
  return { choices, ratings };
}

export interface RedefineFacts {
  /** Ballots stored for the poll. */
  votes: number;
  actorIsAdmin: boolean;
  /** What those ballots name; without it, no change of options or scale is checked against them. */
  held?: BallotContents;
}

type Comparable = Omit<PollDefinitionInput, 'id'>;

/** Each field, reduced to a form where "not set" and its default compare equal. */
const FIELDS: { [K in keyof Comparable]-?: (definition: PollDefinitionInput) => unknown } = {
  type: (d) => d.type,
  question: (d) => d.question.trim(),
  options: (d) => d.options.map((option) => [option.value, option.label.trim()]),
  results: (d) => d.results,
  voters: (d) => d.voters,
  integrity: (d) => d.integrity,
  min: (d) => d.min ?? null,
  max: (d) => d.max ?? null,
  scale: (d) => (d.scale ? [d.scale.min, d.scale.max, d.scale.step] : null),
  correct: (d) => [...(d.correct ?? [])].sort(),
  explanation: (d) => d.explanation?.trim() ?? '',
  closesAt: (d) => (d.closesAt ? closingMillis(d.closesAt) : null),
  allowChange: (d) => d.allowChange === true,
};

/** The fields whose meaning differs between two definitions, in a fixed order. */
export function definitionChanges(existing: PollDefinitionInput, incoming: PollDefinitionInput): string[] {
  return Object.entries(FIELDS)
    .filter(([, read]) => JSON.stringify(read(existing)) !== JSON.stringify(read(incoming)))
    .map(([field]) => field);
}

export function canRedefine(existing: PollDefinitionInput, incoming: PollDefinitionInput, facts: RedefineFacts): RedefineDecision {
  if (existing.id !== incoming.id) return { allowed: false, reason: 'different-poll', changes: ['id'] };
  const changes = definitionChanges(existing, incoming);
  if (changes.length === 0) return { allowed: true, reason: 'unchanged', changes };
  if (facts.votes <= 0) return { allowed: true, reason: 'no-votes', changes };
  if (!facts.actorIsAdmin) return { allowed: false, reason: 'frozen', changes };
  if (changes.includes('voters')) return { allowed: false, reason: 'voters-locked', changes };
  if (changes.includes('type')) return { allowed: false, reason: 'type-locked', changes };
  const lost = facts.held ? lostBallotContent(incoming, facts.held) : null;
  if (lost) return { allowed: false, ...lost, changes };
  return { allowed: true, reason: 'admin', changes };
}

/** The first option value or rating that stored ballots hold and `incoming` no longer offers. */
function lostBallotContent(incoming: PollDefinitionInput, held: BallotContents): { reason: RedefineRefusal; value: string } | null {
  const offered = new Set(incoming.options.map((option) => option.value));
  for (const value of held.choices) if (!offered.has(value)) return { reason: 'option-held', value };
  if (incoming.type !== 'rating') return null;
  const scale = { type: 'rating' as TallyPollType, options: [], ...(incoming.scale ? { scale: incoming.scale } : {}) };
  for (const rating of held.ratings) if (Object.keys(validateBallot(scale, { rating })).length > 0) return { reason: 'rating-held', value: String(rating) };
  return null;
}
