import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import type { Ballot, PollDefinition, PollTally, Viewer } from '../src/adapters/contract.js';
import { AdapterError } from '../src/adapters/errors.js';
import { createMemoryAdapter, demoPeople, demoViewers, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import '../src/components/poll/poll.js';
import { renderRankedBallot } from '../src/components/poll/ranked-ballot.js';
import { renderRunoffTable } from '../src/components/poll/runoff-table.js';
import { instantRunoff } from '../src/domain/ranked-choice.js';
import { surface, variants, type SurfaceOptions } from './support/surface.js';

// ---------------------------------------------------------------------------------------------
// Polls and the ballots cast in them

const meetup: PollDefinition = {
  id: 'next-meetup',
  type: 'single',
  question: 'Where shall we meet next?',
  options: [
    { value: 'utrecht', label: 'Utrecht' },
    { value: 'amsterdam', label: 'Amsterdam' },
    { value: 'rotterdam', label: 'Rotterdam' },
    { value: 'groningen', label: 'Groningen' },
  ],
  results: 'always',
  voters: 'secret',
  integrity: 'member',
};

const talks: PollDefinition = {
  id: 'talks',
  type: 'multiple',
  question: 'Which talks would you attend? Pick one or two.',
  options: [
    { value: 'a11y', label: 'Accessible web components' },
    { value: 'css', label: 'Theming with CSS custom properties' },
    { value: 'sqlite', label: 'SQLite in production' },
    { value: 'i18n', label: 'Plural rules in 40 languages' },
  ],
  min: 1,
  max: 2,
  results: 'always',
  voters: 'secret',
  integrity: 'member',
};

const rating: PollDefinition = {
  id: 'evening',
  type: 'rating',
  question: 'How did you like the evening?',
  options: [],
  scale: { min: 1, max: 5, step: 1 },
  results: 'always',
  voters: 'secret',
  integrity: 'member',
};

const venues: PollDefinition = {
  id: 'venue',
  type: 'ranked',
  question: 'Rank the venues for the summer meetup.',
  options: [
    { value: 'utrecht', label: 'Utrecht' },
    { value: 'amsterdam', label: 'Amsterdam' },
    { value: 'delft', label: 'Delft' },
    { value: 'zwolle', label: 'Zwolle' },
  ],
  results: 'always',
  voters: 'secret',
  integrity: 'member',
};

const capital: PollDefinition = {
  id: 'capital',
  type: 'quiz',
  question: 'Which city is the capital of the Netherlands?',
  options: [
    { value: 'amsterdam', label: 'Amsterdam' },
    { value: 'the-hague', label: 'The Hague' },
    { value: 'rotterdam', label: 'Rotterdam' },
  ],
  correct: ['amsterdam'],
  explanation: 'Amsterdam is the capital under the constitution; the government and parliament sit in The Hague.',
  results: 'after-vote',
  voters: 'secret',
  integrity: 'member',
};

const choices = (...values: string[]): Ballot => ({ choices: values });
const times = (count: number, ballot: Ballot): Ballot[] => Array.from({ length: count }, () => ballot);

/** What others voted, per poll. The ranked ballots give a tie-break and exhausted ballots. */
const ballotsOf: Record<string, Ballot[]> = {
  'next-meetup': [...times(5, choices('utrecht')), ...times(3, choices('amsterdam')), ...times(2, choices('rotterdam')), choices('groningen')],
  talks: [...times(4, choices('a11y', 'css')), ...times(3, choices('sqlite')), ...times(2, choices('i18n', 'a11y')), choices('css')],
  evening: [...times(4, { rating: 5 }), ...times(3, { rating: 4 }), { rating: 3 }, { rating: 1 }],
  venue: [
    ...times(4, choices('utrecht')),
    ...times(2, choices('amsterdam', 'utrecht')),
    choices('delft', 'amsterdam'),
    choices('delft'),
    choices('zwolle', 'amsterdam'),
  ],
  capital: [...times(6, choices('amsterdam')), ...times(3, choices('the-hague')), choices('rotterdam')],
};

/** The story viewer's own ballot, per poll. */
const mine: Record<string, Ballot> = {
  'next-meetup': choices('amsterdam'),
  talks: choices('a11y', 'sqlite'),
  evening: { rating: 4 },
  venue: choices('delft', 'utrecht', 'amsterdam'),
  capital: choices('the-hague'),
};

const voterNames = ['Ada Bakker', 'Kees Smit', 'Yara El Amrani', 'Noor de Vries', 'Sam Jansen', 'Lotte Visser', 'Daan Mulder', 'Fatima Ouali'];

function voter(index: number): Viewer {
  return { id: `story-voter-${index + 1}`, name: voterNames[index % voterNames.length] ?? 'Voter', avatarUrl: null, roles: ['member'] };
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface PollStory {
  definition: PollDefinition;
  /** Ballots cast before the story renders; default `ballotsOf[definition.id]`. */
  ballots?: Ballot[];
  /** The story viewer votes this first; `true` takes `mine[definition.id]`. */
  voted?: Ballot | boolean;
  closed?: boolean;
  viewer?: Viewer | null;
  adapter?: Partial<MemoryAdapterOptions>;
  /** Render the definition in the page (`<plein-option>`s) instead of only the poll's id. */
  declarative?: boolean;
  /** Register nothing first: the element does (declarative) or finds nothing (by reference). */
  unregistered?: boolean;
  surface?: SurfaceOptions;
  width?: string;
}

let namespaces = 0;

/**
 * Casts the ballots through the adapter, as members would, before the element reads the poll:
 * every story gets a namespace of its own, so each starts from exactly these ballots.
 */
async function prepare(namespace: string, story: PollStory): Promise<void> {
  const { definition } = story;
  const as = (viewer: Viewer | null) => createMemoryAdapter({ namespace, viewer, seed: { people: [...demoPeople] } });
  if (story.unregistered) return;
  await as(demoViewers.admin).ensurePoll(definition);
  const ballots = story.ballots ?? ballotsOf[definition.id] ?? [];
  for (const [index, ballot] of ballots.entries()) await as(voter(index)).vote(definition.id, ballot);
  const own = story.voted === true ? mine[definition.id] : story.voted || undefined;
  if (own) await as(story.viewer === undefined ? demoViewers.member : story.viewer).vote(definition.id, own);
  if (story.closed) await as(demoViewers.moderator).closePoll(definition.id, true);
}

function definitionMarkup(definition: PollDefinition): TemplateResult {
  return html`<span slot="question">${definition.question}</span>
    ${definition.options.map(
      (option) => html`<plein-option value=${option.value} ?correct=${definition.correct?.includes(option.value) ?? false}>${option.label}</plein-option>`,
    )}`;
}

function poll(story: PollStory): TemplateResult {
  namespaces += 1;
  const namespace = `story-poll-${namespaces}-${Math.random().toString(36).slice(2, 7)}`;
  const { definition } = story;
  const adapter = createMemoryAdapter({
    namespace,
    seed: { people: [...demoPeople] },
    viewer: story.viewer === undefined ? demoViewers.member : story.viewer,
    ...story.adapter,
  });
  const element = story.declarative
    ? html`<plein-poll
        poll=${definition.id}
        .adapter=${adapter}
        type=${definition.type}
        results=${definition.results}
        voters=${definition.voters}
        integrity=${definition.integrity}
        min=${definition.min ?? nothing}
        max=${definition.max ?? nothing}
        explanation=${definition.explanation ?? nothing}
        ?allow-change=${definition.allowChange === true}
        >${definitionMarkup(definition)}</plein-poll
      >`
    : html`<plein-poll poll=${definition.id} .adapter=${adapter}></plein-poll>`;
  const sized = story.width ? html`<div style="inline-size: ${story.width}; max-inline-size: 100%">${element}</div>` : element;
  return surface({ stack: true, ...story.surface }, until(prepare(namespace, story).then(() => sized)));
}

/** Waits (up to 5 s) for something the poll renders once its data arrived. */
async function found<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const value = find();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`The story never showed ${what}.`);
}

