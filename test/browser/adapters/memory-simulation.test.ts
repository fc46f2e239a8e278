import { expect } from '@open-wc/testing';
import { AdapterError, isAbortError } from '../../../src/adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../../src/memory.js';
import { uniqueNamespace } from './memory-helpers.js';

describe('memory adapter: latency, failures and disposal', () => {
  let open: MemoryAdapter[] = [];
  const make = (options: Parameters<typeof createMemoryAdapter>[0]) => {
    const adapter = createMemoryAdapter({ namespace: uniqueNamespace('sim'), ...options });
    open.push(adapter);
    return adapter;
  };

  afterEach(() => {
    open.forEach((adapter) => adapter.dispose());
    open = [];
  });

  it('waits the configured latency before answering', async () => {
    const adapter = make({ latency: 120 });
    const start = performance.now();
    await adapter.getViewer();
    expect(performance.now() - start).to.be.at.least(110);
  });

  it('rejects with an AbortError as soon as the signal aborts during the latency, and does not sign in', async () => {
    const adapter = make({ latency: 1000 });
    const controller = new AbortController();
    const start = performance.now();
    const pending = adapter.signInAsGuest({ name: 'Gina' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((caught: unknown) => caught);
    expect(isAbortError(error)).to.equal(true);
    expect(AdapterError.is(error)).to.equal(false);
    expect(performance.now() - start).to.be.below(500);
    expect(await createMemoryAdapter({ namespace: adapter.namespace, latency: 0 }).getViewer()).to.equal(null);
  });

  it('rejects with the reason the caller aborted with', async () => {
    const adapter = make({ latency: 1000 });
    const controller = new AbortController();
    const reason = new Error('navigated away');
    const pending = adapter.getViewer({ signal: controller.signal });
    controller.abort(reason);
    expect(await pending.catch((caught: unknown) => caught)).to.equal(reason);
  });

  it('fails exactly the methods failWith names, with its AdapterError', async () => {
    const outage = new AdapterError('unavailable', 'The demo backend is down.');
    const asked: string[] = [];
    const adapter = make({
      failWith: (method) => {
        asked.push(method);
        return method === 'signInAsGuest' ? outage : undefined;
      },
    });
    expect(await adapter.signInAsGuest({ name: 'Gina' }).catch((caught: unknown) => caught)).to.equal(outage);
    expect(await adapter.getViewer()).to.equal(null);
    expect(asked).to.deep.equal(['signInAsGuest', 'getViewer']);
  });

  it('lets failWith change its mind between calls, for retry stories', async () => {
    let down = true;
    const adapter = make({ failWith: () => (down ? new AdapterError('network', 'Offline') : undefined) });
    expect(((await adapter.getViewer().catch((caught: unknown) => caught)) as AdapterError).code).to.equal('network');
    down = false;
    expect(await adapter.getViewer()).to.equal(null);
  });

  it('refuses calls after dispose with "unavailable", and disposing twice is harmless', async () => {
    const adapter = make({});
    adapter.dispose();
    adapter.dispose();
    const error = await adapter.getViewer().catch((caught: unknown) => caught);
    expect(AdapterError.is(error) && error.code).to.equal('unavailable');
  });

  it('refuses a call whose latency ends after dispose', async () => {
    const adapter = make({ latency: 50 });
    const pending = adapter.getViewer();
    adapter.dispose();
    const error = await pending.catch((caught: unknown) => caught);
    expect(AdapterError.is(error) && error.code).to.equal('unavailable');
  });
});
