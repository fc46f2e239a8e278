/** LISTEN on a dedicated connection: a pooled client would be handed to queries and miss notifications. */
import pg from 'pg';
import type { NotificationSource } from './types.js';

export function pgNotifications(config: pg.ClientConfig, channel: string): NotificationSource {
  return {
    channel,
    async connect(onNotify, onLost) {
      const client = new pg.Client(config);
      let done = false;
      // Until LISTEN succeeds, failures reach the caller as the rejection of `connect`.
      let live = false;
      const lost = (error: Error) => {
        if (done) return;
        done = true;
        client.end().catch(() => undefined);
        if (live) onLost(error);
      };
      client.on('error', lost);
      client.on('end', () => lost(new Error('The LISTEN connection ended.')));
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
        live = true;
      } catch (error) {
        done = true;
        await client.end().catch(() => undefined);
        throw error;
      }
      return {
        async close() {
          if (done) return;
          done = true;
          await client.end();
        },
      };
    },
  };
}
