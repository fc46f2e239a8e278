import type { LocalizeController } from '../../core/localize.js';
import { pollsInteractionEn, type PollsInteractionKey } from '../../i18n/polls-interaction.en.js';
import { pollsInteractionNl } from '../../i18n/polls-interaction.nl.js';
import type { Lookup } from '../../core/string-bundles.js';
import { findMessage } from '../../i18n/registry.js';
import type { MessageArgs } from '../../i18n/types.js';

/** Both bundled languages travel in the interaction chunk: a few lines each, less than a request. */
const bundled: Record<string, Lookup> = { en: pollsInteractionEn, nl: pollsInteractionNl };

/**
 * A string of `interaction.ts` in the language of `localize`'s host. Per language, most specific
 * first (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })`
 * wins over the bundled one.
 */
export function interactionText<K extends PollsInteractionKey>(
  localize: LocalizeController,
  key: K,
  ...args: MessageArgs<(typeof pollsInteractionEn)[K]>
): string {
  const message = findMessage(localize.lang, 'polls', key, bundled) ?? pollsInteractionEn[key];
  return localize.formatMessage(message, (args[0] ?? {}) as Record<string, string | number>);
}

/** Whether `key` is one of these strings (a field error's reason is only known at runtime). */
export const isInteractionKey = (key: string): key is PollsInteractionKey => Object.hasOwn(pollsInteractionEn, key);
