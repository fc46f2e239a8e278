/**
 * The public list of who voted what (`voters: 'public'` polls, for members and moderators who may
 * see the results now), oldest first, keyset-paginated on (voted at, voter) so new ballots never shift a later page.
 */
import type { Author, Page, PageRequest, PollVote } from '../../adapters/contract.js';
import { cursorRefusal, notFound, proceed } from '../../adapters/refusals.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../domain/cursor.js';
import { clampPageSize } from '../../domain/limits.js';
import { commentAuthor } from '../../domain/comments-steps.js';
import { planListVotes, type StoredBallot } from '../../domain/poll-steps.js';
import type { UserRecord } from '../store/types.js';
import type { PollContext } from './context.js';
import { loadPoll, participation } from './reading.js';
import { voterKeyOf } from './voters.js';

const scopeOf = (poll: string) => `poll-votes:${poll}`;

function afterOf(cursor: string | null | undefined, poll: string): { votedAt: string; voterKey: string } | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const key = decodeCursor(cursor, scopeOf(poll)) as { t?: unknown; k?: unknown };
    if (typeof key.t !== 'string' || typeof key.k !== 'string') throw new InvalidCursorError();
    return { votedAt: key.t, voterKey: key.k };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

function authorOf(id: string, user: UserRecord | undefined): Author {
  // An erased member stays a nameless entry: the ballot still counts.
  if (!user || user.deletedAt !== null) return { id, name: '' };
  return commentAuthor(user);
}

export async function listPollVotes(context: PollContext, id: string, request: PageRequest): Promise<Page<PollVote>> {
  const poll = await loadPoll(context.store, context.site.id, id);
  if (!poll) throw notFound('The poll');
  const { actor } = context.identity;
  // The list is the results ballot by ballot: it follows the results rule, which asks whether the viewer voted.
  const mine = await participation(context.store, context.site.id, poll, voterKeyOf(poll, context.site, actor, context.device));
  proceed(planListVotes(poll, { actor, voted: mine.voted, now: context.now() }));
  const limit = clampPageSize(request.limit);
  const rows = await context.store.listPollBallots(context.site.id, id, { after: afterOf(request.cursor, id), limit: limit + 1 });
  const page = rows.slice(0, limit);
  const users = new Map((await context.store.listUsers(context.site.id, page.map((row) => row.voterKey))).map((user) => [user.id, user]));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ voter: authorOf(row.voterKey, users.get(row.voterKey)), ballot: row.ballot as StoredBallot, votedAt: row.votedAt })),
    cursor: rows.length > limit && last ? encodeCursor(scopeOf(id), { t: last.votedAt, k: last.voterKey }) : null,
  };
}
