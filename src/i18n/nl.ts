import type { Translation } from './en.js';

export const nl: Translation = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  close: 'Sluiten',
  cancel: 'Annuleren',
  'sign-in': 'Inloggen',
  'sign-out': 'Uitloggen',
  'sign-in-as-guest': 'Doorgaan als gast',
  'guest-name': 'Je naam',
  'signed-in-as': 'Ingelogd als {name}',
  'read-only': 'Alleen lezen',
  'demo-mode': 'Demomodus: wat je plaatst, blijft alleen in deze browser. Niemand anders kan het zien.',
  'time.just-now': 'zojuist',
  'error.unauthorized': 'Log in om dit te doen.',
  'error.forbidden': 'Je hebt geen toestemming om dit te doen.',
  'error.not-found': 'Dit is niet gevonden. Misschien is het verwijderd.',
  'error.conflict': 'Dit is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'error.rate-limited': 'Dat was veel tegelijk. Wacht even en probeer het opnieuw.',
  'error.rate-limited-seconds': {
    one: 'Je kunt het over {count} seconde opnieuw proberen.',
    other: 'Je kunt het over {count} seconden opnieuw proberen.',
  },
  'error.rate-limited-minutes': {
    one: 'Je kunt het over {count} minuut opnieuw proberen.',
    other: 'Je kunt het over {count} minuten opnieuw proberen.',
  },
  'error.invalid': 'Controleer wat je hebt ingevuld.',
  'error.network': 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'error.unavailable': 'Dit is nu niet beschikbaar. Probeer het later opnieuw.',
  'error.unknown': 'Er ging iets mis. Probeer het opnieuw.',
};
