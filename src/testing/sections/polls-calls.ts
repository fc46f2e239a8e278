import type { AdapterWith, Ballot, PleinAdapter, Poll, PollDefinition } from '../../adapters/contract.js';
import { check, checkEqual, fail, show } from '../assert.js';
import type { KitTest } from '../harness.js';

const POLL_METHODS = ['getPoll', 'ensurePoll', 'vote', 'removeVote', 'closePoll', 'listPollVotes'] as const;

export const pollNeeds = { capabilities: ['polls'] } as const;

/** The adapter's poll methods; fails clearly when one is missing. */
export function polls(adapter: PleinAdapter): AdapterWith<'polls'> {
  for (const method of POLL_METHODS) {
    if (typeof adapter[method] !== 'function') fail(`The adapter declares polls but has no ${method} method.`);
  }
  return adapter as AdapterWith<'polls'>;
}

let made = 0;

/** A poll id no other test uses, even on a backend whose data outlives the test's namespace. */
export function freshPollId(label: string): string {
  return `plein-kit-${label}-${(++made).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A `single` poll over three cities: secret voters, member integrity, results for everyone. */
export function pollDefinition(label: string, changes: Partial<PollDefinition> = {}): PollDefinition {
  return {
    id: freshPollId(label),
    type: 'single',
    question: 'Where shall we meet next?',
    options: [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam' },
      { value: 'rotterdam', label: 'Rotterdam' },
    ],
    results: 'always',
    voters: 'secret',
    integrity: 'member',
    ...changes,
  };
}

/** Registers `definition` through an adapter acting as `viewer` (anonymous by default) and returns that adapter. */
export async function registered(t: KitTest, definition: PollDefinition, viewer: Parameters<KitTest['open']>[0] = null): Promise<PleinAdapter> {
  const adapter = await t.open(viewer);
  await polls(adapter).ensurePoll(definition);
  return adapter;
}

export const choose = (...choices: string[]): Ballot => ({ choices });

/** The poll `getPoll` gives, failing when there is none. */
export async function pollOf(adapter: PleinAdapter, id: string): Promise<Poll> {
  const poll = await polls(adapter).getPoll(id);
  check(poll !== null && typeof poll === 'object', `getPoll(${show(id)}) should return the poll, got ${show(poll)}.`);
  return poll;
}

/** Keys that would carry results; none may appear anywhere in a poll whose results are withheld. */
const RESULT_KEYS = ['counts', 'rounds', 'average', 'correctShare', 'winner', 'tied'];

function resultKeysIn(value: unknown, path = 'poll'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(RESULT_KEYS.includes(key) ? [`${path}.${key}`] : []),
    ...resultKeysIn(inner, `${path}.${key}`),
  ]);
}

/** The tally is `null` and nothing in the answer (as sent over a wire, too) holds a count. */
export function checkWithheld(poll: Poll, until: 'vote' | 'close', what: string): void {
  checkEqual(poll.tally, null, `${what}: tally`);
  const leaked = resultKeysIn(JSON.parse(JSON.stringify(poll)));
  check(leaked.length === 0, `${what}: results are withheld, yet the poll carries ${leaked.join(', ')}: ${show(poll)}.`);
  checkEqual(poll.resultsWithheldUntil, until, `${what}: resultsWithheldUntil`);
}

/** The tally of a `single` poll is there, with these counts (one ballot each, so they add up to the total). */
export function checkCounts(poll: Poll, counts: Record<string, number>, what: string): void {
  check(poll.tally !== null && typeof poll.tally === 'object', `${what}: the tally should be shown, got ${show(poll.tally)} (resultsWithheldUntil ${show(poll.resultsWithheldUntil)}).`);
  checkEqual(poll.resultsWithheldUntil, null, `${what}: resultsWithheldUntil`);
  for (const [option, count] of Object.entries(counts)) {
    checkEqual(poll.tally.counts?.[option], count, `${what}: the count of ${show(option)}`);
  }
  checkEqual(poll.tally.total, Object.values(counts).reduce((sum, count) => sum + count, 0), `${what}: tally.total`);
}
