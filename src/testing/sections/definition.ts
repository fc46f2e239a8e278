import { CAPABILITY_METHODS } from '../../adapters/capabilities.js';
import { defineAdapter } from '../../adapters/define.js';
import { check, fail, show } from '../assert.js';
import type { Section } from './section.js';

export const definitionSection: Section = {
  title: 'adapter definition',
  register(suite) {
    suite.test('passes defineAdapter: every declared capability has all its methods', {}, async (t) => {
      const adapter = await t.open(null);
      try {
        defineAdapter(adapter);
      } catch (error) {
        fail(`defineAdapter refused the adapter: ${(error as Error).message}`);
      }
    });

    suite.test('declares capabilities as true/false flags with known names', {}, async (t) => {
      const { supports } = await t.open(null);
      check(typeof supports === 'object' && supports !== null, `supports should be an object, got ${show(supports)}.`);
      for (const [capability, flag] of Object.entries(supports)) {
        check(capability in CAPABILITY_METHODS, `supports names an unknown capability "${capability}".`);
        check(typeof flag === 'boolean', `supports.${capability} should be true or false, got ${show(flag)}.`);
      }
    });
  },
};
