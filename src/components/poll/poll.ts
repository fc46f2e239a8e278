import type { PleinOption } from './option.js';
import { PleinPoll } from './poll.component.js';

export { PleinPoll } from './poll.component.js';
export { PleinOption } from './option.js';
export * from './events.js';

// Defines <plein-option> too.
PleinPoll.define('plein-poll');

declare global {
  interface HTMLElementTagNameMap {
    'plein-poll': PleinPoll;
    'plein-option': PleinOption;
  }
}
