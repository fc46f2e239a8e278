/**
 * The script-tag entry (`dist/cdn/plein.js`): reads its own `data-*` attributes and loads each
 * widget's chunk the first time its tag appears. Kept tiny on purpose (budget: 2 kB gzip):
 * everything heavier is imported lazily.
 */
import { startAutoloader } from './autoload/autoloader.js';
import { loaders } from './autoload/loaders.js';
import { readThreadsEarly } from './autoload/early-read.js';
import { findOwnScript, readScriptOptions } from './autoload/script-options.js';

const options = readScriptOptions(findOwnScript(import.meta.url));

// Module scripts run after parsing, and the observer catches anything added later. With an
// endpoint the HTTP adapter is fetched beside the setup chunk that asks for it, not after it.
startAutoloader(document, loaders, () => {
  if (options.endpoint) import('./adapters/http/index.js').catch(() => undefined);
  return import('./autoload/setup.js').then((setup) => setup.applyScriptOptions(options));
});
readThreadsEarly(document, options);
