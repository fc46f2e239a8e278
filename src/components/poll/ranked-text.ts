import type { LocalizeController } from '../../core/localize.js';
import { pollsRankedEn, type PollsRankedKey } from '../../i18n/polls-ranked.en.js';
import { pollsRankedNl } from '../../i18n/polls-ranked.nl.js';
import { $translations } from '../../i18n/registry.js';
import type { Message, MessageArgs } from '../../i18n/types.js';

type Lookup = Readonly<Record<string, Message | undefined>>;

/**
 * Both bundled languages are in this module: it only loads with a ranked poll or an export, and
 * together they weigh less than a second request would cost.
 */
const bundled: Record<string, Lookup> = { en: pollsRankedEn, nl: pollsRankedNl };

/**
 * A string of the ranked ballot, runoff table or CSV export in the language of `localize`'s host.
 * Per language, most specific first (`nl-BE`, `nl`, `en`): a key registered with
 * `registerTranslation(lang, { 'polls.<key>': … })` wins over the bundled one.
 */
export function rankedText<K extends PollsRankedKey>(
  localize: LocalizeController,
  key: K,
  ...args: MessageArgs<(typeof pollsRankedEn)[K]>
): string {
  return localize.formatMessage(findMessage(localize.lang, key), (args[0] ?? {}) as Record<string, string | number>);
}

function findMessage(lang: string, key: PollsRankedKey): Message {
  const registry = $translations.get() as ReadonlyMap<string, Lookup>;
  const tag = lang.toLowerCase();
  for (const code of new Set([tag, tag.split('-')[0] ?? tag, 'en'])) {
    const message = registry.get(code)?.[`polls.${key}`] ?? bundled[code]?.[key];
    if (message !== undefined) return message;
  }
  return pollsRankedEn[key];
}

/** "Delft", "Delft and Zwolle", "Delft, Zwolle and Gouda", in the host's language. */
export function textList(localize: LocalizeController, items: readonly string[]): string {
  return new Intl.ListFormat(localize.lang, { type: 'conjunction' }).format(items);
}
