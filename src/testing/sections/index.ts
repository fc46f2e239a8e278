import { abortSection } from './abort.js';
import { commentsSection } from './comments.js';
import { definitionSection } from './definition.js';
import { errorsSection } from './errors.js';
import { guestCommentsSection } from './guest-comments.js';
import { guestsSection } from './guests.js';
import { moderationSection } from './moderation.js';
import { persistenceSection } from './persistence.js';
import { pollsSection } from './polls.js';
import { premoderationSection } from './premoderation.js';
import { reactionsSection } from './reactions.js';
import { realtimeSection } from './realtime.js';
import { reportsSection } from './reports.js';
import type { Section } from './section.js';
import { viewerSection } from './viewer.js';

export type { Section } from './section.js';

/** In order: the contract's shape, each family's behaviour, then the cross-cutting rules. */
export const SECTIONS: readonly Section[] = [
  definitionSection,
  viewerSection,
  guestsSection,
  commentsSection,
  premoderationSection,
  guestCommentsSection,
  reactionsSection,
  reportsSection,
  moderationSection,
  pollsSection,
  errorsSection,
  abortSection,
  realtimeSection,
  persistenceSection,
];
