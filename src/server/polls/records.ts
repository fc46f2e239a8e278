/**
 * Stored polls as the domain's `PollRecord`, definitions as stored JSON, and the canonical key
 * an `anonymous` poll counts identical ballots under.
 */
import type { PollDefinition } from '../../adapters/contract.js';
import { closingTime } from '../../domain/closing-time.js';
import type { PollDefinitionInput } from '../../domain/poll-definition.js';
import type { PollRecord, StoredBallot } from '../../domain/poll-steps.js';
import type { PollRow } from '../store/types.js';

/** The definition fields a poll stores, in a fixed order; anything else a client sent is dropped. */
const DEFINITION_FIELDS = [
  'type',
  'question',
  'options',
  'results',
  'voters',
  'integrity',
  'min',
  'max',
  'scale',
  'correct',
  'explanation',
  'closesAt',
  'allowChange',
] as const;

/**
 * The definition's fields in one order, objects included: PostgreSQL's JSONB keeps keys in an
 * order of its own, and a poll should read back the way it was written on either database.
 */
export function storedDefinition(definition: Omit<PollDefinitionInput, 'id'>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const field of DEFINITION_FIELDS) {
    const value = definition[field];
    if (value === undefined) continue;
    if (field === 'options') stored[field] = definition.options.map(({ value: v, label }) => ({ value: v, label }));
    else if (field === 'scale' && definition.scale) stored[field] = { min: definition.scale.min, max: definition.scale.max, step: definition.scale.step };
    // One form for one instant; a row stored before the rule was strict keeps what it holds.
    else if (field === 'closesAt') stored[field] = closingTime(value) ?? value;
    else stored[field] = value;
  }
  return stored;
}

export function recordOf(row: PollRow): PollRecord {
  return {
    ...(storedDefinition(row.definition as unknown as Omit<PollDefinitionInput, 'id'>) as unknown as Omit<PollDefinition, 'id'>),
    id: row.id,
    authorId: row.authorId,
    closed: row.closed,
    createdAt: row.createdAt,
  } as PollRecord;
}

/**
 * The same ballot content always gives the same key: choices of a set (`single`, `multiple`,
 * `quiz`) sorted, a ranking in its order, a rating as its number.
 */
export function ballotKey(poll: Pick<PollRecord, 'type'>, ballot: StoredBallot): string {
  if ('rating' in ballot) return JSON.stringify({ rating: ballot.rating });
  const choices = poll.type === 'ranked' ? [...ballot.choices] : [...ballot.choices].sort();
  return JSON.stringify({ choices });
}

export function ballotFromKey(key: string): StoredBallot {
  return JSON.parse(key) as StoredBallot;
}

/** Only the field the poll's type counts, so nothing else a client sent is stored with it. */
export function cleanBallot(poll: Pick<PollRecord, 'type'>, ballot: StoredBallot): StoredBallot {
  return poll.type === 'rating' ? { rating: (ballot as { rating: number }).rating } : { choices: [...(ballot as { choices: string[] }).choices] };
}
