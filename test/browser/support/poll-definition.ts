import type { PollDefinition } from '../../../src/adapters/contract.js';

/** A complete single-choice member poll with two options, results always shown; override what a test is about. */
export function pollDefinition(id: string, fields: Partial<PollDefinition> = {}): PollDefinition {
  return {
    id,
    type: 'single',
    question: 'Where shall we meet next?',
    options: [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam' },
    ],
    results: 'always',
    voters: 'secret',
    integrity: 'member',
    ...fields,
  };
}
