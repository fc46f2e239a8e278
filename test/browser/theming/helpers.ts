import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../../src/components/comments/comments.js';
import type { PleinComments } from '../../../src/components/comments/comments.js';
import '../../../src/components/poll/poll.js';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import '../../../src/components/provider/provider.js';
import { memoryAdapter as commentsAdapter, writingArrived } from '../comments/helpers.js';
import { memoryAdapter as pollAdapter } from '../poll/helpers.js';
import { until } from '../support/shadow.js';

export interface Widgets {
  wrapper: HTMLElement;
  comments: PleinComments;
  poll: PleinPoll;
}

/** The widgets as a page places them, both inside `wrap`, with the comments' writing part loaded. */
export async function widgets(wrap: (inner: TemplateResult) => TemplateResult = (inner) => html`<div>${inner}</div>`, theme = 'light'): Promise<Widgets> {
  const wrapper = await fixture<HTMLElement>(
    wrap(html`<plein-comments thread="thread" jsonld="off" theme=${theme} .adapter=${commentsAdapter({})}></plein-comments>
      <plein-poll poll="theming" type="single" theme=${theme} .adapter=${pollAdapter()}>
        <span slot="question">Which colour?</span>
        <plein-option value="green">Green</plein-option>
        <plein-option value="blue">Blue</plein-option>
      </plein-poll>`),
  );
  const comments = wrapper.querySelector('plein-comments')!;
  const poll = wrapper.querySelector('plein-poll')!;
  await until(() => comments.shadowRoot?.querySelector('[part~="submit"]') && poll.shadowRoot?.querySelector('[part~="submit"]'), 'both submit buttons');
  // The composer the writing part brings replaces the stand-in form, its buttons with it.
  await writingArrived(comments);
  return { wrapper, comments, poll };
}

/** The computed style of the first element matching `selector` in the widget's shadow root. */
export function styleOf(element: Element, selector: string): CSSStyleDeclaration {
  const found = element.shadowRoot!.querySelector(selector);
  if (!found) throw new Error(`No ${selector} in <${element.localName}>`);
  return getComputedStyle(found);
}
