import { atom, type ReadableAtom } from 'nanostores';
import type { PleinAdapter } from '../adapters/contract.js';

export type Theme = 'light' | 'dark' | 'auto';

export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

export function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}

/** What `configure()` accepts. A key that is present replaces the current value; `undefined` or `null` clears it. */
export interface ConfigureOptions {
  adapter?: PleinAdapter | null;
  lang?: string | null;
  theme?: Theme;
  /** The page runs on the demo (memory) adapter; components show a visible "demo mode" note. */
  demo?: boolean;
}

/** The page-wide configuration every element falls back to. */
export interface PleinConfig {
  readonly adapter: PleinAdapter | null;
  readonly lang: string | null;
  readonly theme: Theme;
  readonly demo: boolean;
}

const DEFAULTS: PleinConfig = Object.freeze({ adapter: null, lang: null, theme: 'auto', demo: false });

const $writable = atom<PleinConfig>(DEFAULTS);

/** The resolved configuration as a store, so elements that already rendered follow a later `configure()`. */
export const $config: ReadableAtom<PleinConfig> = $writable;

/**
 * Sets the page-wide adapter, language, theme and demo flag. Options merge into the current
 * configuration, so the script tag's `data-*` settings and code can each set their part.
 */
export function configure(options: ConfigureOptions): PleinConfig {
  const next = { ...$writable.get() };
  if ('adapter' in options) next.adapter = options.adapter ?? null;
  if ('lang' in options) next.lang = options.lang?.trim() || null;
  if ('theme' in options) {
    if (options.theme === undefined || isTheme(options.theme)) next.theme = options.theme ?? 'auto';
    // Script tags and CMS settings can carry anything; a typo must not break the page.
    else console.warn(`plein: theme "${String(options.theme)}" is not one of ${THEMES.join(', ')}; ignored.`);
  }
  if ('demo' in options) next.demo = options.demo === true;
  const frozen = Object.freeze(next);
  $writable.set(frozen);
  return frozen;
}

export function getConfig(): PleinConfig {
  return $writable.get();
}
