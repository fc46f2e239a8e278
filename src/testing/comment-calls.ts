import { topics, type AdapterWith, type Comment, type CommentSort, type ListCommentsRequest, type PleinAdapter, type PostCommentInput } from '../adapters/contract.js';
import { AdapterError, type AdapterErrorCode } from '../adapters/errors.js';
import { check, checkEqual, fail, rejection, show } from './assert.js';
import { record, type Recording } from './events.js';
import type { KitTest } from './harness.js';
import { kitThreads } from './threads.js';

const COMMENT_METHODS = ['getThread', 'listComments', 'getComment', 'postComment', 'editComment', 'deleteComment'] as const;

/** The adapter's comment methods; fails clearly when one is missing (defineAdapter is checked elsewhere). */
export function comments(adapter: PleinAdapter): AdapterWith<'comments'> {
  for (const method of COMMENT_METHODS) {
    if (typeof adapter[method] !== 'function') fail(`The adapter declares comments but has no ${method} method.`);
  }
  return adapter as AdapterWith<'comments'>;
}

export function reactions(adapter: PleinAdapter): AdapterWith<'reactions'> {
  if (typeof adapter.react !== 'function') fail('The adapter declares reactions but has no react method.');
  return adapter as AdapterWith<'reactions'>;
}

export function reports(adapter: PleinAdapter): AdapterWith<'reports'> {
  if (typeof adapter.report !== 'function') fail('The adapter declares reports but has no report method.');
  return adapter as AdapterWith<'reports'>;
}

export function moderation(adapter: PleinAdapter): AdapterWith<'moderation'> {
  for (const method of ['listModerationQueue', 'moderate', 'lock'] as const) {
    if (typeof adapter[method] !== 'function') fail(`The adapter declares moderation but has no ${method} method.`);
  }
  return adapter as AdapterWith<'moderation'>;
}

/** Posts on the kit's open thread unless `extra.thread` says otherwise. */
export function post(adapter: PleinAdapter, body: string, extra: Partial<PostCommentInput> = {}): Promise<Comment> {
  return comments(adapter).postComment({ thread: kitThreads.open, body, ...extra });
}

/** Several comments, one after the other, so their order in time is the order given. */
export async function postAll(adapter: PleinAdapter, bodies: string[], extra: Partial<PostCommentInput> = {}): Promise<Comment[]> {
  const posted: Comment[] = [];
  for (const body of bodies) {
    // A millisecond apart at least: comments posted in the same one tie on time, and an order
    // that breaks the tie wrongly would then pass or fail by chance.
    if (posted.length > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    posted.push(await post(adapter, body, extra));
  }
  return posted;
}

export const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** Every page of a list, following cursors; fails when the pages never end. */
export async function listAll(
  adapter: PleinAdapter,
  request: ListCommentsRequest,
  options: { maxPages: number; between?: (page: number) => Promise<void> },
): Promise<Comment[][]> {
  const pages: Comment[][] = [];
  let cursor: string | null = null;
  do {
    if (pages.length >= options.maxPages) {
      fail(`Paging did not end after ${options.maxPages} pages (${show(pages.map(ids))}): does the adapter follow the cursor?`);
    }
    const page = await comments(adapter).listComments({ ...request, cursor });
    check(Array.isArray(page?.items), `listComments should return { items, cursor }, got ${show(page)}.`);
    check(page.cursor === null || typeof page.cursor === 'string', `The cursor should be a string or null, got ${show(page.cursor)}.`);
    pages.push(page.items);
    cursor = page.cursor;
    if (cursor !== null) await options.between?.(pages.length);
  } while (cursor !== null);
  return pages;
}

/** The first page (enough for the small lists of the kit). */
export async function listed(adapter: PleinAdapter, request: Partial<ListCommentsRequest> = {}): Promise<Comment[]> {
  const page = await comments(adapter).listComments({ thread: kitThreads.open, limit: 100, ...request });
  check(Array.isArray(page?.items), `listComments should return { items, cursor }, got ${show(page)}.`);
  return page.items;
}

/** Rejects with an AdapterError of `code` (with a problem on `field`, for `invalid`). */
export async function refused(work: Promise<unknown>, code: AdapterErrorCode, what: string, field?: string): Promise<AdapterError> {
  const error = await rejection(work, what);
  check(AdapterError.is(error), `${what} should reject with an AdapterError "${code}", got ${show(error)}.`);
  checkEqual(error.code, code, `The error code of ${what}`);
  if (field !== undefined) {
    check(error.fields?.[field] !== undefined, `${what}: error.fields.${field} should explain the problem, got fields ${show(error.fields)}.`);
  }
  return error;
}

/** Fails unless the factory set up the kit's thread with this setting (see `FactoryContext.threads`). */
export async function expectFixture(t: KitTest, fixture: 'premoderated' | 'guests'): Promise<void> {
  const thread = await comments(await t.open(null)).getThread(kitThreads[fixture]);
  check(
    thread?.[fixture] === true,
    `The thread "${kitThreads[fixture]}" should have ${fixture}: true; the factory sets it up from context.threads ` +
      `(the memory adapter: seed: { threads }). getThread gave ${show(thread)}.`,
  );
}

const rank = (comment: Comment) => comment.score + comment.reactions.reduce((sum, reaction) => sum + reaction.count, 0);
const time = (comment: Comment) => Date.parse(comment.createdAt);

/**
 * Fails unless each comment may come before the next in `sort`: pinned first, then newest or
 * oldest first, or (top) the higher score plus reactions, the earlier on a tie. Ties in time may
 * come in either order, since the contract leaves them to the backend.
 */
const ORDERS: Record<CommentSort, string> = {
  newest: 'pinned first, then newest first',
  oldest: 'pinned first, then oldest first',
  top: 'pinned first, then the highest score; an equal score oldest first',
};

export function checkSorted(items: readonly Comment[], sort: CommentSort, what: string): void {
  for (let index = 1; index < items.length; index++) {
    const a = items[index - 1]!;
    const b = items[index]!;
    const pinned = Number(b.pinned) - Number(a.pinned);
    const order =
      pinned ||
      (sort === 'newest' ? time(b) - time(a) : sort === 'oldest' ? time(a) - time(b) : rank(b) - rank(a) || time(a) - time(b));
    check(order <= 0, `${what}: ${show(a.id)} came before ${show(b.id)}, which is not the "${sort}" order (${ORDERS[sort]}) (${show(items.map((item) => ({ id: item.id, pinned: item.pinned, createdAt: item.createdAt, rank: rank(item) })))}).`);
  }
}

/**
 * Reads the thread, then records its events: the contract promises delivery from the adapter's
 * latest read of a topic, not from a bare subscribe (a remote stream may still be connecting).
 */
export async function listenToThread(adapter: PleinAdapter, thread: string): Promise<Recording> {
  await comments(adapter).getThread(thread);
  return record(adapter, topics.thread(thread));
}
