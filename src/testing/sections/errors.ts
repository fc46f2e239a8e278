import { ADAPTER_ERROR_CODES, AdapterError } from '../../adapters/errors.js';
import { check, checkEqual, rejection, show } from '../assert.js';
import { errorProbes } from '../probes/index.js';
import type { Section } from './section.js';

export const errorsSection: Section = {
  title: 'error shapes',
  register(suite) {
    for (const probe of errorProbes) {
      suite.test(`throws an AdapterError "${probe.code}" with a message when ${probe.title}`, probe, async (t) => {
        const error = await rejection(probe.provoke(t), probe.title);
        check(error instanceof Error, `It should reject with an Error, got ${show(error)}.`);
        check(AdapterError.is(error), `It should reject with an AdapterError (AdapterError.is), got ${show(error)}.`);
        check(ADAPTER_ERROR_CODES.includes(error.code), `Unknown error code ${show(error.code)}.`);
        checkEqual(error.code, probe.code, 'The error code');
        check(typeof error.message === 'string' && error.message.trim() !== '', 'The error needs a human message.');
        check(typeof error.fields === 'object' && error.fields !== null, `error.fields should be an object, got ${show(error.fields)}.`);
        if (probe.field !== undefined) {
          const field = error.fields[probe.field];
          check(field !== undefined, `error.fields.${probe.field} is missing: ${show(error.fields)}.`);
          check(typeof field.reason === 'string' && typeof field.message === 'string', `error.fields.${probe.field} needs a reason and a message.`);
        }
      });
    }
  },
};
