import type { PollDefinition } from '../../../src/adapters/contract.js';
import { pollDefinition } from '../support/poll-definition.js';

/** A single-choice member poll, "Tea or coffee?", with `fields` changed. */
export const definition = (id: string, fields: Partial<PollDefinition> = {}): PollDefinition =>
  pollDefinition(id, {
    question: 'Tea or coffee?',
    options: [
      { value: 'tea', label: 'Tea' },
      { value: 'coffee', label: 'Coffee' },
    ],
    ...fields,
  });
