import type { PollsExtrasTranslation } from './polls-extras.en.js';

export const pollsExtrasNl: PollsExtrasTranslation = {
  average: 'Gemiddelde waardering: {average} (van {min} tot {max})',
  distribution: 'Hoe mensen het waardeerden',
  'quiz.right': 'Goed!',
  'quiz.wrong': 'Helaas, niet goed.',
  'quiz.correct': 'juist antwoord',
  'quiz.share': '{percent} van wie antwoordde, had het goed.',
  'quiz.explanation': 'Waarom',
  'closes-in': 'Sluit {time}',
  'closes-at': 'Sluit op {date}',
};
