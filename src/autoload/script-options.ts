import type { Theme } from '../core/config.js';

/** What a site owner can set on the `<script>` tag. */
export interface ScriptOptions {
  endpoint?: string;
  site?: string;
  /** A short-lived JWT the site's backend signed for its signed-in member; absent for visitors. */
  token?: string;
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
  for (const key of ['endpoint', 'site', 'token', 'lang'] as const) if (data[key]) options[key] = data[key];
  if (data.theme) {
    if (THEMES.includes(data.theme)) options.theme = data.theme as Theme;
    else console.warn(`plein: data-theme="${data.theme}" is not one of light, dark, auto; using auto.`);
  }
  return options;
}
