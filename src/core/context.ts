import { createContext } from '@lit/context';
import type { PleinAdapter } from '../adapters/contract.js';
import type { Theme } from './config.js';

// Registered keys (Symbol.for) let a provider from one copy of the bundle serve elements from
// another copy, e.g. the CDN script next to an npm build.

/** The adapter a `<plein-provider>` scopes to its subtree; `undefined` falls back to `configure()`. */
export const adapterContext = createContext<PleinAdapter | undefined>(Symbol.for('plein.adapter'));

/** Appearance a `<plein-provider>` scopes to its subtree. */
export interface PleinScope {
  readonly lang?: string | undefined;
  readonly theme?: Theme | undefined;
}

export const scopeContext = createContext<PleinScope | undefined>(Symbol.for('plein.scope'));
