import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { Viewer } from '../src/adapters/contract.js';
import { AdapterError } from '../src/adapters/errors.js';
import {
  createMemoryAdapter,
  demoPeople,
  demoViewers,
  seedThread,
  type MemoryAdapterOptions,
  type MemorySeed,
  type SeedComment,
  type SeedThread,
} from '../src/adapters/memory/index.js';
import '../src/components/comments/comments.js';
import { surface, variants, type SurfaceOptions } from './support/surface.js';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

let stories = 0;

interface CommentsStory {
  seed?: MemorySeed;
  viewer?: Viewer | null;
  thread?: string;
  surface?: SurfaceOptions;
  adapter?: Partial<MemoryAdapterOptions>;
  attributes?: { maxDepth?: number; readonly?: boolean };
  width?: string;
}

/**
 * Every story gets its own memory namespace (the first instance's seed wins per namespace), so
 * stories never see each other's comments, and a story rendered twice starts from its seed again.
 */
function comments(options: CommentsStory) {
  stories += 1;
  const adapter = createMemoryAdapter({
    namespace: `story-comments-${stories}-${Math.random().toString(36).slice(2, 7)}`,
    seed: options.seed ?? { people: [...demoPeople] },
    viewer: options.viewer === undefined ? demoViewers.member : options.viewer,
    ...options.adapter,
  });
  const element = html`<plein-comments
    thread=${options.thread ?? 'story'}
    .adapter=${adapter}
    max-depth=${options.attributes?.maxDepth ?? nothing}
    ?readonly=${options.attributes?.readonly}
    jsonld="off"
  ></plein-comments>`;
  return surface(
    { stack: true, ...options.surface },
    options.width ? html`<div style="inline-size: ${options.width}; max-inline-size: 100%">${element}</div>` : element,
  );
}

/** A short conversation with every kind of comment a reader meets. */
function conversation(thread = 'story', extra: Partial<SeedComment>[] = [], settings: Partial<SeedThread> = {}): MemorySeed {
  const list: SeedComment[] = [
    {
      id: `${thread}-1`,
      thread,
      author: 'demo-sam',
      createdAt: ago(2 * 24 * 60),
      pinned: true,
      body: 'Welcome! Comments take a little **Markdown**: *emphasis*, `code`, [links](https://example.org) and\n\n> quotes',
      reactions: { '👍': ['demo-ada', 'demo-kees', 'demo-noor'], '🎉': 2 },
    },
    {
      id: `${thread}-2`,
      thread,
      parentId: `${thread}-1`,
      author: 'demo-ada',
      createdAt: ago(26 * 60),
      editedAt: ago(25 * 60),
      body: 'It follows the page’s own fonts and colours. No iframe in sight.',
      reactions: { '❤️': ['demo-sam'] },
    },
    { id: `${thread}-3`, thread, parentId: `${thread}-2`, author: 'demo-noor', createdAt: ago(20 * 60), body: 'And it switches to dark with my system.' },
    {
      id: `${thread}-4`,
      thread,
      author: 'demo-kees',
      createdAt: ago(90),
      body: 'Does it keep my draft when I reload?\n\n- even offline?\n- even after an error?',
      reactions: { '😂': 3 },
    },
    { id: `${thread}-5`, thread, parentId: `${thread}-4`, author: 'demo-noor', createdAt: ago(4), body: 'Yes: the draft stays until the server confirmed the comment.' },
  ];
  for (const comment of extra) list.push({ id: `${thread}-${list.length + 1}`, thread, author: 'demo-ada', createdAt: ago(3), body: '', ...comment });
  return { people: [...demoPeople], threads: [{ id: thread, ownerId: 'demo-sam', ...settings }], comments: list };
}

