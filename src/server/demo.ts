/**
 * First run with no site at all: a `demo` site for the demo pages (origins the local server's
 * own, guests welcome) and a little conversation on the `welcome` thread the demo pages show.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { hmacKey } from './auth/keys.js';
import type { CommentRow, PleinStore, SiteRecord, UserRecord } from './store/types.js';

const MINUTE = 60_000;

const PEOPLE: { id: string; name: string; roles: UserRecord['roles'] }[] = [
  { id: 'demo-sam', name: 'Sam Jansen', roles: ['member', 'admin'] },
  { id: 'demo-ada', name: 'Ada Okafor', roles: ['member'] },
  { id: 'demo-noor', name: 'Noor Haddad', roles: ['member', 'moderator'] },
  { id: 'demo-kees', name: 'Kees de Vries', roles: ['member'] },
];

const CONVERSATION: { id: string; parentId?: string; author: string; minutesAgo: number; body: string; pinned?: boolean }[] = [
  {
    id: 'welcome-1',
    author: 'demo-sam',
    minutesAgo: 2 * 24 * 60,
    pinned: true,
    body:
      'Welcome to the **Plein** demo, served by the Plein server itself. What you post here is stored in ' +
      '`.plein-data/plein.sqlite` and reaches every open tab at once.\n\nComments take a little Markdown: ' +
      '*emphasis*, `code`, [links](https://example.org) and\n\n> quotes',
  },
  { id: 'welcome-2', parentId: 'welcome-1', author: 'demo-ada', minutesAgo: 26 * 60, body: 'Open this page in two windows and post in one of them.' },
  { id: 'welcome-3', parentId: 'welcome-2', author: 'demo-noor', minutesAgo: 20 * 60, body: 'It shows up in the other one without a reload.' },
  { id: 'welcome-4', author: 'demo-kees', minutesAgo: 90, body: 'No account needed: pick a name and post as a guest.' },
];

export function demoSite(origins: string[], now: number): SiteRecord {
  return {
    id: 'demo',
    name: 'Plein demo',
    origins,
    secret: randomBytes(32).toString('base64url'),
    jwt: { algorithms: ['HS256'] },
    guests: true,
    premoderation: false,
    bannedWords: [],
    bannedWordsAction: 'pending',
    maxLinks: 5,
    createdAt: new Date(now).toISOString(),
  };
}

/** Creates the demo site and content when the store has no site yet; returns whether it did. */
export async function seedDemo(store: PleinStore, options: { origins: string[]; now?: number }): Promise<boolean> {
  if ((await store.listSites()).length > 0) return false;
  const now = options.now ?? Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
  await store.transaction(async (tx) => {
    await tx.putSite(demoSite(options.origins, now));
    for (const person of PEOPLE) {
      await tx.upsertUser({ siteId: 'demo', ...person, avatarUrl: null, guest: false, createdAt: at(3 * 24 * 60), deletedAt: null });
    }
    await tx.putThread({ siteId: 'demo', id: 'welcome', locked: false, premoderated: null, guests: true, ownerId: 'demo-sam', reactions: null, createdAt: at(2 * 24 * 60) });
    for (const entry of CONVERSATION) {
      const row: CommentRow = {
        siteId: 'demo',
        id: entry.id,
        thread: 'welcome',
        parentId: entry.parentId ?? null,
        authorId: entry.author,
        body: entry.body,
        createdAt: at(entry.minutesAgo),
        editedAt: null,
        deletedAt: null,
        status: 'published',
        pinned: entry.pinned === true,
        score: 0,
        ipHash: null,
      };
      await tx.insertComment(row);
    }
    for (const [key, people] of [['👍', ['demo-ada', 'demo-noor', 'demo-kees']], ['🎉', ['demo-ada']]] as const) {
      for (const userId of people) await tx.setReaction('demo', 'welcome-1', userId, key, true);
    }
  });
  return true;
}

/** How long a demo sign-in lasts; the demo pages renew it through `data-token-url`. */
const DEMO_TOKEN_SECONDS = 10 * 60;

/**
 * A member token for one of the demo people, signed with the demo site's secret exactly as a
 * site's backend signs one: the demo pages' "View as" stands in for a site's own sign-in. `null`
 * for anyone else, or when there is no demo site.
 */
export async function demoSignIn(store: PleinStore, personId: string, now = Date.now()): Promise<string | null> {
  const person = PEOPLE.find((candidate) => candidate.id === personId);
  const site = person ? await store.getSite('demo') : null;
  if (!person || !site?.secret) return null;
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ name: person.name, roles: person.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(site.id)
    .setSubject(person.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + DEMO_TOKEN_SECONDS)
    .sign(await hmacKey(site));
}
