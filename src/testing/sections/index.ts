import { abortSection } from './abort.js';
import { definitionSection } from './definition.js';
import { errorsSection } from './errors.js';
import { guestsSection } from './guests.js';
import { persistenceSection } from './persistence.js';
import { realtimeSection } from './realtime.js';
import type { Section } from './section.js';
import { viewerSection } from './viewer.js';

export type { Section } from './section.js';

/** In order: the contract's shape, each family's behaviour, then the cross-cutting rules. */
export const SECTIONS: readonly Section[] = [
  definitionSection,
  viewerSection,
  guestsSection,
  errorsSection,
  abortSection,
  realtimeSection,
  persistenceSection,
];
