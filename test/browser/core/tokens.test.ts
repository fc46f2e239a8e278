import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { type ProbeElement, mount } from './helpers.js';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const [r, g, b] = (hex.replace('#', '').match(/../g) ?? []).map((part) => channel(parseInt(part, 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const TEXT_ON_SURFACES = ['text', 'muted', 'accent', 'danger', 'success', 'warning'];
const PAIRS: [string, string, number][] = [
  ...TEXT_ON_SURFACES.flatMap((fg): [string, string, number][] => [
    [fg, 'surface', 4.5],
    [fg, 'surface-alt', 4.5],
  ]),
  ['accent-contrast', 'accent', 4.5],
  ['danger-contrast', 'danger', 4.5],
  ['accent', 'accent-subtle', 4.5],
  ['danger', 'danger-subtle', 4.5],
  ['success', 'success-subtle', 4.5],
  ['warning', 'warning-subtle', 4.5],
  ['text', 'accent-subtle', 4.5],
  ['text', 'danger-subtle', 4.5],
  ['text', 'success-subtle', 4.5],
  ['text', 'warning-subtle', 4.5],
  // Control edges and the focus ring are non-text: 3:1 (WCAG 1.4.11).
  ['border-strong', 'surface', 3],
  ['border-strong', 'surface-alt', 3],
  ['focus', 'surface', 3],
  ['focus', 'surface-alt', 3],
];

// The page sets the public names; the element resolves each into the private `--_*` its styles
// read, so that is where a default shows.
describe('design tokens', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`meet WCAG AA contrast in the ${theme} theme`, async () => {
      const element = await fixture<ProbeElement>(html`<test-plein-probe theme=${theme}></test-plein-probe>`);
      const style = getComputedStyle(element);
      const color = (name: string): string => style.getPropertyValue(`--_color-${name}`).trim();
      const failures = PAIRS.map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrast(color(fg), color(bg)) }))
        .filter(({ ratio, min }) => !(ratio >= min))
        .map(({ fg, bg, ratio, min }) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      expect(failures).to.deep.equal([]);
    });
  }

  it('inherit the page font until --plein-font-family is set', async () => {
    const page = await mount<HTMLDivElement>(
      html`<div style="font-family: Georgia, serif"><test-plein-probe></test-plein-probe></div>`,
    );
    const element = page.querySelector('test-plein-probe') as ProbeElement;
    expect(getComputedStyle(element).fontFamily).to.equal('Georgia, serif');
    element.style.setProperty('--plein-font-family', 'monospace');
    expect(getComputedStyle(element).fontFamily).to.equal('monospace');
  });

  it('drop durations to zero for readers who prefer reduced motion', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(getComputedStyle(element).getPropertyValue('--_duration-fast').trim()).to.equal('120ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(element).getPropertyValue('--_duration-fast').trim()).to.equal('0ms');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
