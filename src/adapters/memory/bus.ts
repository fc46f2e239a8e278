import type { RealtimeEvent } from '../contract.js';

/** An event on a topic, as it travels between adapter instances and tabs (structured-cloneable). */
export interface BusMessage {
  topic: string;
  event: RealtimeEvent;
  /**
   * Facts a section needs to shape the event per viewer and that the event itself must not
   * carry (e.g. a comment's state before the change, to tell who could see it then).
   */
  detail?: unknown;
}

type BusListener = (message: BusMessage) => void;

/**
 * Carries a namespace's events to every adapter instance on the page and, through a
 * BroadcastChannel, to the same namespace in other tabs. Delivery is always asynchronous, as it is
 * over a network, so no listener runs in the middle of the write that caused its event.
 */
export class EventBus {
  #listeners = new Set<BusListener>();
  #channel: BroadcastChannel | null = null;

  /**
   * @param channelName  BroadcastChannel name for cross-tab delivery, or null for this page only.
   * @param beforeRemote Runs before a message from another tab is delivered (to reload data).
   */
  constructor(channelName: string | null, beforeRemote: () => void) {
    if (channelName !== null && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(channelName);
      this.#channel.onmessage = (message: MessageEvent<BusMessage>) => {
        if (!isBusMessage(message.data)) return;
        beforeRemote();
        this.#deliver(message.data);
      };
    }
  }

  on(listener: BusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(message: BusMessage): void {
    queueMicrotask(() => this.#deliver(message));
    try {
      this.#channel?.postMessage(message);
    } catch (error) {
      console.warn('[plein/memory] could not send an event to other tabs.', error);
    }
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
    this.#listeners.clear();
  }

  #deliver(message: BusMessage): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error('[plein/memory] an adapter instance failed to handle an event.', error);
      }
    }
  }
}

function isBusMessage(value: unknown): value is BusMessage {
  const message = value as Partial<BusMessage> | null;
  return typeof message?.topic === 'string' && typeof message.event?.type === 'string';
}
