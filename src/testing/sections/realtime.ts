import type { RealtimeEvent } from '../../adapters/contract.js';
import { check, checkEqual, fail, show, sleep } from '../assert.js';
import { record } from '../events.js';
import { eventTriggers } from '../probes/index.js';
import type { Section } from './section.js';

/** After an event reached one listener, how long another one may still be on its way. */
const STRAGGLER_MS = 50;

export const realtimeSection: Section = {
  title: 'realtime',
  register(suite) {
    suite.test('subscribe returns an unsubscribe function that may be called twice', { capabilities: ['realtime'] }, async (t) => {
      const adapter = await t.open(null);
      if (typeof adapter.subscribe !== 'function') fail('The adapter declares realtime but has no subscribe method.');
      const unsubscribe = adapter.subscribe('session', () => {});
      checkEqual(typeof unsubscribe, 'function', 'typeof the value subscribe returned');
      unsubscribe();
      unsubscribe();
    });

    for (const trigger of eventTriggers) {
      const needs = { capabilities: ['realtime', ...trigger.capabilities] } as const;

      suite.test(`delivers ${trigger.title}`, needs, async (t) => {
        const { listener, topic, fire, matches } = await trigger.setup(t);
        const recording = record(listener, topic);
        await fire();
        await recording.next(matches, t.patience, 'matching event');
      });

      suite.test(`stops delivery after unsubscribe (${trigger.title})`, needs, async (t) => {
        const { listener, topic, fire, matches } = await trigger.setup(t);
        const gone = record(listener, topic);
        const staying = record(listener, topic);
        gone.unsubscribe();
        await fire();
        await staying.next(matches, t.patience, 'event for the listener that stayed');
        await sleep(STRAGGLER_MS);
        check(!gone.events.some(matches), `An unsubscribed listener still received ${show(gone.events)}.`);
      });

      suite.test(`keeps delivering to other listeners when one throws (${trigger.title})`, needs, async (t) => {
        const { listener, topic, fire, matches } = await trigger.setup(t);
        const before = record(listener, topic);
        let thrown = 0;
        listener.subscribe?.(topic, (event: RealtimeEvent) => {
          if (!matches(event)) return;
          thrown++;
          throw new Error('A listener that throws (thrown on purpose by the conformance kit)');
        });
        const after = record(listener, topic);
        await fire();
        await before.next(matches, t.patience, 'event for the listener before the thrower');
        await after.next(matches, t.patience, 'event for the listener after the thrower');
        checkEqual(thrown, 1, 'Times the throwing listener ran');
      });
    }
  },
};
