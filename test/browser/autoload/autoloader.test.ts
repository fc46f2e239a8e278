import { expect, aTimeout } from '@open-wc/testing';
import { startAutoloader } from '../../../src/autoload/autoloader.js';
import { findOwnScript, readScriptOptions } from '../../../src/autoload/script-options.js';
import { applyScriptOptions } from '../../../src/autoload/setup.js';
import { configure, getConfig } from '../../../src/core/config.js';
import { loaders } from '../../../src/autoload/loaders.js';

let observers: MutationObserver[] = [];
const cleanup: Element[] = [];
afterEach(() => {
  observers.forEach((observer) => observer.disconnect());
  observers = [];
  cleanup.splice(0).forEach((el) => el.remove());
});

/** Appends `tags`, each nested inside the one before it, to the page. */
function add(...tags: string[]): HTMLElement {
  const host = document.createElement('div');
  tags.reduce<Element>((parent, tag) => parent.appendChild(document.createElement(tag)), host);
  document.body.append(host);
  cleanup.push(host);
  return host;
}

describe('script-tag autoloader', () => {
  it('fetches a widget chunk once, while preparing, and defines its tag only after preparing', async () => {
    add('plein-test-a');
    add('plein-test-a');
    const calls: string[] = [];
    let prepared = () => {};
    const chunk = (name: string) => async () => {
      calls.push(`fetch ${name}`);
      return () => void calls.push(`define ${name}`);
    };
    observers.push(
      startAutoloader(document, { 'plein-test-a': chunk('a'), 'plein-test-b': chunk('b') }, () => {
        calls.push('prepare');
        return new Promise<void>((resolve) => (prepared = resolve));
      }),
    );
    await aTimeout(0);
    expect(calls, 'the chunk does not wait for the adapter').to.deep.equal(['prepare', 'fetch a']);
    prepared();
    await aTimeout(0);
    expect(calls).to.deep.equal(['prepare', 'fetch a', 'define a']);
  });

  it('loads a widget chunk when its tag is added later, nested inside other markup', async () => {
    const calls: string[] = [];
    observers.push(startAutoloader(document, { 'plein-test-c': async () => () => void calls.push('c') }, async () => {}));
    await aTimeout(0);
    expect(calls).to.deep.equal([]);
    add('section', 'p', 'plein-test-c');
    await aTimeout(0);
    expect(calls).to.deep.equal(['c']);
  });

  it('never loads a chunk for a page without that widget', async () => {
    add('plein-test-d');
    const calls: string[] = [];
    observers.push(
      startAutoloader(document, { 'plein-test-d': async () => () => void calls.push('d'), 'plein-test-e': async () => () => void calls.push('e') }, async () => {}),
    );
    await aTimeout(0);
    expect(calls).to.deep.equal(['d']);
  });

  it('tries again after a chunk failed to load, when the tag appears again', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      observers.push(
        startAutoloader(
          document,
          {
            'plein-test-f': async () => {
              attempts++;
              if (attempts === 1) throw new Error('offline');
              return () => {};
            },
          },
          async () => {},
        ),
      );
      add('plein-test-f');
      await aTimeout(0);
      add('plein-test-f');
      await aTimeout(0);
    } finally {
      console.error = original;
    }
    expect(attempts).to.equal(2);
    expect(errors).to.have.length(1);
  });

  it('maps every public tag to a chunk whose definer defines it', async () => {
    for (const [tag, load] of Object.entries(loaders)) {
      (await load())();
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
  });
});

describe('script-tag options', () => {
  it('finds its own module script by URL and reads its data attributes', () => {
    const script = document.createElement('script');
    script.type = 'module-test';
    script.src = new URL('/plein/plein.js', location.href).href;
    script.dataset.endpoint = 'https://comments.example.org';
    script.dataset.lang = 'nl';
    script.dataset.theme = 'dark';
    script.dataset.site = 'blog';
    document.head.append(script);
    cleanup.push(script);
    const found = findOwnScript(script.src);
    expect(found).to.equal(script);
    expect(readScriptOptions(found)).to.deep.equal({ endpoint: 'https://comments.example.org', lang: 'nl', theme: 'dark', site: 'blog', script });
  });

  it('ignores an unknown theme with a warning instead of failing', () => {
    const script = document.createElement('script');
    script.dataset.theme = 'purple';
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(readScriptOptions(script)).to.deep.equal({ script });
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
  });

  it('runs the page on the persisted memory adapter in demo mode when given no endpoint and no adapter', async () => {
    const before = getConfig();
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = '';
    configure({ adapter: null, demo: false });
    try {
      await applyScriptOptions({ lang: 'nl', theme: 'dark' });
      const config = getConfig();
      expect(config.adapter?.name).to.equal('memory');
      expect(config.demo).to.equal(true);
      // Whoever tries the page can post and vote at once, where the note says what they post stays here.
      const viewer = await config.adapter?.getViewer();
      expect(viewer?.roles).to.deep.equal(['member']);
      expect(viewer?.name).to.equal('Jij');
      expect(config.lang).to.equal('nl');
      expect(config.theme).to.equal('dark');
    } finally {
      document.documentElement.lang = pageLang;
      await getConfig().adapter?.dispose?.();
      configure({ adapter: before.adapter, lang: before.lang, theme: before.theme, demo: before.demo });
    }
  });

  it('talks to the server named by data-endpoint and data-site, resolving a relative endpoint against the page', async () => {
    const before = getConfig();
    configure({ adapter: null, demo: false });
    try {
      await applyScriptOptions({ endpoint: '/', site: 'blog', script: document.createElement('script') });
      const config = getConfig();
      expect(config.adapter?.name).to.equal('http');
      expect(config.adapter?.supports.comments).to.equal(true);
      expect(config.demo).to.equal(false);
    } finally {
      await getConfig().adapter?.dispose?.();
      configure({ adapter: before.adapter, lang: before.lang, theme: before.theme, demo: before.demo });
    }
  });

  it('refuses an endpoint without a site id, naming the missing attribute', async () => {
    const before = getConfig();
    configure({ adapter: null });
    try {
      let error: unknown;
      await applyScriptOptions({ endpoint: 'https://comments.example.org' }).catch((e: unknown) => (error = e));
      expect(String(error)).to.contain('data-site');
      expect(getConfig().adapter).to.equal(null);
    } finally {
      configure({ adapter: before.adapter });
    }
  });

  it('keeps an adapter that code configured, applying only language and theme', async () => {
    const before = getConfig();
    const adapter = { name: 'mine', supports: { session: true }, getViewer: async () => null, signOut: async () => {} };
    configure({ adapter, demo: false });
    try {
      await applyScriptOptions({ lang: 'en', theme: 'light' });
      expect(getConfig().adapter).to.equal(adapter);
      expect(getConfig().demo).to.equal(false);
    } finally {
      configure({ adapter: before.adapter, lang: before.lang, theme: before.theme, demo: before.demo });
    }
  });
});
