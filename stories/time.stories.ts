import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/time/time.js';
import { surface, variants, type SurfaceOptions } from './support/surface.js';

interface TimeArgs {
  /** Milliseconds before now (negative: in the future). */
  ago: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const moments: [string, number][] = [
  ['Just now', 5 * SECOND],
  ['Minutes', 7 * MINUTE],
  ['Hours', 3 * HOUR],
  ['Yesterday', DAY],
  ['Weeks', 15 * DAY],
  ['Years', 800 * DAY],
  ['Future', -2 * HOUR],
];

// Relative to the moment of rendering, so the story never goes stale.
const list = (options: SurfaceOptions) =>
  surface(
    { ...options, stack: true },
    html`<dl style="display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1em; margin: 0">
      ${moments.map(([label, ago]) => html`<dt>${label}</dt><dd style="margin: 0"><plein-time .date=${Date.now() - ago}></plein-time></dd>`)}
    </dl>`,
  );

const meta = {
  title: 'Components/Time',
  component: 'plein-time',
  args: { ago: 7 * MINUTE },
  argTypes: { ago: { control: { type: 'number', step: MINUTE } } },
  render: (args) => surface({}, html`<p>Posted <plein-time .date=${Date.now() - args.ago}></plein-time></p>`),
} satisfies Meta<TimeArgs>;

export default meta;
type Story = StoryObj<TimeArgs>;

export const InASentence: Story = {};

export const AllRanges: Story = { render: () => list({}) };

export const Dark: Story = { render: () => list(variants.dark) };

export const Rtl: Story = {
  name: 'RTL (Arabic)',
  render: () => list({ ...variants.rtl, lang: 'ar' }),
};

export const Dutch: Story = { render: () => list(variants.nl) };

export const Invalid: Story = {
  name: 'Invalid date (renders nothing)',
  render: () => surface({}, html`<p>Posted <plein-time date="not a date"></plein-time>.</p>`),
};
