import type { LocalizeController } from '../../core/localize.js';
import { pollsExtrasEn, type PollsExtrasKey } from '../../i18n/polls-extras.en.js';
import { pollsExtrasNl } from '../../i18n/polls-extras.nl.js';
import { $translations } from '../../i18n/registry.js';
import type { Message, MessageArgs } from '../../i18n/types.js';

type Lookup = Readonly<Record<string, Message | undefined>>;

/** Both bundled languages travel in the extras chunk: a few lines each, less than a request. */
const bundled: Record<string, Lookup> = { en: pollsExtrasEn, nl: pollsExtrasNl };

/**
 * A string of `extras.ts` in the language of `localize`'s host. Per language, most specific
 * first (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })`
 * wins over the bundled one.
 */
export function extrasText<K extends PollsExtrasKey>(localize: LocalizeController, key: K, ...args: MessageArgs<(typeof pollsExtrasEn)[K]>): string {
  const registry = $translations.get() as ReadonlyMap<string, Lookup>;
  const tag = localize.lang.toLowerCase();
  let message: Message = pollsExtrasEn[key];
  for (const code of new Set([tag, tag.split('-')[0] ?? tag, 'en'])) {
    const found = registry.get(code)?.[`polls.${key}`] ?? bundled[code]?.[key];
    if (found !== undefined) {
      message = found;
      break;
    }
  }
  return localize.formatMessage(message, (args[0] ?? {}) as Record<string, string | number>);
}
