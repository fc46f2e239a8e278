import { expect, html, oneEvent } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { PleinErrorEvent, PleinEvent, PleinLoginRequestEvent } from '../../../src/core/events.js';
import { mount } from './helpers.js';

describe('Plein events', () => {
  it('bubble out of a shadow root to listeners on the page', async () => {
    const outer = await mount<HTMLDivElement>(html`<div><span class="host"></span></div>`);
    const inner = document.createElement('button');
    (outer.querySelector('.host') as HTMLElement).attachShadow({ mode: 'open' }).append(inner);
    const error = new AdapterError('forbidden', 'no');
    setTimeout(() => inner.dispatchEvent(new PleinErrorEvent({ error, action: 'post-comment' })));
    const event = await oneEvent(outer, 'plein-error');
    expect(event).to.be.instanceOf(PleinErrorEvent);
    expect(event).to.be.instanceOf(CustomEvent);
    expect(event.detail.error).to.equal(error);
    expect(event.detail.action).to.equal('post-comment');
    // Retargeted: the page sees the shadow host, not the internals.
    expect(event.target).to.equal(outer.querySelector('.host'));
  });

  it('are typed on HTMLElementEventMap for addEventListener', async () => {
    const element = await mount<HTMLDivElement>(html`<div></div>`);
    let action = '';
    element.addEventListener('plein-login-request', (event) => {
      // `event.detail.action` type-checks only through the global event map.
      action = event.detail.action;
    });
    element.dispatchEvent(new PleinLoginRequestEvent({ action: 'vote' }));
    expect(action).to.equal('vote');
  });

  it('let the page claim a login request with preventDefault()', async () => {
    const element = await mount<HTMLDivElement>(html`<div></div>`);
    element.addEventListener('plein-login-request', (event) => event.preventDefault());
    const request = new PleinLoginRequestEvent({ action: 'post-comment' });
    expect(element.dispatchEvent(request)).to.equal(false);
    expect(request.defaultPrevented).to.equal(true);
  });

  it('give every subclass bubbling and composition by default', () => {
    const event = new PleinEvent('plein-something', { id: 1 });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ id: 1 });
    expect(new PleinErrorEvent({ error: new Error('x'), action: 'load' }).cancelable).to.equal(false);
  });
});
