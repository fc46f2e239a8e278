/**
 * A designer sets the global tokens where the page keeps its own variables: `:root`, a wrapper,
 * `<plein-provider>`. Each element declared every token on its own host, which beat anything
 * inherited, so only a token set on the element itself changed anything.
 */
import { expect, html } from '@open-wc/testing';
import { styleOf, widgets } from './helpers.js';

const MAGENTA = 'rgb(255, 0, 255)';
const YELLOW = 'rgb(255, 255, 0)';
const TOKENS = `--plein-color-accent: ${MAGENTA}; --plein-color-surface: ${YELLOW}; --plein-radius-m: 7px`;

describe('global tokens set by the page', () => {
  afterEach(() => document.documentElement.removeAttribute('style'));

  for (const theme of ['light', 'dark']) {
    it(`win over the defaults from a wrapper, in the ${theme} theme`, async () => {
      const { comments, poll } = await widgets((inner) => html`<div style=${TOKENS}>${inner}</div>`, theme);
      for (const element of [comments, poll]) {
        expect(styleOf(element, '[part~="submit"]').backgroundColor, `${element.localName} submit`).to.equal(MAGENTA);
        expect(styleOf(element, '[part~="base"]').backgroundColor, `${element.localName} base`).to.equal(YELLOW);
        expect(styleOf(element, '[part~="base"]').borderTopLeftRadius, `${element.localName} radius`).to.equal('7px');
      }
    });
  }

  it('win from :root and from <plein-provider>', async () => {
    document.documentElement.setAttribute('style', TOKENS);
    let { comments, poll } = await widgets();
    expect(styleOf(comments, '[part~="submit"]').backgroundColor).to.equal(MAGENTA);
    expect(styleOf(poll, '[part~="submit"]').backgroundColor).to.equal(MAGENTA);
    document.documentElement.removeAttribute('style');

    ({ comments, poll } = await widgets((inner) => html`<plein-provider style=${TOKENS}>${inner}</plein-provider>`, 'dark'));
    expect(styleOf(comments, '[part~="base"]').backgroundColor).to.equal(YELLOW);
    expect(styleOf(poll, '[part~="submit"]').backgroundColor).to.equal(MAGENTA);
  });

  it('leave the theme defaults where the page set nothing, and a component variable still wins', async () => {
    const { comments, poll } = await widgets((inner) => html`<div style="--plein-comments-accent: rgb(0, 128, 0); --plein-color-accent: ${MAGENTA}">${inner}</div>`, 'dark');
    expect(styleOf(comments, '[part~="base"]').backgroundColor).to.equal('rgb(23, 25, 28)');
    expect(styleOf(comments, '[part~="submit"]').backgroundColor).to.equal('rgb(0, 128, 0)');
    expect(styleOf(poll, '[part~="submit"]').backgroundColor).to.equal(MAGENTA);
    const light = await widgets(undefined, 'light');
    expect(styleOf(light.poll, '[part~="submit"]').backgroundColor).to.equal('rgb(11, 92, 213)');
  });

  it('still take a token set on the element for one theme', async () => {
    const { comments } = await widgets((inner) => html`<div><style>plein-comments:state(dark) { --plein-color-surface: ${YELLOW} }</style>${inner}</div>`, 'dark');
    expect(styleOf(comments, '[part~="base"]').backgroundColor).to.equal(YELLOW);
  });
});
