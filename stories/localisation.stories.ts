import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/avatar/avatar.js';
import '../src/components/demo-note/demo-note.js';
import '../src/components/time/time.js';
import { surface, type SurfaceOptions } from './support/surface.js';

const HOUR = 3_600_000;

/** The same building blocks in every language: only `lang`/`dir` around them differ. */
const sample = (options: SurfaceOptions, author: string) =>
  surface(
    { ...options, stack: true },
    html`<plein-demo-note></plein-demo-note>
      <div style="display: flex; align-items: center; gap: 0.5em">
        <plein-avatar name=${author} decorative size="32"></plein-avatar>
        <strong>${author}</strong>
        <plein-time .date=${Date.now() - 3 * HOUR}></plein-time>
      </div>
      <ul style="margin: 0; padding-inline-start: 1.25em">
        <li><plein-time .date=${Date.now() - 26 * HOUR}></plein-time></li>
        <li><plein-time .date=${Date.now() - 20 * 24 * HOUR}></plein-time></li>
        <li><plein-time .date=${Date.now() + 2 * HOUR}></plein-time></li>
      </ul>`,
  );

const meta = {
  title: 'Foundations/Localisation',
  render: () => html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(18em, 1fr)); gap: 1em">
    ${sample({ lang: 'en' }, 'Ada Lovelace')} ${sample({ lang: 'nl' }, 'IJsbrand van Dijk')}
  </div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const EnglishAndDutch: Story = { name: 'English and Dutch' };

export const RightToLeft: Story = {
  name: 'Right to left (dir="rtl")',
  render: () => html`<div style="display: grid; gap: 1em">
    ${sample({ dir: 'rtl' }, 'Ada Lovelace')}
    <div lang="ar" dir="rtl">
      ${surface(
        { stack: true },
        html`<p style="margin: 0">
          <plein-avatar name="ياسمين العلي" size="32"></plein-avatar>
          <plein-time .date=${Date.now() - 3 * HOUR}></plein-time>
        </p>`,
      )}
    </div>
  </div>`,
};

export const DarkDutch: Story = {
  name: 'Dark, Dutch',
  render: () => sample({ lang: 'nl', theme: 'dark' }, 'IJsbrand van Dijk'),
};
