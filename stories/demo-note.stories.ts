import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/demo-note/demo-note.js';
import { surface, variants } from './support/surface.js';

const meta = {
  title: 'Components/Demo note',
  component: 'plein-demo-note',
  render: () => surface({ stack: true }, html`<plein-demo-note></plein-demo-note>`),
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const English: Story = {};

export const Dutch: Story = { render: () => surface({ ...variants.nl, stack: true }, html`<plein-demo-note></plein-demo-note>`) };

export const Dark: Story = { render: () => surface({ ...variants.dark, stack: true }, html`<plein-demo-note></plein-demo-note>`) };

export const Rtl: Story = { name: 'RTL', render: () => surface({ ...variants.rtl, stack: true }, html`<plein-demo-note></plein-demo-note>`) };

export const Narrow: Story = {
  name: 'Narrow column',
  render: () => surface({ stack: true }, html`<div style="max-width: 16em"><plein-demo-note></plein-demo-note></div>`),
};

export const CustomText: Story = {
  name: 'Custom text',
  render: () =>
    surface({ stack: true }, html`<plein-demo-note>Preview: comments on this page are not saved.</plein-demo-note>`),
};
