import { DEFAULT_REACTIONS, type ThreadSettings } from '../../domain/comments.js';
import type { Author } from '../contract.js';
import { demoPeople, type MemorySeed, type SeedComment } from './seed.js';

export interface SeedThreadOptions {
  thread: string;
  /** Comments to make, replies included. */
  count: number;
  /** Share of comments that reply to an earlier one, 0..1; default 0.3. */
  replyRatio?: number;
  /** Who writes; default the demo people. */
  people?: readonly Author[];
  /** Time of the last comment; default 2026-01-01T12:00:00Z, so the same call gives the same thread. */
  until?: string | Date;
  /** Settings of the thread (pre-moderation, lock, guests, reactions, owner). */
  settings?: Partial<ThreadSettings>;
}

const SENTENCES = [
  'Thanks for writing this up.',
  'I tried this on our own site last week and it worked on the first try.',
  'Could you say more about how this behaves on slow connections?',
  'This matches what we saw in our **own** measurements.',
  'I disagree with the second point, but the rest is spot on.',
  'The part about keyboard navigation was the most useful for me.',
  'Has anyone compared this with the old approach?',
  'We switched last month and have not looked back.',
  'Small typo in the third paragraph: *teh* should be *the*.',
  'Bookmarking this for the next team meeting.',
  'For reference, the spec is at https://example.org/spec and worth a read.',
  'Same here; `npm run build` took about a second.',
  'The screen reader announcement is a nice touch.',
  'How does it handle right-to-left languages?',
  'Great discussion, everyone.',
  'I would love to see a follow-up on moderation.',
  'Works fine in Firefox and Safari too.',
  'Our readers asked exactly this question yesterday.',
  'Clear and to the point. 👍',
  'Not sure this scales to very busy threads, but happy to be proven wrong.',
];

/** A small, fast, seedable generator (mulberry32): the same thread name gives the same thread. */
function random(seedText: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < seedText.length; index++) state = Math.imul(state ^ seedText.charCodeAt(index), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'thread';

/**
 * A seed fragment with one thread of `count` comments for stories, tests and benchmarks:
 * deterministic (ids `<thread-slug>-<n>`, times one to three minutes apart, oldest first), with
 * replies nested a few levels deep, some Markdown, a link now and then, and reactions on about a
 * third of the comments. Each body ends with its number (`#1234`), so a test can find any of them.
 * Combine with other seeds through `mergeSeeds`.
 */
export function seedThread(options: SeedThreadOptions): MemorySeed {
  const { thread, count } = options;
  const people = options.people && options.people.length > 0 ? options.people : demoPeople;
  const replyRatio = Math.min(1, Math.max(0, options.replyRatio ?? 0.3));
  const next = random(`${thread}:${count}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const prefix = slug(thread);
  const reactionKeys = options.settings?.reactions ?? DEFAULT_REACTIONS;
  const until = new Date(options.until ?? '2026-01-01T12:00:00.000Z').getTime();

  // Times first (backwards from `until`), so every comment is later than the one it answers.
  const times = new Array<number>(count);
  let time = until;
  for (let index = count - 1; index >= 0; index--) {
    times[index] = time;
    time -= 60_000 + Math.floor(next() * 120_000);
  }

  const comments: SeedComment[] = new Array<SeedComment>(count);
  const depths = new Array<number>(count);
  for (let index = 0; index < count; index++) {
    let parentIndex = -1;
    if (index > 0 && next() < replyRatio) {
      // Mostly answer something recent, so conversations stay together and nest.
      const candidate = Math.max(0, index - 1 - Math.floor(next() * Math.min(index, 12)));
      if (depths[candidate]! < 6) parentIndex = candidate;
    }
    depths[index] = parentIndex === -1 ? 0 : depths[parentIndex]! + 1;

    const sentences = 1 + Math.floor(next() * 3);
    let body = '';
    for (let sentence = 0; sentence < sentences; sentence++) body += (sentence > 0 ? ' ' : '') + pick(SENTENCES);
    body += ` #${index + 1}`;

    const comment: SeedComment = {
      id: `${prefix}-${index + 1}`,
      thread,
      parentId: parentIndex === -1 ? null : `${prefix}-${parentIndex + 1}`,
      author: pick(people).id,
      body,
      createdAt: new Date(times[index]!).toISOString(),
    };
    if (next() < 0.35) {
      const reactions: Record<string, number | string[]> = {};
      const keys = 1 + Math.floor(next() * 2);
      for (let key = 0; key < keys; key++) reactions[pick(reactionKeys)] = 1 + Math.floor(next() * next() * 12);
      comment.reactions = reactions;
    }
    comments[index] = comment;
  }

  return { people: [...people], threads: [{ id: thread, ...options.settings }], comments };
}
