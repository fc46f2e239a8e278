import type { Theme } from '../core/config.js';

/** What a site owner can set on the `<script>` tag. */
export interface ScriptOptions {
  endpoint?: string;
  site?: string;
  /**
   * The tag itself, where the HTTP adapter reads the member's token (`data-token`, which the page
   * may change) and where to renew it (`data-token-url`) at each request.
   */
  script?: HTMLScriptElement;
  lang?: string;
  theme?: Theme;
}

const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/**
 * Module scripts have no `document.currentScript`, so the loader finds its own tag by comparing
 * each module script's resolved `src` with its own URL.
 */
export function findOwnScript(moduleUrl: string): HTMLScriptElement | null {
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (script.src === moduleUrl) return script;
  }
  return null;
}

export function readScriptOptions(script: HTMLScriptElement | null): ScriptOptions {
  const data = script?.dataset ?? {};
  const options: ScriptOptions = {};
  for (const key of ['endpoint', 'site', 'lang'] as const) if (data[key]) options[key] = data[key];
  if (script) options.script = script;
  if (data.theme) {
    if (THEMES.includes(data.theme)) options.theme = data.theme as Theme;
    else console.warn(`plein: data-theme="${data.theme}" is not one of light, dark, auto; using auto.`);
  }
  return options;
}
