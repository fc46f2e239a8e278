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

/** The ranked ballot and runoff table: their own chunks, which pages with other poll types never download. */
export function importRanked(): Promise<RankedModules> {
  return Promise.all([import('./ranked-ballot.js'), import('./runoff-table.js')]).then(([ballot, table]) => ({
    ballot,
    runoff: (poll, tally, lang) => table.renderRunoffTable({ options: poll.options, tally, lang }),
    summary: (localize, poll) => table.runoffSummary(localize, poll.options, poll.tally),
  }));
}