const meta = {
  title: 'Components/Comments',
  component: 'plein-comments',
  render: () => comments({ seed: conversation() }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Conversation: Story = {};

export const Empty: Story = { render: () => comments({ thread: 'story-empty' }) };

export const Loading: Story = {
  // Answers after a minute: long enough to look at the loading state.
  render: () => comments({ seed: conversation(), adapter: { latency: 60_000 } }),
};

export const LoadError: Story = {
  name: 'Error',
  render: () =>
    comments({
      seed: conversation(),
      adapter: {
        failWith: (method) => (method === 'listComments' ? new AdapterError('unavailable', 'The comments service is down.') : undefined),
      },
    }),
};

export const OneComment: Story = {
  render: () =>
    comments({
      seed: {
        people: [...demoPeople],
        comments: [{ id: 'one-1', thread: 'story', author: 'demo-ada', createdAt: ago(12), body: 'The *only* comment, so far.' }],
      },
    }),
};

export const DeepThread: Story = {
  name: 'Deep thread (max-depth 3)',
  render: () => {
    const people = ['demo-ada', 'demo-kees', 'demo-yara', 'demo-noor', 'demo-sam'];
    const chain: SeedComment[] = Array.from({ length: 8 }, (_, index) => ({
      id: `deep-${index + 1}`,
      thread: 'story',
      parentId: index === 0 ? null : `deep-${index}`,
      author: people[index % people.length] ?? 'demo-ada',
      createdAt: ago(60 - index * 5),
      body: index === 0 ? 'Where should the replies stop nesting?' : `Reply at depth ${index}: deeper than three is listed flat, with whom it answers.`,
    }));
    return comments({ seed: { people: [...demoPeople], comments: chain } });
  },
};

export const TwoHundred: Story = {
  name: '200 comments',
  render: () => comments({ seed: seedThread({ thread: 'story', count: 200, until: new Date() }) }),
};

export const TenThousand: Story = {
  name: '10,000 comments',
  // axe over 10,000 comments takes minutes; the first page's markup is the same as in "200 comments".
  parameters: { a11y: { test: 'off' } },
  render: () => comments({ seed: seedThread({ thread: 'story', count: 10_000, until: new Date() }) }),
};

export const ModeratorView: Story = {
  name: 'Pending and hidden (as moderator)',
  render: () =>
    comments({
      viewer: demoViewers.moderator,
      seed: conversation('story', [
        { author: 'demo-kees', status: 'pending', body: 'A first comment from a new member, waiting for approval.' },
        { author: 'demo-yara', status: 'hidden', body: 'Hidden by a moderator after reports.' },
      ]),
    }),
};

export const Reported: Story = {
  name: 'Reported comments (as moderator)',
  render: () => {
    const seed = conversation('story-reported', [{ author: 'demo-yara', body: 'Great deals on watches at my shop, link in my profile!' }]);
    seed.reports = [
      { commentId: 'story-reported-6', by: 'demo-ada', reason: 'spam', note: 'Advertising' },
      { commentId: 'story-reported-6', by: 'demo-kees', reason: 'off-topic' },
      { commentId: 'story-reported-4', by: 'demo-ada', reason: 'other', note: 'Asked twice already' },
    ];
    return comments({ thread: 'story-reported', viewer: demoViewers.moderator, seed });
  },
};

export const OwnPending: Story = {
  name: 'Own comment awaiting approval',
  render: () =>
    comments({
      seed: conversation('story', [{ author: 'demo-noor', status: 'pending', body: 'My comment, before a moderator saw it.' }], {
        premoderated: true,
      }),
    }),
};

export const Locked: Story = {
  render: () => comments({ seed: conversation('story', [], { locked: true }) }),
};

export const Anonymous: Story = {
  name: 'Anonymous visitor',
  render: () => comments({ viewer: null, seed: conversation() }),
};

export const Guest: Story = {
  name: 'Anonymous visitor, guests welcome',
  render: () => comments({ viewer: null, seed: conversation('story', [], { guests: true }) }),
};

export const GuestSignedIn: Story = {
  name: 'Guest, after a first post',
  render: () =>
    comments({
      viewer: { id: 'guest-story', name: 'Gita Gast', avatarUrl: null, roles: [], guest: true },
      seed: conversation('story', [], { guests: true }),
    }),
  // "Signed in as …" comes with the composer, which loads when the reader shows intent.
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('plein-comments');
    element?.dispatchEvent(new PointerEvent('pointerenter'));
    await customElements.whenDefined('plein-comments-composer');
  },
};

export const ReadOnly: Story = {
  name: 'Read only',
  render: () => comments({ seed: conversation(), attributes: { readonly: true } }),
};

export const Dark: Story = { render: () => comments({ seed: conversation(), surface: variants.dark }) };

export const Rtl: Story = { name: 'RTL', render: () => comments({ seed: conversation(), surface: variants.rtl }) };

export const Dutch: Story = { render: () => comments({ seed: conversation(), surface: variants.nl }) };

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () => comments({ seed: conversation(), width: '320px' }),
};
