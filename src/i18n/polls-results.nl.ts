import type { PollsResultsTranslation } from './polls-results.en.js';

export const pollsResultsNl: PollsResultsTranslation = {
  'your-choice': 'jouw keuze',
  'option-result': { zero: '{percent}, geen stemmen', one: '{percent}, {count} stem', other: '{percent}, {count} stemmen' },
  leading: 'Aan kop: {label}',
  winner: 'Uitslag: {label}',
  tie: 'Geen enkele optie staat alleen aan kop: de eerste plaatsen zijn gelijk.',
};
