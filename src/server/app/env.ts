import type { HttpBindings } from '@hono/node-server';
import type { Viewer } from '../../adapters/contract.js';
import type { Actor } from '../../domain/roles.js';
import type { SiteRecord } from '../store/types.js';

/** Who is making the request, as the rules see them and as the API shows them. */
export interface Identity {
  actor: Actor;
  viewer: Viewer | null;
}

export const ANONYMOUS_IDENTITY: Identity = Object.freeze({ actor: Object.freeze({ kind: 'anonymous' }), viewer: null });

export interface AppVariables {
  requestId: string;
  /** Set for every request under `/v1/sites/{site}`. */
  site: SiteRecord;
  identity: Identity;
  /** Salted, daily-rotated hash of the client IP (writes only): the only form an IP takes in this server. */
  ipHash: string;
}

/** Bindings are absent under `app.request()` in tests, present under @hono/node-server. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: AppVariables;
}