async function pollRoot(canvas: HTMLElement | undefined): Promise<ShadowRoot> {
  const element = await found(() => canvas?.querySelector('plein-poll'), 'a <plein-poll>');
  return found(() => element.shadowRoot, 'the poll’s shadow root');
}

const meta = {
  title: 'Components/Poll',
  component: 'plein-poll',
  render: () => poll({ definition: meetup }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

// ---------------------------------------------------------------------------------------------
// Each type: open or closed, voted or not

export const SingleOpen: Story = { name: 'Single choice, open' };
export const SingleOpenVoted: Story = { name: 'Single choice, open, voted', render: () => poll({ definition: meetup, voted: true }) };
export const SingleClosed: Story = { name: 'Single choice, closed', render: () => poll({ definition: meetup, closed: true }) };
export const SingleClosedVoted: Story = { name: 'Single choice, closed, voted', render: () => poll({ definition: meetup, closed: true, voted: true }) };

export const MultipleOpen: Story = { name: 'Multiple choice, open', render: () => poll({ definition: talks }) };
export const MultipleOpenVoted: Story = { name: 'Multiple choice, open, voted', render: () => poll({ definition: talks, voted: true }) };
export const MultipleClosed: Story = { name: 'Multiple choice, closed', render: () => poll({ definition: talks, closed: true }) };
export const MultipleClosedVoted: Story = {
  name: 'Multiple choice, closed, voted',
  render: () => poll({ definition: talks, closed: true, voted: true }),
};

export const RatingOpen: Story = { name: 'Rating, open', render: () => poll({ definition: rating }) };
export const RatingOpenVoted: Story = { name: 'Rating, open, voted', render: () => poll({ definition: rating, voted: true }) };
export const RatingClosed: Story = { name: 'Rating, closed', render: () => poll({ definition: rating, closed: true }) };
export const RatingClosedVoted: Story = { name: 'Rating, closed, voted', render: () => poll({ definition: rating, closed: true, voted: true }) };

export const RankedOpen: Story = { name: 'Ranked choice, open', render: () => poll({ definition: venues }) };
export const RankedOpenVoted: Story = { name: 'Ranked choice, open, voted', render: () => poll({ definition: venues, voted: true }) };
export const RankedClosed: Story = { name: 'Ranked choice, closed', render: () => poll({ definition: venues, closed: true }) };
export const RankedClosedVoted: Story = {
  name: 'Ranked choice, closed, voted',
  render: () => poll({ definition: venues, closed: true, voted: true }),
};

export const RankedChangeVote: Story = {
  name: 'Ranked choice, voted, may change the ranking',
  render: () => poll({ definition: { ...venues, allowChange: true }, voted: true }),
};

export const RankedTie: Story = {
  name: 'Ranked choice, closed, tied without a winner',
  render: () =>
    poll({
      definition: { ...venues, id: 'venue-tie' },
      ballots: [...times(2, choices('utrecht', 'amsterdam')), ...times(2, choices('amsterdam', 'utrecht')), choices('delft'), choices('zwolle', 'delft')],
      closed: true,
    }),
};

export const QuizOpen: Story = { name: 'Quiz, open', render: () => poll({ definition: capital }) };
export const QuizOpenVoted: Story = { name: 'Quiz, open, answered (reveal)', render: () => poll({ definition: capital, voted: true }) };
export const QuizClosed: Story = { name: 'Quiz, closed', render: () => poll({ definition: capital, closed: true }) };
export const QuizClosedVoted: Story = { name: 'Quiz, closed, answered', render: () => poll({ definition: capital, closed: true, voted: true }) };

export const QuizRevealSeveral: Story = {
  name: 'Quiz reveal, several right answers',
  render: () =>
    poll({
      definition: {
        ...capital,
        id: 'provinces',
        question: 'Which of these are Dutch provinces?',
        options: [
          { value: 'drenthe', label: 'Drenthe' },
          { value: 'flevoland', label: 'Flevoland' },
          { value: 'brabant', label: 'Brabant' },
          { value: 'limburg', label: 'Limburg' },
        ],
        correct: ['drenthe', 'flevoland', 'limburg'],
        explanation: 'The province is called North Brabant; Brabant alone is the old duchy, now split over two countries.',
      },
      ballots: [...times(3, choices('drenthe', 'flevoland', 'limburg')), ...times(2, choices('drenthe', 'brabant'))],
      voted: choices('drenthe', 'limburg'),
    }),
};

// ---------------------------------------------------------------------------------------------
// Results withheld

export const WithheldUntilVote: Story = {
  name: 'Results after voting (not voted)',
  render: () => poll({ definition: { ...meetup, results: 'after-vote' } }),
};

export const WithheldUntilClose: Story = {
  name: 'Results after closing (voted)',
  render: () => poll({ definition: { ...meetup, results: 'after-close' }, voted: true }),
};

export const WithheldForModerators: Story = {
  name: 'Results for moderators (member)',
  render: () => poll({ definition: { ...meetup, results: 'moderators' }, voted: true }),
};

export const ModeratorsSeeWithheld: Story = {
  name: 'Results for moderators (moderator)',
  render: () => poll({ definition: { ...meetup, results: 'moderators' }, viewer: demoViewers.moderator }),
};

// ---------------------------------------------------------------------------------------------
// States

export const Declarative: Story = {
  name: 'Declarative, first render',
  render: () => poll({ definition: { ...meetup, allowChange: true }, declarative: true, unregistered: true }),
};

export const DefinitionError: Story = {
  name: 'Definition error',
  render: () =>
    poll({
      definition: {
        ...talks,
        id: 'broken',
        min: 3,
        max: 2,
        options: [
          { value: 'a11y', label: 'Accessible web components' },
          { value: 'a11y', label: 'Accessible web components, again' },
        ],
      },
      declarative: true,
      unregistered: true,
    }),
};

export const NetworkError: Story = {
  name: 'Network error',
  render: () =>
    poll({
      definition: meetup,
      adapter: {
        failWith: (method) => (method === 'getPoll' || method === 'ensurePoll' ? new AdapterError('network', 'Could not reach the server.') : undefined),
      },
    }),
};

export const Loading: Story = {
  // Answers after a minute: long enough to look at the loading state.
  render: () => poll({ definition: meetup, adapter: { latency: 60_000 } }),
};

export const NotFound: Story = { name: 'Not found', render: () => poll({ definition: { ...meetup, id: 'no-such-poll' }, unregistered: true }) };

export const Anonymous: Story = { name: 'Anonymous visitor, members only', render: () => poll({ definition: meetup, viewer: null }) };

export const AnonymousDevice: Story = {
  name: 'Anonymous visitor, one vote per device',
  render: () => poll({ definition: { ...meetup, integrity: 'device' }, viewer: null }),
};

export const ChangeVote: Story = {
  name: 'Voted, may change the vote',
  render: () => poll({ definition: { ...talks, allowChange: true }, voted: true }),
};

export const ModeratorView: Story = {
  name: 'Moderator: close, export and voters',
  render: () => poll({ definition: { ...meetup, voters: 'public' }, viewer: demoViewers.moderator, voted: choices('utrecht') }),
  play: async ({ canvasElement }) => {
    const root = await pollRoot(canvasElement);
    const toggle = await found(() => root.querySelector<HTMLButtonElement>('[part~="voters-toggle"]'), 'the Show voters button');
    toggle.click();
    await found(() => root.querySelector('[part~="voters"] li'), 'the list of voters');
  },
};

export const ModeratorClosedRanked: Story = {
  name: 'Moderator: closed ranked poll with its runoff',
  render: () => poll({ definition: { ...venues, voters: 'public' }, viewer: demoViewers.moderator, closed: true }),
};

// ---------------------------------------------------------------------------------------------
// Variants

export const Dark: Story = { render: () => poll({ definition: venues, voted: true, surface: variants.dark }) };

export const DarkRankedBallot: Story = { name: 'Dark, ranked ballot', render: () => poll({ definition: venues, surface: variants.dark }) };

export const Rtl: Story = { name: 'RTL', render: () => poll({ definition: venues, closed: true, surface: variants.rtl }) };

export const Dutch: Story = { render: () => poll({ definition: talks, voted: true, surface: variants.nl }) };

export const DutchRanked: Story = { name: 'Dutch, ranked choice', render: () => poll({ definition: venues, closed: true, voted: true, surface: variants.nl }) };

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () => poll({ definition: venues, closed: true, width: '320px' }),
};

export const LongLabels: Story = {
  name: 'Long option labels',
  render: () =>
    poll({
      definition: {
        ...meetup,
        id: 'long',
        question:
          'If we could meet anywhere in the country for a whole weekend of talks, workshops and a shared dinner, which of these places would you travel to?',
        options: [
          { value: 'castle', label: 'The castle on the hill above the river valley, with rooms for sixty people and a kitchen we may use' },
          { value: 'library', label: 'Het Stedelijk Bibliotheek- en Archiefgebouw voor Cultuurhistorische Documentatie (Stadsbibliotheekgebouw)' },
          { value: 'short', label: 'Here' },
        ],
      },
      ballots: [...times(3, choices('castle')), choices('library'), ...times(2, choices('short'))],
      voted: choices('library'),
      width: '320px',
    }),
};

// ---------------------------------------------------------------------------------------------
// The ranked building blocks on their own

const exhaustedAndTied: PollTally = {
  ...instantRunoff(
    venues.options.map((option) => option.value),
    (ballotsOf.venue ?? []).map((ballot) => ('choices' in ballot ? ballot.choices : [])),
  ),
};

export const RankedBallotAlone: Story = {
  name: 'Ranked ballot (building block)',
  render: () =>
    surface(
      { stack: true, label: venues.question },
      renderRankedBallot({ options: venues.options, ranking: ['delft', 'utrecht'], onChange: () => undefined, label: venues.question }),
    ),
};

export const RankedBallotError: Story = {
  name: 'Ranked ballot with an error, Dutch (building block)',
  render: () =>
    surface(
      { stack: true, ...variants.nl },
      renderRankedBallot({
        options: venues.options,
        ranking: [],
        onChange: () => undefined,
        label: 'Zet de locaties op volgorde.',
        error: 'Kies een optie.',
      }),
    ),
};

export const RunoffTableAlone: Story = {
  name: 'Runoff table with a tie-break (building block)',
  render: () => surface({ stack: true }, renderRunoffTable({ options: venues.options, tally: exhaustedAndTied })),
};

export const RunoffTableDarkRtl: Story = {
  name: 'Runoff table, dark, RTL (building block)',
  render: () => surface({ stack: true, ...variants.dark, ...variants.rtl }, renderRunoffTable({ options: venues.options, tally: exhaustedAndTied })),
};
