import type { LocalizeController } from '../../core/localize.js';
import { pollsResultsEn, type PollsResultsKey } from '../../i18n/polls-results.en.js';
import { pollsResultsNl } from '../../i18n/polls-results.nl.js';
import { $translations } from '../../i18n/registry.js';
import type { Message, MessageArgs } from '../../i18n/types.js';

type Lookup = Readonly<Record<string, Message | undefined>>;

/** Both bundled languages travel in the results chunk: a few lines each, less than a request. */
const bundled: Record<string, Lookup> = { en: pollsResultsEn, nl: pollsResultsNl };

/**
 * A string of `results.ts` in the language of `localize`'s host. Per language, most specific
 * first (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })`
 * wins over the bundled one. (Each lazy part of the poll has its own lookup: a shared one would
 * be a chunk of its own, one more request before the part can render.)
 */
export function resultsText<K extends PollsResultsKey>(localize: LocalizeController, key: K, ...args: MessageArgs<(typeof pollsResultsEn)[K]>): string {
  const registry = $translations.get() as ReadonlyMap<string, Lookup>;
  const tag = localize.lang.toLowerCase();
  let message: Message = pollsResultsEn[key];
  for (const code of new Set([tag, tag.split('-')[0] ?? tag, 'en'])) {
    const found = registry.get(code)?.[`polls.${key}`] ?? bundled[code]?.[key];
    if (found !== undefined) {
      message = found;
      break;
    }
  }
  return localize.formatMessage(message, (args[0] ?? {}) as Record<string, string | number>);
}
