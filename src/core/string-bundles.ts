import type { Message } from '../i18n/types.js';

export type Lookup = Readonly<Record<string, Message | undefined>>;

export interface StringBundles {
  /** The strings of each language loaded so far; English is always there. */
  readonly own: Record<string, Lookup>;
  /** Starts loading `code`'s strings; `undefined` when they are here or no bundle has them. */
  load(code: string): Promise<void> | undefined;
}

/**
 * A component's bundled languages besides English, each its own chunk, so a page downloads the
 * strings of its own language only. A bundle that fails to load leaves English in its place.
 */
export function stringBundles(what: string, en: Lookup, bundles: Record<string, () => Promise<Lookup>>): StringBundles {
  const own: Record<string, Lookup> = { en };
  const loading = new Map<string, Promise<void>>();
  return {
    own,
    load(code) {
      const load = bundles[code];
      if (!load || own[code]) return undefined;
      let promise = loading.get(code);
      if (!promise) {
        promise = load().then(
          (dictionary) => void (own[code] = dictionary),
          (error: unknown) => console.warn(`plein: could not load the "${code}" ${what} strings; showing English.`, error),
        );
        loading.set(code, promise);
      }
      return promise;
    },
  };
}
