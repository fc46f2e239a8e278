import type { LocalizeController } from '../../core/localize.js';
import { pollsResultsEn, type PollsResultsKey } from '../../i18n/polls-results.en.js';
import { pollsResultsNl } from '../../i18n/polls-results.nl.js';
import type { Lookup } from '../../core/string-bundles.js';
import { findMessage } from '../../i18n/registry.js';
import type { MessageArgs } from '../../i18n/types.js';

/** Both bundled languages travel in the results chunk: a few lines each, less than a request. */
const bundled: Record<string, Lookup> = { en: pollsResultsEn, nl: pollsResultsNl };

/**
 * A string of `results.ts` in the language of `localize`'s host. Per language, most specific
 * first (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })`
 * wins over the bundled one.
 */
export function resultsText<K extends PollsResultsKey>(localize: LocalizeController, key: K, ...args: MessageArgs<(typeof pollsResultsEn)[K]>): string {
  const message = findMessage(localize.lang, 'polls', key, bundled) ?? pollsResultsEn[key];
  return localize.formatMessage(message, (args[0] ?? {}) as Record<string, string | number>);
}
