import { configure, getConfig } from '../core/config.js';
import { loadTranslation } from '../i18n/registry.js';
import type { ScriptOptions } from './script-options.js';

/**
 * Turns the script tag's options into a configuration. Code that called `configure()` with its own
 * adapter keeps it; with neither an endpoint nor an adapter the page runs on the memory adapter in
 * visible demo mode, persisted in this browser, where the visitor is a member who can post and vote.
 */
export async function applyScriptOptions(options: ScriptOptions): Promise<void> {
  // The page's language, if it is a shipped one, downloads alongside the widgets' chunks.
  void loadTranslation(document.documentElement.lang || options.lang || 'en');
  const appearance = {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  };
  if (getConfig().adapter) {
    configure(appearance);
    return;
  }
  if (options.endpoint) {
    if (!options.site) throw new Error(`plein: data-endpoint="${options.endpoint}" also needs data-site, the site's id on that server.`);
    const { createScriptTagAdapter } = await import('../adapters/http/index.js');
    const adapter = createScriptTagAdapter(options.script ?? document.createElement('script'), {
      endpoint: new URL(options.endpoint, document.baseURI).href,
      site: options.site,
    });
    configure({ ...appearance, adapter });
    return;
  }
  const { createMemoryAdapter, demoYou } = await import('../adapters/memory/index.js');
  const viewer = demoYou(document.documentElement.lang || options.lang || 'en');
  configure({ ...appearance, adapter: createMemoryAdapter({ namespace: 'plein-demo', persist: true, viewer }), demo: true });
}
