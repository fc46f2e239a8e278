import { expect } from '@open-wc/testing';
import { $config, configure, getConfig } from '../../../src/core/config.js';
import { fakeAdapter, resetConfig } from './helpers.js';

describe('configure()', () => {
  afterEach(resetConfig);

  it('starts with no adapter, no language, the auto theme and no demo mode', () => {
    expect(getConfig()).to.deep.equal({ adapter: null, lang: null, theme: 'auto', demo: false });
  });

  it('merges options, so the script tag and code can each set their part', () => {
    const adapter = fakeAdapter('a');
    configure({ lang: 'nl', theme: 'dark' });
    configure({ adapter, demo: true });
    expect(getConfig()).to.deep.equal({ adapter, lang: 'nl', theme: 'dark', demo: true });
  });

  it('clears a value passed as undefined or null', () => {
    configure({ lang: 'nl', adapter: fakeAdapter('a') });
    configure({ lang: undefined, adapter: null });
    expect(getConfig().lang).to.equal(null);
    expect(getConfig().adapter).to.equal(null);
  });

  it('ignores an unknown theme with a warning instead of breaking the page', () => {
    configure({ theme: 'dark' });
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      configure({ theme: 'sepia' as 'dark' });
    } finally {
      console.warn = original;
    }
    expect(getConfig().theme).to.equal('dark');
    expect(warnings).to.have.length(1);
  });

  it('notifies $config listeners and hands out frozen snapshots', () => {
    const seen: (string | null)[] = [];
    const stop = $config.listen((config) => seen.push(config.lang));
    configure({ lang: 'nl' });
    configure({ lang: 'de' });
    stop();
    expect(seen).to.deep.equal(['nl', 'de']);
    expect(Object.isFrozen(getConfig())).to.equal(true);
  });
});
