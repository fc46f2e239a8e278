import { configure, getConfig } from '../core/config.js';
import type { ScriptOptions } from './script-options.js';

/**
 * Turns the script tag's options into a configuration. Code that called `configure()` with its own
 * adapter keeps it; with neither an endpoint nor an adapter the page runs on the memory adapter in
 * visible demo mode, persisted in this browser.
 */
export async function applyScriptOptions(options: ScriptOptions): Promise<void> {
  const appearance = {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  };
  if (getConfig().adapter) {
    configure(appearance);
    return;
  }
  if (options.endpoint) {
    // Fails loudly rather than silently falling back to demo data the site owner did not ask for.
    throw new Error(
      `plein: data-endpoint="${options.endpoint}" needs the HTTP adapter (plein/http), which this build does not include yet; ` +
        'pass an adapter with configure() instead.',
    );
  }
  const { createMemoryAdapter } = await import('../adapters/memory/index.js');
  configure({ ...appearance, adapter: createMemoryAdapter({ namespace: 'plein-demo', persist: true }), demo: true });
}
