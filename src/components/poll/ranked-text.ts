import type { LocalizeController } from '../../core/localize.js';
import { pollsRankedEn, type PollsRankedKey } from '../../i18n/polls-ranked.en.js';
import { pollsRankedNl } from '../../i18n/polls-ranked.nl.js';
import type { Lookup } from '../../core/string-bundles.js';
import { findMessage } from '../../i18n/registry.js';
import type { MessageArgs } from '../../i18n/types.js';

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
  return localize.formatMessage(findMessage(localize.lang, 'polls', key, bundled) ?? pollsRankedEn[key], (args[0] ?? {}) as Record<string, string | number>);
}

/** "Delft", "Delft and Zwolle", "Delft, Zwolle and Gouda", in the host's language. */
export function textList(localize: LocalizeController, items: readonly string[]): string {
  return new Intl.ListFormat(localize.lang, { type: 'conjunction' }).format(items);
}
