import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/token-table.js';

const meta = {
  title: 'Foundations/Tokens',
  parameters: { layout: 'fullscreen' },
  render: () => html`<div style="display: flex; flex-wrap: wrap; gap: 1em; padding: 1em">
    <plein-story-token-table theme="light" heading="Light"></plein-story-token-table>
    <plein-story-token-table theme="dark" heading="Dark"></plein-story-token-table>
  </div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const LightAndDark: Story = { name: 'Light and dark' };

export const Light: Story = { render: () => html`<plein-story-token-table theme="light" heading="Light"></plein-story-token-table>` };

export const Dark: Story = { render: () => html`<plein-story-token-table theme="dark" heading="Dark"></plein-story-token-table>` };
