/**
 * The demo site is the first thing a site owner sees of Plein: its own pages (header, the demo's
 * sign-in bar, article) must pass axe and fit a phone, as the widgets in them do. The pages are
 * loaded as they are, less the Plein loader, whose widgets have their own tests.
 */
import { emulateMedia } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';

const PAGES = ['index.html', 'nl.html', 'polls.html'];

type AxeRule = { id: string; nodes: { target: unknown[]; failureSummary?: string }[] };

interface AxeResults {
  violations: AxeRule[];
  incomplete: AxeRule[];
}

let axeSource: Promise<string> | undefined;

/** The demo page `name` in an iframe `width` pixels wide, with axe-core loaded into it. */
async function open(name: string, width: number): Promise<HTMLIFrameElement> {
  const markup = (await (await fetch(`/demo/site/${name}`)).text()).replace(/<script type="module" src="\/plein\/plein\.js"[^>]*><\/script>/, '');
  const frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: 600px; border: 0`;
  frame.srcdoc = markup.replace('<head>', '<head><base href="/demo/site/" />');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await Promise.all([...doc.querySelectorAll('link[rel="stylesheet"]')].map((link) => ((link as HTMLLinkElement).sheet ? null : new Promise((resolve) => link.addEventListener('load', resolve, { once: true })))));
  const script = doc.createElement('script');
  script.textContent = await (axeSource ??= fetch('/node_modules/axe-core/axe.min.js').then((response) => response.text()));
  doc.head.append(script);
  return frame;
}

/** What axe finds wrong, and any contrast it could not work out (which would hide a failure). */
async function violations(frame: HTMLIFrameElement): Promise<string[]> {
  const axe = (frame.contentWindow as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
  const results = await axe.run(frame.contentDocument!);
  const unknownContrast = results.incomplete.filter((rule) => rule.id === 'color-contrast');
  return [...results.violations, ...unknownContrast].flatMap((rule) => rule.nodes.map((node) => `${rule.id} ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`));
}

describe('the demo site', () => {
  afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const name of PAGES) {
      it(`${name} passes axe in the ${scheme} scheme, the sign-in bar in a landmark and its muted text readable`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const frame = await open(name, 1000);
        expect(await violations(frame)).to.deep.equal([]);
      });
    }
  }

  for (const name of PAGES) {
    it(`${name} fits a 320 px wide screen without scrolling sideways`, async () => {
      const frame = await open(name, 320);
      const doc = frame.contentDocument!;
      const wider = [...doc.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > doc.documentElement.clientWidth + 0.5);
      expect(wider.map((element) => `${element.localName}${element.id ? `#${element.id}` : ''}`)).to.deep.equal([]);
      expect(doc.documentElement.scrollWidth).to.equal(doc.documentElement.clientWidth);
    });
  }
});
