import type { CommentRecord, CommentRules, ThreadSettings } from '../../domain/comments.js';
import type { Author, ReportInput } from '../contract.js';
import type { Slice } from './database.js';
import type { MemorySeed, SeedComment } from './seed.js';

export interface StoredReport {
  by: string;
  reason: ReportInput['reason'];
  note?: string;
  at: string;
}

/** The comments family's data in a namespace: threads, comments, open reports and the site's rules. */
export interface CommentsState {
  rules: CommentRules;
  /** Settings of threads that have their own (others have the defaults). */
  threads: Record<string, Partial<ThreadSettings>>;
  /** A plain object (ten thousand keys fill it faster than a prototype-less one); read it with `own`. */
  comments: Record<string, CommentRecord>;
  /** Open reports by comment id; settled by approving or hiding. */
  reports: Record<string, StoredReport[]>;
  /** The latest `createdAt` handed out (ms), so comments posted in one millisecond keep their order. */
  clock: number;
}

/** Objects keyed by user-chosen ids: without a prototype, so an id like `__proto__` is just a key. */
export function dictionary<T>(entries?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

// Seeds may give a count instead of people; these stand-ins are shared between comments.
const standIns: string[] = [];
function madeUpPeople(count: number): readonly string[] {
  while (standIns.length < count) standIns.push(`seed-person-${standIns.length + 1}`);
  return standIns.slice(0, Math.max(0, Math.floor(count)));
}

const copyAuthor = (author: Author): Author => ({ ...author, ...(author.roles ? { roles: [...author.roles] } : {}) });

/** Authors by id, copied once: ten thousand seeded comments of six people share six objects. */
function authorsOf(seed: MemorySeed): (author: string | Author) => Author {
  const people = new Map((seed.people ?? []).map((person) => [person.id, copyAuthor(person)]));
  return (author) => {
    if (typeof author !== 'string') return copyAuthor(author);
    let known = people.get(author);
    if (!known) people.set(author, (known = { id: author, name: author }));
    return known;
  };
}

function fromSeedComment(seed: SeedComment, authorOf: (author: string | Author) => Author): CommentRecord {
  const author = authorOf(seed.author);
  const reactions: Record<string, readonly string[]> = {};
  for (const [key, value] of Object.entries(seed.reactions ?? {})) {
    const who = typeof value === 'number' ? madeUpPeople(value) : [...value];
    if (who.length > 0) reactions[key] = who;
  }
  return {
    id: seed.id,
    thread: seed.thread,
    parentId: seed.parentId ?? null,
    author,
    body: seed.deleted ? '' : seed.body,
    createdAt: canonical(seed.createdAt),
    editedAt: seed.editedAt ?? null,
    deleted: seed.deleted === true,
    status: seed.status ?? 'published',
    pinned: seed.pinned === true && (seed.parentId ?? null) === null,
    score: seed.score ?? 0,
    reactions,
  };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const canonical = (date: string) => (ISO_UTC.test(date) ? date : new Date(date).toISOString());

// Comment ids are ours or the seed's; only this one would not be a plain key of a plain object.
const usableId = (id: string) => id !== '__proto__';

function fromSeed(seed: MemorySeed): CommentsState {
  const authorOf = authorsOf(seed);
  const state: CommentsState = {
    rules: structuredClone(seed.commentRules ?? {}),
    threads: dictionary(),
    comments: {},
    reports: dictionary(),
    clock: 0,
  };
  for (const { id, ...settings } of seed.threads ?? []) state.threads[id] = { ...state.threads[id], ...structuredClone(settings) };
  for (const comment of seed.comments ?? []) {
    if (!usableId(comment.id)) continue;
    const record = fromSeedComment(comment, authorOf);
    state.comments[record.id] = record;
    state.clock = Math.max(state.clock, Date.parse(record.createdAt));
  }
  for (const { commentId, by, reason, note, at } of seed.reports ?? []) {
    const reports = (state.reports[commentId] ??= []);
    reports.push({ by, reason, ...(note === undefined ? {} : { note }), at: at ?? new Date(state.clock || Date.now()).toISOString() });
  }
  return state;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isRecord(value: unknown): value is CommentRecord {
  const record = value as Partial<CommentRecord> | null;
  return (
    typeof record?.id === 'string' &&
    typeof record.thread === 'string' &&
    (record.parentId === null || typeof record.parentId === 'string') &&
    isObject(record.author) &&
    typeof record.author.id === 'string' &&
    typeof record.body === 'string' &&
    typeof record.createdAt === 'string' &&
    typeof record.deleted === 'boolean' &&
    (record.status === 'published' || record.status === 'pending' || record.status === 'hidden') &&
    isObject(record.reactions)
  );
}

function revive(stored: unknown): CommentsState | undefined {
  if (!isObject(stored) || !isObject(stored.comments) || !isObject(stored.threads) || !isObject(stored.reports)) return undefined;
  const comments: Record<string, CommentRecord> = {};
  for (const [id, record] of Object.entries(stored.comments)) if (usableId(id) && isRecord(record) && record.id === id) comments[id] = record;
  const reports = dictionary<StoredReport[]>();
  for (const [id, list] of Object.entries(stored.reports)) if (Array.isArray(list)) reports[id] = list as StoredReport[];
  return {
    rules: isObject(stored.rules) ? (stored.rules as CommentRules) : {},
    threads: dictionary(stored.threads as Record<string, Partial<ThreadSettings>>),
    comments,
    reports,
    clock: typeof stored.clock === 'number' ? stored.clock : 0,
  };
}

export const commentsSlice: Slice<CommentsState> = { key: 'comments', initial: fromSeed, revive };

/** The next `createdAt`: now, or just after the latest one if the clock has not moved on. */
export function nextTimestamp(state: CommentsState): string {
  state.clock = Math.max(Date.now(), state.clock + 1);
  return new Date(state.clock).toISOString();
}
