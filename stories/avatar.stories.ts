import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/avatar/avatar.js';
import { pictures } from './support/pictures.js';
import { surface, variants, type SurfaceOptions } from './support/surface.js';

interface AvatarArgs {
  name: string;
  src: string | null;
  size: number | null;
  decorative: boolean;
}

const people = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Radia Perlman'];

const avatar = (args: AvatarArgs) =>
  html`<plein-avatar name=${args.name} .src=${args.src} .size=${args.size} ?decorative=${args.decorative}></plein-avatar>`;

const gallery = (options: SurfaceOptions, names = people) =>
  surface(
    options,
    html`<plein-avatar name=${names[0] ?? ''} .src=${pictures.ada} size="48"></plein-avatar>
      ${names.map((name) => html`<plein-avatar name=${name} size="48"></plein-avatar>`)}
      <plein-avatar size="48"></plein-avatar>`,
  );

const meta = {
  title: 'Components/Avatar',
  component: 'plein-avatar',
  args: { name: 'Ada Lovelace', src: null, size: 48, decorative: false },
  render: (args) => surface({}, avatar(args)),
} satisfies Meta<AvatarArgs>;

export default meta;
type Story = StoryObj<AvatarArgs>;

export const Initials: Story = {};

export const Picture: Story = { args: { src: pictures.ada } };

export const BrokenPicture: Story = {
  name: 'Broken picture (falls back to initials)',
  args: { name: 'Grace Hopper', src: pictures.broken },
};

export const Anonymous: Story = {
  name: 'No name, no picture',
  args: { name: '' },
};

export const Sizes: Story = {
  render: (args) =>
    surface(
      {},
      [24, 32, 48, 64, 96].map((size) => html`<plein-avatar name=${args.name} size=${size}></plein-avatar>`),
    ),
};

export const NextToName: Story = {
  name: 'Decorative, next to the name',
  render: () =>
    surface(
      {},
      html`<span style="display: inline-flex; align-items: center; gap: 0.5em">
        <plein-avatar name="Grace Hopper" decorative size="32"></plein-avatar>
        <strong>Grace Hopper</strong>
      </span>`,
    ),
};

export const Colours: Story = { render: () => gallery({}) };

export const Dark: Story = { render: () => gallery(variants.dark) };

export const Rtl: Story = { name: 'RTL', render: () => gallery({ ...variants.rtl, lang: 'ar' }, ['آدا لوفلايس', 'غريس هوبر', 'Alan Turing']) };

export const Dutch: Story = {
  render: () => gallery(variants.nl, ['IJsbrand van Dijk', 'Annemarie Schimmel', 'Edsger Dijkstra']),
};
