import { PleinOption } from './option.js';
import { PleinPoll } from './poll.component.js';

export { PleinPoll } from './poll.component.js';
export { PleinOption } from './option.js';
export * from './events.js';

PleinOption.define('plein-option');
PleinPoll.define('plein-poll');

declare global {
  interface HTMLElementTagNameMap {
    'plein-poll': PleinPoll;
    'plein-option': PleinOption;
  }
}
