import type { PollDefinition } from '../../../src/adapters/contract.js';

/** A single-choice member poll, "Tea or coffee?", with `fields` changed. */
export function definition(id: string, fields: Partial<PollDefinition> = {}): PollDefinition {
  return {
    id,
    type: 'single',
    question: 'Tea or coffee?',
    options: [
      { value: 'tea', label: 'Tea' },
      { value: 'coffee', label: 'Coffee' },
    ],
    results: 'always',
    voters: 'secret',
    integrity: 'member',
    ...fields,
  };
}
