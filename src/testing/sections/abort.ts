import { AdapterError, isAbortError } from '../../adapters/errors.js';
import { check, rejection, show } from '../assert.js';
import { abortProbes } from '../probes/index.js';
import type { Section } from './section.js';

export const abortSection: Section = {
  title: 'abort signals',
  register(suite) {
    for (const probe of abortProbes) {
      suite.test(`rejects ${probe.method} with an AbortError when the signal is already aborted`, probe, async (t) => {
        const adapter = await (probe.open?.(t) ?? t.open(null));
        const error = await rejection(probe.call(adapter, AbortSignal.abort()), `${probe.method} with an aborted signal`);
        check(!AdapterError.is(error), `An aborted call must not reject with an AdapterError, got ${show(error)}.`);
        check(isAbortError(error), `It should reject with an AbortError, got ${show(error)}.`);
        await probe.verifyNoEffect?.(adapter);
      });

      if (probe.kind !== 'read') continue;
      suite.test(`rejects ${probe.method} with the signal’s own reason`, probe, async (t) => {
        const adapter = await (probe.open?.(t) ?? t.open(null));
        const reason = new Error('The caller gave up');
        const controller = new AbortController();
        controller.abort(reason);
        const error = await rejection(probe.call(adapter, controller.signal), `${probe.method} with an aborted signal`);
        check(error === reason, `It should reject with signal.reason, got ${show(error)}.`);
      });
    }
  },
};
