import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../../src/components/popup/popup.js';
import type { PleinPopup } from '../../../src/components/popup/popup.js';

function panelOf(popup: PleinPopup): HTMLElement {
  const panel = popup.shadowRoot?.querySelector<HTMLElement>('[part~="popup"]');
  if (!panel) throw new Error('popup panel not rendered');
  return panel;
}

/** Resolves once the popup has opened and been placed. */
async function opened(popup: PleinPopup): Promise<void> {
  if (!popup.open) {
    const shown = oneEvent(popup, 'plein-popup-show');
    popup.open = true;
    await shown;
  } else {
    await popup.updateComplete;
    await popup.reposition();
  }
}

/** Two frames: long enough for ResizeObserver callbacks and the async position computation. */
async function frames(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await aTimeout(0);
}

const within = (actual: number, expected: number) => expect(actual).to.be.closeTo(expected, 1);

describe('<plein-popup>', () => {
  it('places the panel below the anchor, start-aligned, at the given distance', async () => {
    const root = await fixture<HTMLElement>(html`
      <div>
        <button id="trigger" style="position: fixed; top: 100px; left: 150px; width: 80px; height: 30px">Open</button>
        <plein-popup anchor="trigger" placement="bottom-start" distance="6"><p>Content</p></plein-popup>
      </div>
    `);
    const popup = root.querySelector('plein-popup')!;
    const anchor = root.querySelector('button')!.getBoundingClientRect();
    await opened(popup);
    const panel = panelOf(popup).getBoundingClientRect();
    within(panel.top, anchor.bottom + 6);
    within(panel.left, anchor.left);
    expect(panelOf(popup).dataset.placement).to.equal('bottom-start');
  });

  it('aligns start with the right edge of the anchor in a right-to-left page', async () => {
    const root = await fixture<HTMLElement>(html`
      <div dir="rtl">
        <button id="trigger" style="position: fixed; top: 100px; left: 300px; width: 80px; height: 30px">Open</button>
        <plein-popup anchor="trigger" placement="bottom-start"><p>Content</p></plein-popup>
      </div>
    `);
    const popup = root.querySelector('plein-popup')!;
    const anchor = root.querySelector('button')!.getBoundingClientRect();
    await opened(popup);
    within(panelOf(popup).getBoundingClientRect().right, anchor.right);
  });

  it('flips to the other side when the preferred side has no room, and stays when flip is off', async () => {
    const root = await fixture<HTMLElement>(html`
      <div>
        <button id="trigger" style="position: fixed; bottom: 0; left: 100px; height: 30px">Open</button>
        <plein-popup anchor="trigger" placement="bottom"><div style="height: 120px">Tall content</div></plein-popup>
      </div>
    `);
    const popup = root.querySelector('plein-popup')!;
    const anchor = root.querySelector('button')!.getBoundingClientRect();
    await opened(popup);
    expect(panelOf(popup).getBoundingClientRect().bottom).to.be.at.most(anchor.top);
    expect(panelOf(popup).dataset.side).to.equal('top');

    popup.setAttribute('flip', 'false');
    await popup.updateComplete;
    await popup.reposition();
    expect(popup.flip).to.equal(false);
    expect(panelOf(popup).getBoundingClientRect().top).to.be.at.least(anchor.bottom);
    expect(panelOf(popup).dataset.side).to.equal('bottom');
  });

  it('shifts along the anchor to stay inside the viewport', async () => {
    const root = await fixture<HTMLElement>(html`
      <div>
        <button id="trigger" style="position: fixed; top: 50px; left: 0; width: 20px">x</button>
        <plein-popup anchor="trigger" placement="bottom"><div style="width: 200px">Wide content</div></plein-popup>
      </div>
    `);
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    expect(panelOf(popup).getBoundingClientRect().left).to.be.at.least(popup.shiftPadding - 1);

    popup.shift = false;
    await popup.updateComplete;
    await popup.reposition();
    expect(panelOf(popup).getBoundingClientRect().left).to.be.below(0);
  });

  it('floats next to an anchor element inside another component’s shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div style="position: fixed; top: 200px; left: 40px"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const anchorElement = document.createElement('button');
    anchorElement.textContent = 'Deep trigger';
    anchorElement.style.cssText = 'margin-left: 60px; height: 24px';
    shadow.append(anchorElement);

    const popup = await fixture<PleinPopup>(html`<plein-popup .anchor=${anchorElement} distance="0"><p>Hi</p></plein-popup>`);
    await opened(popup);
    const anchor = anchorElement.getBoundingClientRect();
    const panel = panelOf(popup).getBoundingClientRect();
    within(panel.top, anchor.bottom);
    within(panel.left, anchor.left);
  });

  it('finds an anchor id in its own shadow root, not in the document', async () => {
    const decoy = await fixture<HTMLElement>(html`<button id="shared-id" style="position: fixed; top: 0; left: 0">Decoy</button>`);
    const host = await fixture<HTMLElement>(html`<div style="position: fixed; top: 300px; left: 300px"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const trigger = document.createElement('button');
    trigger.id = 'shared-id';
    trigger.textContent = 'Real';
    const popup = document.createElement('plein-popup');
    popup.anchor = 'shared-id';
    popup.distance = 0;
    popup.append('Hello');
    shadow.append(trigger, popup);

    expect(popup.anchorElement).to.equal(trigger);
    await opened(popup);
    within(panelOf(popup).getBoundingClientRect().top, trigger.getBoundingClientRect().bottom);
    expect(decoy.isConnected).to.equal(true);
  });

  it('is positioned correctly when slotted into a shadow root whose positioned container the page cannot see', async () => {
    const host = await fixture<HTMLElement>(html`<div style="margin-top: 40px">
      <button id="slotted-trigger">Trigger</button>
      <plein-popup anchor="slotted-trigger" distance="0">Slotted</plein-popup>
    </div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    // The slot sits in a positioned, offset container: offsetParent retargets it to the host.
    render(html`<div style="position: relative; margin-left: 120px; padding-top: 30px"><slot></slot></div>`, shadow);
    const popup = host.querySelector('plein-popup')!;
    await opened(popup);
    const anchor = host.querySelector('button')!.getBoundingClientRect();
    const panel = panelOf(popup).getBoundingClientRect();
    within(panel.top, anchor.bottom);
    within(panel.left, anchor.left);
  });

  it('picks up an anchor that appears after it opened, on reposition()', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <plein-popup anchor="late-anchor" distance="0">Late</plein-popup>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    popup.open = true;
    await popup.updateComplete;
    const late = document.createElement('button');
    late.id = 'late-anchor';
    late.textContent = 'Late';
    late.style.cssText = 'position: fixed; top: 120px; left: 220px; height: 20px';
    root.prepend(late);
    await popup.reposition();
    within(panelOf(popup).getBoundingClientRect().top, 140);
    within(panelOf(popup).getBoundingClientRect().left, 220);
  });

  it('uses fixed positioning when asked', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="fixed-trigger">Open</button>
      <plein-popup anchor="fixed-trigger" strategy="fixed">Fixed</plein-popup>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    expect(getComputedStyle(panelOf(popup)).position).to.equal('fixed');
    within(panelOf(popup).getBoundingClientRect().top, root.querySelector('button')!.getBoundingClientRect().bottom + popup.distance);
  });

  it('follows the anchor while open and stops tracking when closed', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="grow" style="position: fixed; top: 10px; left: 10px; height: 20px">Grow</button>
      <plein-popup anchor="grow" distance="0">Tracked</plein-popup>
    </div>`);
    const anchor = root.querySelector('button')!;
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    within(panelOf(popup).getBoundingClientRect().top, 30);

    let calls = 0;
    const original = popup.reposition.bind(popup);
    popup.reposition = () => {
      calls += 1;
      return original();
    };

    anchor.style.height = '60px';
    await frames();
    expect(calls, 'repositions after the anchor resized').to.be.greaterThan(0);
    within(panelOf(popup).getBoundingClientRect().top, 70);

    popup.open = false;
    await popup.updateComplete;
    calls = 0;
    anchor.style.height = '100px';
    window.dispatchEvent(new Event('resize'));
    await frames();
    expect(calls, 'no repositioning after close').to.equal(0);
  });

  it('stops tracking when removed from the page while open', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="remove-anchor" style="position: fixed; top: 10px; left: 10px; height: 20px">Anchor</button>
      <plein-popup anchor="remove-anchor">Tracked</plein-popup>
    </div>`);
    const anchor = root.querySelector('button')!;
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);

    let calls = 0;
    popup.reposition = async () => {
      calls += 1;
    };
    window.dispatchEvent(new Event('resize'));
    expect(calls, 'the spy sees window resizes while tracking').to.be.greaterThan(0);

    popup.remove();
    calls = 0;
    anchor.style.height = '80px';
    window.dispatchEvent(new Event('resize'));
    await frames();
    expect(calls).to.equal(0);
  });

  it('resumes tracking when moved within the page while open', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="move-anchor" style="position: fixed; top: 10px; left: 10px; height: 20px">Anchor</button>
      <plein-popup anchor="move-anchor">Tracked</plein-popup>
      <section></section>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    root.querySelector('section')!.append(popup);

    let calls = 0;
    popup.reposition = async () => {
      calls += 1;
    };
    window.dispatchEvent(new Event('resize'));
    expect(calls).to.be.greaterThan(0);
  });

  it('reflects open as :state(open) and announces show and hide', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="state-anchor">Anchor</button>
      <plein-popup anchor="state-anchor">State</plein-popup>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    expect(popup.matches(':state(open)')).to.equal(false);
    await opened(popup);
    expect(popup.matches(':state(open)')).to.equal(true);
    expect(getComputedStyle(panelOf(popup)).display).not.to.equal('none');

    const hidden = oneEvent(popup, 'plein-popup-hide');
    popup.open = false;
    const event = await hidden;
    expect(event.detail.reason).to.equal('closed');
    expect(event.composed).to.equal(true);
    expect(popup.matches(':state(open)')).to.equal(false);
    expect(getComputedStyle(panelOf(popup)).display).to.equal('none');
  });

  it('closes on Escape and returns focus to the anchor when focus was inside', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="esc-anchor">Menu</button>
      <plein-popup anchor="esc-anchor"><button>Inside</button></plein-popup>
    </div>`);
    const anchor = root.querySelector<HTMLButtonElement>('#esc-anchor')!;
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    popup.querySelector('button')!.focus();

    const hidden = oneEvent(popup, 'plein-popup-hide');
    await sendKeys({ press: 'Escape' });
    expect((await hidden).detail.reason).to.equal('escape');
    expect(popup.open).to.equal(false);
    expect(document.activeElement).to.equal(anchor);
  });

  it('closes on Escape without moving focus that was elsewhere', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="esc-anchor-2">Menu</button>
      <input aria-label="Elsewhere" />
      <plein-popup anchor="esc-anchor-2"><button>Inside</button></plein-popup>
    </div>`);
    const input = root.querySelector('input')!;
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    input.focus();
    await sendKeys({ press: 'Escape' });
    await popup.updateComplete;
    expect(popup.open).to.equal(false);
    expect(document.activeElement).to.equal(input);
  });

  it('closes only the most recently opened popup per Escape', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="outer-anchor">Outer</button>
      <plein-popup id="outer" anchor="outer-anchor">
        <button id="inner-anchor">Inner</button>
        <plein-popup id="inner" anchor="inner-anchor"><button>Deepest</button></plein-popup>
      </plein-popup>
    </div>`);
    const outer = root.querySelector<PleinPopup>('#outer')!;
    const inner = root.querySelector<PleinPopup>('#inner')!;
    await opened(outer);
    await opened(inner);
    inner.querySelector('button')!.focus();

    await sendKeys({ press: 'Escape' });
    await inner.updateComplete;
    expect(inner.open).to.equal(false);
    expect(outer.open).to.equal(true);
    expect(document.activeElement?.id).to.equal('inner-anchor');

    await sendKeys({ press: 'Escape' });
    await outer.updateComplete;
    expect(outer.open).to.equal(false);
    expect(document.activeElement?.id).to.equal('outer-anchor');
  });

  it('leaves Escape alone once a closed popup no longer listens', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="closed-anchor">Menu</button>
      <plein-popup anchor="closed-anchor">Content</plein-popup>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    popup.open = false;
    await popup.updateComplete;

    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(false);
  });

  it('draws an arrow pointing at the anchor', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="arrow-anchor" style="position: fixed; top: 40px; left: 200px; width: 100px">Anchor</button>
      <plein-popup anchor="arrow-anchor" placement="bottom" arrow distance="10"><div style="width: 200px">Arrow</div></plein-popup>
    </div>`);
    const popup = root.querySelector('plein-popup')!;
    await opened(popup);
    const arrow = popup.shadowRoot!.querySelector<HTMLElement>('[part~="arrow"]')!.getBoundingClientRect();
    const anchor = root.querySelector('button')!.getBoundingClientRect();
    within(arrow.left + arrow.width / 2, anchor.left + anchor.width / 2);
    expect(arrow.top).to.be.below(panelOf(popup).getBoundingClientRect().top);
  });

  it('has no accessibility violations while open', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <button id="a11y-anchor">Menu</button>
      <plein-popup anchor="a11y-anchor"><button>Action</button></plein-popup>
    </div>`);
    await opened(root.querySelector('plein-popup')!);
    await expect(root).to.be.accessible();
  });
});
