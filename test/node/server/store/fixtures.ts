import type { CommentRow, SiteRecord, UserRecord } from '../../../../src/server/store/types.js';

export const T0 = Date.parse('2026-11-27T10:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function site(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: 'blog',
    name: 'The Blog',
    origins: ['https://blog.example'],
    secret: 's3cret',
    jwt: { algorithms: ['HS256'] },
    guests: false,
    premoderation: false,
    bannedWords: [],
    bannedWordsAction: 'reject',
    maxLinks: 5,
    createdAt: at(0),
    ...overrides,
  };
}

export function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    siteId: 'blog',
    id: 'ada',
    name: 'Ada',
    avatarUrl: null,
    roles: ['member'],
    guest: false,
    createdAt: at(0),
    deletedAt: null,
    ...overrides,
  };
}

export function comment(overrides: Partial<CommentRow> = {}): CommentRow {
  return {
    siteId: 'blog',
    id: 'c1',
    thread: 'post-1',
    parentId: null,
    authorId: 'ada',
    body: 'Hello',
    createdAt: at(1),
    editedAt: null,
    deletedAt: null,
    status: 'published',
    pinned: false,
    score: 0,
    ipHash: null,
    ...overrides,
  };
}
