import type { ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../../core/localize.js';
import { stringBundles } from '../../core/string-bundles.js';
import { pollsEn, type PollsKey } from '../../i18n/polls.en.js';
import { findMessage } from '../../i18n/registry.js';
import type { Message, MessageArgs } from '../../i18n/types.js';

/** Dutch is its own chunk; the element starts loading it as it connects, alongside its first data. */
const strings = stringBundles('poll', pollsEn, {
  nl: () => import('../../i18n/polls.nl.js').then((module) => module.pollsNl),
});
const own = strings.own;
const loadBundle = strings.load;

/**
 * The core controller plus the poll dictionary. Per language, most specific first (`nl-BE`,
 * `nl`, `en`): a key registered with `registerTranslation(lang, { 'polls.<key>': … })` wins over
 * the bundled one, so a site can reword a string or add a language.
 */
export class PollsLocalize extends LocalizeController {
  readonly #host: ReactiveControllerHost;
  /** Bumped when a language's strings arrive. */
  revision = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host);
    this.#host = host;
  }

  t<K extends PollsKey>(key: K, ...args: MessageArgs<(typeof pollsEn)[K]>): string {
    return this.formatMessage(this.#find(key), (args[0] ?? {}) as Record<string, string | number>);
  }

  /** A share from 0 to 1 as a percentage in the reader's language ("42 %", "42%"). */
  percent(share: number): string {
    return this.number(share, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 });
  }

  #find(key: PollsKey): Message {
    const message = findMessage(this.lang, 'polls', key, own, (code) =>
      loadBundle(code)?.then(() => {
        this.revision += 1;
        this.#host.requestUpdate();
      }),
    );
    return message ?? pollsEn[key];
  }
}
