import type { TemplateResult } from 'lit';
import type { Poll, PollTally } from '../../adapters/contract.js';
import type { LocalizeController } from '../../core/localize.js';

/** What a `ranked` poll needs beyond every other type: the ranking ballot and the runoff table. */
export interface RankedModules {
  ballot: typeof import('./ranked-ballot.js');
  runoff: (poll: Poll, tally: PollTally, lang: string) => TemplateResult;
  /** The count in sentences, for the live region. */
  summary: (localize: LocalizeController, poll: Poll) => string;
}

let chunk: Promise<RankedModules> | undefined;

/**
 * The ranked ballot and runoff table are their own chunk: pages with other poll types never
 * download them. Loaded once per page; a failed load is tried again by the next ranked poll.
 */
export function loadRanked(): Promise<RankedModules> {
  chunk ??= Promise.all([import('./ranked-ballot.js'), import('./runoff-table.js')]).then(
    ([ballot, table]) => ({
      ballot,
      runoff: (poll, tally, lang) => table.renderRunoffTable({ options: poll.options, tally, lang }),
      summary: (localize, poll) => table.runoffSummary(localize, poll.options, poll.tally),
    }),
    (error: unknown) => {
      chunk = undefined;
      throw error;
    },
  );
  return chunk;
}
