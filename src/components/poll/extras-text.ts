import type { LocalizeController } from '../../core/localize.js';
import { pollsExtrasEn, type PollsExtrasKey } from '../../i18n/polls-extras.en.js';
import { pollsExtrasNl } from '../../i18n/polls-extras.nl.js';
import type { Lookup } from '../../core/string-bundles.js';
import { findMessage } from '../../i18n/registry.js';
import type { MessageArgs } from '../../i18n/types.js';

/** Both bundled languages travel in the extras chunk: a few lines each, less than a request. */
const bundled: Record<string, Lookup> = { en: pollsExtrasEn, nl: pollsExtrasNl };

/**
 * A string of `extras.ts` in the language of `localize`'s host. Per language, most specific
 * first (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })`
 * wins over the bundled one.
 */
export function extrasText<K extends PollsExtrasKey>(localize: LocalizeController, key: K, ...args: MessageArgs<(typeof pollsExtrasEn)[K]>): string {
  const message = findMessage(localize.lang, 'polls', key, bundled) ?? pollsExtrasEn[key];
  return localize.formatMessage(message, (args[0] ?? {}) as Record<string, string | number>);
}
