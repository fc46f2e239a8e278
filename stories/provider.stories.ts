import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter, demoViewers } from '../src/adapters/memory/index.js';
import '../src/components/demo-note/demo-note.js';
import '../src/components/provider/provider.js';
import '../src/components/time/time.js';
import './support/story-surface.js';
import './support/story-viewer.js';

const column = (heading: string, body: unknown) =>
  html`<section style="flex: 1 1 16em" aria-label=${heading}>
    <plein-story-surface stack>${body}</plein-story-surface>
  </section>`;

const meta = {
  title: 'Components/Provider',
  component: 'plein-provider',
  render: () => {
    // Separate namespaces: two backends on one page, each with its own signed-in person.
    const member = createMemoryAdapter({ namespace: 'story-provider-left', viewer: demoViewers.member });
    const moderator = createMemoryAdapter({ namespace: 'story-provider-right', viewer: demoViewers.moderator });
    return html`<div style="display: flex; flex-wrap: wrap; gap: 1em">
      <plein-provider .adapter=${member} lang="en" theme="light">
        ${column('Left subtree', html`<plein-story-viewer></plein-story-viewer><plein-demo-note></plein-demo-note>`)}
      </plein-provider>
      <plein-provider .adapter=${moderator} lang="nl" theme="dark">
        ${column('Right subtree', html`<plein-story-viewer></plein-story-viewer><plein-demo-note></plein-demo-note>`)}
      </plein-provider>
    </div>`;
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const TwoSubtrees: Story = { name: 'Two subtrees, two adapters' };

export const Nested: Story = {
  name: 'Nested (inner sets only the theme)',
  render: () => {
    const adapter = createMemoryAdapter({ namespace: 'story-provider-nested', viewer: demoViewers.admin });
    return html`<plein-provider .adapter=${adapter} lang="nl">
      ${column(
        'Outer',
        html`<plein-story-viewer></plein-story-viewer>
          <plein-provider theme="dark">
            ${column('Inner', html`<plein-story-viewer></plein-story-viewer><plein-time .date=${Date.now() - 3_600_000}></plein-time>`)}
          </plein-provider>`,
      )}
    </plein-provider>`;
  },
};

export const Anonymous: Story = {
  render: () => {
    const adapter = createMemoryAdapter({ namespace: 'story-provider-anonymous', viewer: demoViewers.anonymous });
    return html`<plein-provider .adapter=${adapter}>${column('Anonymous visitor', html`<plein-story-viewer></plein-story-viewer>`)}</plein-provider>`;
  },
};

export const Dark: Story = {
  render: () => {
    const adapter = createMemoryAdapter({ namespace: 'story-provider-dark', viewer: demoViewers.member });
    return html`<plein-provider .adapter=${adapter} theme="dark">
      ${column('Dark subtree', html`<plein-story-viewer></plein-story-viewer><plein-demo-note></plein-demo-note>`)}
    </plein-provider>`;
  },
};

export const Rtl: Story = {
  name: 'RTL',
  render: () => {
    const adapter = createMemoryAdapter({ namespace: 'story-provider-rtl', viewer: demoViewers.member });
    return html`<plein-provider .adapter=${adapter} dir="rtl">
      ${column('Right-to-left subtree', html`<plein-story-viewer></plein-story-viewer><plein-demo-note></plein-demo-note>`)}
    </plein-provider>`;
  },
};

export const Dutch: Story = {
  render: () => {
    const adapter = createMemoryAdapter({ namespace: 'story-provider-nl', viewer: demoViewers.moderator });
    return html`<plein-provider .adapter=${adapter} lang="nl">
      ${column('Nederlandstalige subtree', html`<plein-story-viewer></plein-story-viewer><plein-demo-note></plein-demo-note>`)}
    </plein-provider>`;
  },
};
