import { expect } from '@open-wc/testing';
import type { PleinAdapter, RealtimeEvent } from '../../../src/adapter.js';
import { AdapterError } from '../../../src/adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../../src/memory.js';
import type { FactoryContext } from '../../../src/testing.js';
import { runKit, titles, type Result } from './fake-runner.js';

const memory = ({ namespace, viewer, threads }: FactoryContext, persist = true) =>
  createMemoryAdapter({ namespace, viewer, persist, seed: { threads } });

/** The memory adapter with some of its parts replaced. */
function broken(overrides: (inner: MemoryAdapter) => Partial<PleinAdapter>) {
  return (context: FactoryContext): PleinAdapter => {
    const inner = memory(context);
    return { ...inner, ...overrides(inner) };
  };
}

const failedTitles = (results: Result[]) => titles(results, 'failed');

function expectOnlyFailures(results: Result[], expected: string[]) {
  const failed = failedTitles(results);
  for (const title of expected) expect(failed, `"${title}" should fail`).to.include(title);
  expect(failed.length, `unexpected failures: ${failed.join('\n')}`).to.equal(expected.length);
}

describe('conformance kit', () => {
  after(() => {
    for (const key of Object.keys(localStorage)) if (key.includes(':plein-kit-')) localStorage.removeItem(key);
  });

  it('passes the memory adapter on every section, skipping nothing it declares', async () => {
    const results = await runKit({ name: 'memory', factory: memory, persistent: true });
    expect(failedTitles(results)).to.deep.equal([]);
    expect(titles(results, 'skipped')).to.deep.equal([]);
    expect(titles(results, 'passed')).to.include.members([
      'adapter definition › passes defineAdapter: every declared capability has all its methods',
      'guests › refuses an empty guest name as invalid on fields.name',
      'abort signals › rejects getViewer with an AbortError when the signal is already aborted',
      'realtime › stops delivery after unsubscribe (viewer-changed to session subscribers when a guest signs in)',
      'persistence across re-creation › keeps a guest session after every instance is disposed and a new one is created',
    ]);
  });

  it('fails the abort tests of an adapter that ignores abort signals', async () => {
    const results = await runKit({
      name: 'ignores-abort',
      factory: broken((inner) => ({ getViewer: () => inner.getViewer() })),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'abort signals › rejects getViewer with an AbortError when the signal is already aborted',
      'abort signals › rejects getViewer with the signal’s own reason',
    ]);
  });

  it('fails the guest tests of an adapter that accepts an empty guest name', async () => {
    const results = await runKit({
      name: 'empty-guest',
      factory: broken((inner) => ({
        signInAsGuest: async (input, options) =>
          input.name.trim() === '' ? { id: 'guest-x', name: '', roles: [], guest: true } : inner.signInAsGuest(input, options),
      })),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'guests › refuses an empty guest name as invalid on fields.name',
      'guests › refuses a blank guest name as invalid on fields.name',
      'error shapes › throws an AdapterError "invalid" with a message when a guest signs in with an empty name',
    ]);
  });

  it('fails persistence for an adapter that forgets its data on re-creation', async () => {
    const results = await runKit({ name: 'forgetful', factory: (context) => memory(context, false), persistent: true });
    expectOnlyFailures(results, [
      'persistence across re-creation › keeps a guest session after every instance is disposed and a new one is created',
      'persistence across re-creation › keeps a comment, its reply and an edit after every instance is disposed and a new one is created',
      'persistence across re-creation › keeps a reaction after every instance is disposed and a new one is created',
      'persistence across re-creation › keeps a thread lock after every instance is disposed and a new one is created',
      'persistence across re-creation › keeps a poll, a ballot and a close after every instance is disposed and a new one is created',
    ]);
  });

  it('fails the unsubscribe test of an adapter whose unsubscribe does not stop delivery', async () => {
    const results = await runKit({
      name: 'sticky-subscribe',
      factory: broken((inner) => ({
        subscribe: (topic, onEvent) => {
          inner.subscribe(topic, onEvent);
          return () => {};
        },
      })),
    });
    expectOnlyFailures(results, [
      'realtime › stops delivery after unsubscribe (viewer-changed to session subscribers when a guest signs in)',
      'realtime › stops delivery after unsubscribe (comment-added to another instance when a member posts)',
      'realtime › stops delivery after unsubscribe (comment-updated when a comment is edited)',
      'realtime › stops delivery after unsubscribe (comment-deleted when a comment without replies is deleted)',
      'realtime › stops delivery after unsubscribe (reactions-changed with the listener’s own mine when someone else reacts)',
      'realtime › stops delivery after unsubscribe (thread-updated when a moderator locks the thread)',
      'realtime › stops delivery after unsubscribe (poll-updated with the new ballotCount, and no tally, to a member who has not voted in an after-vote poll)',
    ]);
  });

  it('fails an adapter whose throwing listener silences the others', async () => {
    const results = await runKit({
      name: 'fragile-listeners',
      // Each silenced listener is waited for; a short patience keeps the run within mocha's timeout.
      timeout: 1000,
      factory: broken((inner) => {
        const byTopic = new Map<string, Set<(event: RealtimeEvent) => void>>();
        return {
          subscribe: (topic, onEvent) => {
            let listeners = byTopic.get(topic);
            if (!listeners) {
              const created = new Set<(event: RealtimeEvent) => void>();
              inner.subscribe(topic, (event) => created.forEach((listener) => listener(event)));
              byTopic.set(topic, (listeners = created));
            }
            listeners.add(onEvent);
            return () => listeners.delete(onEvent);
          },
        };
      }),
    });
    expect(failedTitles(results)).to.include(
      'realtime › keeps delivering to other listeners when one throws (viewer-changed to session subscribers when a guest signs in)',
    );
  });

  it('fails an adapter that throws plain Errors instead of AdapterErrors', async () => {
    const results = await runKit({
      name: 'plain-errors',
      factory: broken((inner) => ({
        signInAsGuest: (input, options) =>
          inner.signInAsGuest(input, options).catch((error: unknown) => {
            throw AdapterError.is(error) ? new Error(error.message) : error;
          }),
      })),
    });
    expect(failedTitles(results)).to.include.members([
      'error shapes › throws an AdapterError "invalid" with a message when a guest signs in with an empty name',
      'guests › refuses an empty guest name as invalid on fields.name',
    ]);
  });

  it('fails an adapter whose supports declares a capability it does not implement', async () => {
    const results = await runKit({
      name: 'overclaims',
      factory: broken(() => ({ getThread: undefined })),
    });
    expect(failedTitles(results)).to.include('adapter definition › passes defineAdapter: every declared capability has all its methods');
  });

  it('registers tests of undeclared capabilities as skipped, with the reason', async () => {
    const results = await runKit({
      name: 'session-only',
      factory: broken(() => ({ supports: { session: true } })),
    });
    expect(failedTitles(results)).to.deep.equal([]);
    const skipped = titles(results, 'skipped');
    expect(skipped).to.include('guests › signOut forgets the guest [skipped: capability not declared: guests]');
    expect(skipped).to.include(
      'realtime › subscribe returns an unsubscribe function that may be called twice [skipped: capability not declared: realtime]',
    );
    expect(skipped.some((title) => title.includes('[skipped: the factory is not declared persistent]'))).to.equal(true);
    expect(titles(results, 'passed')).to.include('viewer › getViewer resolves to null for an anonymous visitor');
  });

  it('registers a passing, explained test when the runner has no it.skip', async () => {
    const results = await runKit({ name: 'no-skip', factory: broken(() => ({ supports: { session: true } })) }, { withSkip: false });
    expect(titles(results, 'skipped')).to.deep.equal([]);
    expect(titles(results, 'passed')).to.include('guests › signOut forgets the guest [skipped: capability not declared: guests]');
  });

  it('checks capabilities per test when the factory is async, and still finds failures', async () => {
    const results = await runKit({
      name: 'async',
      factory: async (context) => {
        const inner = memory(context);
        return { ...inner, getViewer: () => inner.getViewer() };
      },
    });
    expect(failedTitles(results)).to.deep.equal([
      'abort signals › rejects getViewer with an AbortError when the signal is already aborted',
      'abort signals › rejects getViewer with the signal’s own reason',
    ]);
    expect(titles(results, 'passed')).to.include('guests › signOut forgets the guest');
  });

  it('fails a test that hangs, after the timeout', async () => {
    const results = await runKit({
      name: 'hangs',
      factory: broken(() => ({ getViewer: () => new Promise(() => {}) })),
      timeout: 200,
    });
    const hung = results.find((result) => result.title === 'viewer › getViewer resolves to null for an anonymous visitor');
    expect(hung?.outcome).to.equal('failed');
    expect(String(hung?.error)).to.match(/did not finish within 200 ms/);
  });

  it('disposes every adapter it made, after passing and failing tests alike', async () => {
    const made: MemoryAdapter[] = [];
    await runKit({
      name: 'disposal',
      factory: (context) => {
        const adapter = memory(context);
        made.push(adapter);
        return { ...adapter, getViewer: () => adapter.getViewer() };
      },
      persistent: true,
    });
    expect(made.length).to.be.greaterThan(20);
    const answers = await Promise.all(made.map((adapter) => adapter.getViewer().then(() => 'open', (error: AdapterError) => error.code)));
    expect(answers.filter((answer) => answer !== 'unavailable')).to.deep.equal([]);
  });
});
