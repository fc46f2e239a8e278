import { persistenceProbes } from '../probes/index.js';
import type { Section } from './section.js';

export const persistenceSection: Section = {
  title: 'persistence across re-creation',
  register(suite) {
    for (const probe of persistenceProbes) {
      const needs = { capabilities: probe.capabilities, persistent: true };
      suite.test(`keeps ${probe.title} after every instance is disposed and a new one is created`, needs, async (t) => {
        const written = await probe.write(t);
        await t.disposeAll();
        await probe.verify(t, written);
      });
    }
  },
};
