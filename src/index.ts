/**
 * `plein`: element classes, configuration, events and types. No side effects: importing this
 * defines no tags. Define what you use (`import 'plein/provider'`) or call `PleinX.define(tag)`.
 */
export { PleinElement } from './core/plein-element.js';
export { PleinProvider } from './components/provider/provider.component.js';
export { PleinPopup } from './components/popup/popup.component.js';
export { PleinPopupShowEvent } from './components/popup/popup-show-event.js';
export { PleinPopupHideEvent } from './components/popup/popup-hide-event.js';
export { PleinAvatar } from './components/avatar/avatar.component.js';
export { PleinTime } from './components/time/time.component.js';
export { PleinDemoNote } from './components/demo-note/demo-note.component.js';
export { PleinComments } from './components/comments/comments.component.js';
export {
  PleinCommentPostedEvent,
  PleinCommentEditedEvent,
  PleinCommentDeletedEvent,
  PleinReactionChangedEvent,
} from './components/comments/events.js';
export type { PleinCommentDetail, PleinCommentDeletedDetail, PleinReactionChangedDetail } from './components/comments/events.js';
export { createCommentsStore } from './stores/comments/index.js';
export { PleinPoll } from './components/poll/poll.component.js';
export { PleinOption } from './components/poll/option.js';
export { PleinVoteCastEvent, PleinPollClosedEvent } from './components/poll/events.js';
export type { PleinVoteCastDetail, PleinPollClosedDetail } from './components/poll/events.js';
export { createPollStore } from './stores/polls/index.js';

export { configure, getConfig, $config, THEMES } from './core/config.js';
export type { ConfigureOptions, PleinConfig, Theme } from './core/config.js';
export { adapterContext, scopeContext } from './core/context.js';
export type { PleinScope } from './core/context.js';
export { PleinEvent, PleinErrorEvent, PleinLoginRequestEvent } from './core/events.js';
export type { PleinErrorDetail, PleinLoginRequestDetail } from './core/events.js';
export { LocalizeController, registerTranslation } from './core/localize.js';
export type { TermKey, Translation, TranslationInput } from './core/localize.js';
export type { Dictionary, Message, PluralMessage } from './i18n/types.js';
export { StoreController } from './core/store-controller.js';
export type { StoreControllerOptions } from './core/store-controller.js';
export { createSessionStore, sessionStoreFor } from './stores/session.js';
export type { SessionStatus, SessionStore } from './stores/session.js';
export { tokens } from './styles/tokens.js';
export { hostStyles } from './styles/host.js';

export { AdapterError, ADAPTER_ERROR_CODES, isAbortError } from './adapters/errors.js';
export { defineAdapter, AdapterDefinitionError } from './adapters/define.js';
export { supports, topics } from './adapters/contract.js';
export { CAPABILITY_METHODS } from './adapters/capabilities.js';
export type * from './adapters/contract.js';
