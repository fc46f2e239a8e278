/**
 * The primary button's hover came from --plein-color-accent-hover, not the widget's accent, so a
 * button branded orange turned the default blue under the pointer. The hover now follows the
 * accent it is drawn on, away from its label's lightness, so the label reads at least as well.
 */
import { expect, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { styleOf, widgets } from './helpers.js';

/** Any CSS colour as sRGB bytes, through a canvas (color-mix() computes to oklab). */
function rgb(color: string): [number, number, number] {
  const context = document.createElement('canvas').getContext('2d')!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** Orange: red leads, blue trails; not the default blue, not grey. */
const orangish = (color: string) => {
  const [r, g, b] = rgb(color);
  return r > g + 40 && g >= b && r - b > 80;
};

async function hovered(element: Element): Promise<CSSStyleDeclaration> {
  const button = element.shadowRoot!.querySelector('[part~="submit"]')!;
  // The widget may still move while its parts arrive: aim again until the pointer is on it.
  for (let attempt = 0; attempt < 5 && !button.matches(':hover'); attempt++) {
    button.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2) + attempt, Math.round(box.y + box.height / 2)] });
  }
  expect(button.matches(':hover'), `${element.localName} submit hovered`).to.equal(true);
  return getComputedStyle(button);
}

describe('the primary button under the pointer', () => {
  afterEach(() => resetMouse());

  for (const [theme, accent, label] of [
    ['light', '#ff6a13', '#1c2024'],
    ['light', '#c2410c', '#ffffff'],
    ['dark', '#ff6a13', '#17191c'],
  ] as const) {
    it(`stays in the widget's accent ${accent} with its label ${label} readable, in the ${theme} theme`, async () => {
      const style = `--plein-comments-accent: ${accent}; --plein-comments-accent-contrast: ${label}; --plein-poll-accent: ${accent}; --plein-poll-accent-contrast: ${label}`;
      const { comments, poll } = await widgets((inner) => html`<div style=${style}>${inner}</div>`, theme);
      for (const element of [comments, poll]) {
        const rest = styleOf(element, '[part~="submit"]').backgroundColor;
        const hover = await hovered(element);
        expect(hover.backgroundColor, `${element.localName} hover differs from rest`).not.to.equal(rest);
        expect(orangish(hover.backgroundColor), `${element.localName} hover ${hover.backgroundColor} is orange`).to.equal(true);
        expect(contrast(hover.color, hover.backgroundColor), `${element.localName} label on hover`).to.be.at.least(contrast(hover.color, rest));
        await resetMouse();
      }
    });
  }

  it('follows the global accent, and takes a hover colour the page gives', async () => {
    const { comments, poll } = await widgets((inner) => html`<div style="--plein-color-accent: #c2410c; --plein-poll-accent-hover: rgb(0, 128, 0)">${inner}</div>`);
    expect(orangish((await hovered(comments)).backgroundColor)).to.equal(true);
    await resetMouse();
    expect((await hovered(poll)).backgroundColor).to.equal('rgb(0, 128, 0)');
  });

  it('darkens the default accent in light and lightens it in dark, under its label', async () => {
    for (const theme of ['light', 'dark']) {
      const { poll } = await widgets(undefined, theme);
      const rest = styleOf(poll, '[part~="submit"]').backgroundColor;
      const hover = await hovered(poll);
      expect(luminance(hover.backgroundColor) < luminance(rest), `${theme}: ${hover.backgroundColor} against ${rest}`).to.equal(theme === 'light');
      expect(contrast(hover.color, hover.backgroundColor)).to.be.at.least(contrast(hover.color, rest));
      await resetMouse();
    }
  });
});
