import type { PollsInteractionTranslation } from './polls-interaction.en.js';

export const pollsInteractionNl: PollsInteractionTranslation = {
  'field.required': 'Kies een optie.',
  'field.rating-required': 'Kies een waardering.',
  'field.too-few': { one: 'Kies minstens {count} optie.', other: 'Kies minstens {count} opties.' },
  'field.too-many': { one: 'Kies hoogstens {count} optie.', other: 'Kies hoogstens {count} opties.' },
  'field.unknown-option': 'Kies een van de opties.',
  'field.duplicate': 'Kies elke optie één keer.',
  'field.out-of-range': 'Kies van {min} tot {max}.',
  'field.off-step': 'Kies een veelvoud van {step}.',
  voted: 'Dank je, je stem is geteld.',
  'vote-removed': 'Je stem is ingetrokken.',
  'vote-failed': 'Je stem is niet geteld. {reason}',
  'vote-offline': 'Je stem is niet verstuurd: geen verbinding. Je keuze blijft bewaard; probeer het opnieuw zodra je weer online bent.',
  'sign-in-note': 'Alleen ingelogde leden kunnen in deze peiling stemmen.',
  dismiss: 'Sluiten',
};
