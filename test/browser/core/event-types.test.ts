import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import type {} from '../../../src/components/comments/events.js';
import type {} from '../../../src/components/poll/events.js';
import { PleinErrorEvent } from '../../../src/core/events.js';

// The listeners below are typed by the event maps: `npm run typecheck` fails on `detail` if an
// event is typed on elements only, though it bubbles and is composed up to document and window.
describe('event typings', () => {
  it('types the events for listeners on document and window, which hear them bubble up', () => {
    const heard: string[] = [];
    const onDocument = (event: PleinErrorEvent) => heard.push(`document ${event.detail.action}`);
    const onWindow = (event: WindowEventMap['plein-error']) => heard.push(`window ${event.detail.error.message}`);
    document.addEventListener('plein-error', onDocument);
    window.addEventListener('plein-error', onWindow);
    const typedOnDocument: (event: DocumentEventMap['plein-comment-posted']) => string = (event) => event.detail.comment.id;
    const typedOnWindow: (event: WindowEventMap['plein-vote-cast']) => string = (event) => event.detail.poll.id;
    try {
      document.body.dispatchEvent(new PleinErrorEvent({ error: new AdapterError('network', 'offline'), action: 'load' }));
      expect(heard).to.deep.equal(['document load', 'window offline']);
      expect([typeof typedOnDocument, typeof typedOnWindow]).to.deep.equal(['function', 'function']);
    } finally {
      document.removeEventListener('plein-error', onDocument);
      window.removeEventListener('plein-error', onWindow);
    }
  });
});
