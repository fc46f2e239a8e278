/**
 * A brand accent needs a label colour of its own: the label on accent buttons followed the theme
 * while the page's accent stayed, so #0b5cd5 (white labels in light, 5.99:1) got the dark theme's
 * navy label (2.92:1), and #ff6a13 kept white in light (2.87:1).
 */
import { expect, html } from '@open-wc/testing';
import { styleOf, widgets } from './helpers.js';

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const PAIRS = [
  ['dark', '#0b5cd5', '#ffffff'],
  ['light', '#ff6a13', '#1c2024'],
] as const;

describe('an accent with its label colour', () => {
  for (const [theme, accent, label] of PAIRS) {
    it(`keeps the primary buttons' labels readable: ${accent} with ${label} in the ${theme} theme`, async () => {
      const style = `--plein-comments-accent: ${accent}; --plein-comments-accent-contrast: ${label}; --plein-poll-accent: ${accent}; --plein-poll-accent-contrast: ${label}`;
      const { comments, poll } = await widgets((inner) => html`<div style=${style}>${inner}</div>`, theme);
      for (const element of [comments, poll]) {
        const submit = styleOf(element, '[part~="submit"]');
        expect(contrast(submit.color, submit.backgroundColor), `${element.localName} submit`).to.be.at.least(4.5);
      }
    });
  }

  it('falls back to --plein-color-accent-contrast, which a page can set with --plein-color-accent', async () => {
    const { comments, poll } = await widgets((inner) => html`<div style="--plein-color-accent: #ff6a13; --plein-color-accent-contrast: rgb(28, 32, 36)">${inner}</div>`);
    expect(styleOf(comments, '[part~="submit"]').color).to.equal('rgb(28, 32, 36)');
    expect(styleOf(poll, '[part~="submit"]').color).to.equal('rgb(28, 32, 36)');
  });
});
