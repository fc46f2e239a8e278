import { html, nothing, type TemplateResult } from 'lit';
import '../../src/components/provider/provider.js';
import type { Theme } from '../../src/core/config.js';
import './story-surface.js';

export interface SurfaceOptions {
  theme?: Theme;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Lay the content out in a column instead of a wrapping row. */
  stack?: boolean;
  label?: string;
}

/**
 * Wraps story content in a provider (theme, language) and a painted surface, so every story is
 * checked against the background it is meant for: dark stories on the dark surface.
 */
export function surface(options: SurfaceOptions, content: unknown): TemplateResult {
  const { theme, lang, dir, stack, label } = options;
  return html`<plein-provider theme=${theme ?? nothing} lang=${lang ?? nothing} dir=${dir ?? nothing}>
    <plein-story-surface ?stack=${stack} role=${label ? 'group' : nothing} aria-label=${label ?? nothing}
      >${content}</plein-story-surface
    >
  </plein-provider>`;
}

let counter = 0;

/** An id unique on the page, so a docs page with several popup stories keeps each anchor its own. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * The variants every component story file covers. `rtl` mirrors the layout without claiming a
 * language: Plein ships no right-to-left dictionary, and English text marked `lang="ar"` would
 * mislead screen readers. Stories whose text comes from `Intl` alone add `lang: 'ar'` themselves.
 */
export const variants = {
  dark: { theme: 'dark' },
  rtl: { dir: 'rtl' },
  nl: { lang: 'nl' },
} as const satisfies Record<string, SurfaceOptions>;
