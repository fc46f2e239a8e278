/**
 * Renders every story of every story module and checks it with axe. Story modules are imported
 * directly (no Storybook runtime); a new story file must be added to `modules` below. A story that
 * turns axe off the Storybook way (`parameters.a11y.test = 'off'`) is still rendered and must not
 * log errors.
 */
import { expect, fixture, html } from '@open-wc/testing';
import * as avatar from '../../../stories/avatar.stories.js';
import * as comments from '../../../stories/comments.stories.js';
import * as demoNote from '../../../stories/demo-note.stories.js';
import * as localisation from '../../../stories/localisation.stories.js';
import * as poll from '../../../stories/poll.stories.js';
import * as popup from '../../../stories/popup.stories.js';
import * as provider from '../../../stories/provider.stories.js';
import * as time from '../../../stories/time.stories.js';
import * as tokens from '../../../stories/tokens.stories.js';
import { composeStories, settle, storyTemplate } from './render-story.js';

const modules: Record<string, unknown>[] = [avatar, comments, demoNote, localisation, poll, popup, provider, time, tokens];

for (const module of modules) {
  const stories = composeStories(module);

  describe(stories[0]?.title ?? 'story module', () => {
    it('exports at least one story', () => {
      expect(stories.length).to.be.greaterThan(0);
    });

    for (const story of stories) {
      const axe = (story.context.parameters.a11y as { test?: string } | undefined)?.test !== 'off';
      it(`${story.title} / ${story.name} renders${axe ? ' without axe violations' : ''}`, async function () {
        // Long-thread stories render thousands of elements and axe walks every one.
        this.timeout(60_000);
        const errors: unknown[] = [];
        const originalError = console.error;
        console.error = (...args: unknown[]) => {
          errors.push(args);
          originalError.apply(console, args);
        };
        try {
          const container = await fixture<HTMLElement>(html`<div class="story-root">${storyTemplate(story)}</div>`);
          await settle(container);
          story.context.canvasElement = container;
          if (story.play) {
            await story.play(story.context);
            await settle(container);
          }
          expect(container.children.length, 'the story rendered something').to.be.greaterThan(0);
          expect(errors, 'console.error during render').to.deep.equal([]);
          if (axe) await expect(container).to.be.accessible();
        } finally {
          console.error = originalError;
        }
      });
    }
  });
}
