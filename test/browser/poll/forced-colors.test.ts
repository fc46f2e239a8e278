/**
 * Forced colours (Windows' contrast themes, and the like elsewhere) paint every background with the
 * system's Canvas colour and drop box shadows: a result bar drawn only with a track's background,
 * an inset shadow and a fill's background vanished, track and fill alike.
 *
 * The test runner's Chromium cannot be switched into forced colours from a test (its emulateMedia
 * knows colour scheme and motion only), so this applies the poll's own
 * `@media (forced-colors: active)` rules as that mode would, then works out what the mode leaves
 * of each box: a background only where `forced-color-adjust: none` keeps it, a border wherever
 * one is drawn (in the system's text colour).
 */
import { expect, html } from '@open-wc/testing';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import { applyForcedColorRules } from '../support/forced-colors.js';
import { $, $$, choose, memoryAdapter, mount, root, submit, until } from './helpers.js';

/** The colour a CSS colour value resolves to in this shadow root. */
function resolve(element: PleinPoll, color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  root(element).append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

const SYSTEM_COLORS = ['Highlight', 'CanvasText', 'LinkText', 'ButtonText', 'SelectedItem', 'Mark', 'AccentColor'];

describe('<plein-poll> in forced colours', () => {
  it('keeps the result bars visible: the track outlined, the fill in a system colour the mode does not replace', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="forced" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    await choose(element, 'tea');
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && $$(element, '[part~="bar"]').length === 2, 'the bars after the vote');
    await element.updateComplete;

    expect(applyForcedColorRules(root(element)), 'rules for forced colours').to.be.greaterThan(0);
    const bar = $(element, '[part~="bar"]');
    const fill = $(element, '[part~="bar"] .fill');
    // Tea has every vote (the fill grows to its share in a transition).
    await until(() => fill.getBoundingClientRect().width > 0, 'the fill to grow');

    // The track: its background becomes Canvas like the widget's, so only a border shows where it is.
    const track = getComputedStyle(bar);
    expect(track.borderTopStyle, 'the track is outlined').to.not.equal('none');
    expect(parseFloat(track.borderTopWidth)).to.be.at.least(1);

    // The fill keeps its background only if the mode is told to leave it, and then it must be a
    // system colour, which follows the user's theme and stands apart from Canvas.
    const drawn = getComputedStyle(fill);
    expect(drawn.forcedColorAdjust, 'the fill keeps its colour').to.equal('none');
    const systemColors = SYSTEM_COLORS.map((color) => resolve(element, color));
    expect(systemColors, 'the fill is a system colour').to.include(drawn.backgroundColor);
    expect(drawn.backgroundColor).to.not.equal(resolve(element, 'Canvas'));
  });
});
