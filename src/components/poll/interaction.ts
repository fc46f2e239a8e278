/**
 * What `<plein-poll>` does only once somebody acts, in a chunk of its own: sending a ballot (and
 * sending it again), removing a vote, asking the page to sign a visitor in, the messages of a
 * refused or failed vote, and the thanks, announcements and focus moves that follow. The element
 * loads it at the first sign that someone may vote (pointer over, focus in, touch); an action that
 * comes first waits for it. A reader who only looks never downloads it.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Ballot, Poll } from '../../adapters/contract.js';
import type { FieldError } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent, PleinLoginRequestEvent } from '../../core/events.js';
import type { PollAction, PollStore } from '../../stores/polls/index.js';
import { PleinVoteCastEvent } from './events.js';
import { interactionText as text, isInteractionKey } from './interaction-text.js';
import type { PollsLocalize } from './localize.js';
export { interactionStyles as styles } from './interaction.styles.js';

/**
 * What the interaction part may see and do of `<plein-poll>`, which keeps the selection and the
 * view: members that are private to the element's own API.
 */
export interface PollHost extends ReactiveElement {
  readonly readonly: boolean;
  readonly store: PollStore | undefined;
  readonly t: PollsLocalize;
  /** The selection on screen (a rating's value as text). */
  choices: string[];
  /** The ballot counted from this element in this visit (the thanks show), or `null`. */
  cast: Ballot | null;
  /** The voter changed the selection since it was last set from their stored ballot. */
  touched: boolean;
  /** Shows the element's own sign-in note. */
  loginNote: boolean;
  /** Fetches the result bars (again, if they failed): a vote may reveal them. */
  loadResults(): void;
  /** A ranked count in words, for the live region. */
  summary(poll: Poll): string;
  announce(message: string): void;
}

export type PollInteraction = ReturnType<typeof createInteraction>;

export function createInteraction(el: PollHost) {
  const { t } = el;

  // Tab from where a focus move left the voter (`tabindex="-1"`: the thanks, the closed line),
  // with no control after it in the shadow root: Chromium goes back to the root's first control,
  // the ballot, not on past the poll. For that press the element joins the tab order, so the
  // browser goes on from it.
  el.renderRoot.addEventListener('keydown', (event) => {
    const from = event.target as HTMLElement;
    if ((event as KeyboardEvent).key !== 'Tab' || from.getAttribute('tabindex') !== '-1') return;
    from.tabIndex = 0;
    from.addEventListener('blur', () => (from.tabIndex = -1), { once: true });
  });

  /** The ballot the voter has chosen on screen. */
  const chosen = (poll: Poll): Ballot => (poll.type === 'rating' ? { rating: Number(el.choices[0] ?? Number.NaN) } : { choices: [...el.choices] });

  /** Moves focus to the first of `selectors` that matches, once the next render is on screen. */
  function focus(...selectors: string[]): void {
    el.requestUpdate();
    void el.updateComplete.then(() =>
      selectors
        .map((selector) => el.renderRoot.querySelector<HTMLElement>(selector))
        .find((target) => target !== null)
        ?.focus(),
    );
  }

  function fieldMessage(problem: FieldError): string {
    const params = problem.params ?? {};
    const count = params.min ?? params.max;
    if (problem.reason === 'required' && el.store?.$poll.get()?.type === 'rating') return text(t, 'field.rating-required');
    const key = `field.${problem.reason}`;
    const withCount = typeof count === 'number' ? { ...params, count } : params;
    return isInteractionKey(key) ? text(t, key, withCount as never) : (problem.message ?? t.term('error.invalid'));
  }

  function askLogin(): void {
    // dispatchEvent answers false when a listener cancelled the (cancelable) event: the page took it.
    const handled = !el.dispatchEvent(new PleinLoginRequestEvent({ action: 'vote' }));
    el.loginNote = !handled;
    if (!handled) el.announce(text(t, 'sign-in-note'));
  }

  function failed(action: PollAction, caught: unknown): void {
    const error = toAdapterError(caught);
    if (error.code === 'unauthorized') askLogin();
    if (error.code === 'invalid') {
      const problem = error.fields.choices ?? error.fields.rating;
      el.announce(problem ? fieldMessage(problem) : t.errorMessage(error));
      focus('input[part="input"]:checked', 'input[part="input"]', 'plein-ranked-ballot');
    } else {
      el.announce(error.code === 'network' ? text(t, 'vote-offline') : text(t, 'vote-failed', { reason: t.errorMessage(error) }));
    }
    el.dispatchEvent(new PleinErrorEvent({ error, action }));
  }

  async function send(store: PollStore, poll: Poll, retry = false): Promise<void> {
    el.loadResults();
    const ballot = retry ? null : chosen(poll);
    try {
      const result = ballot ? await store.vote(ballot) : await store.retry();
      const cast = ballot ?? result.myBallot ?? chosen(poll);
      el.cast = cast;
      el.touched = false;
      focus('#confirmation');
      // A ranked count is told in words too: the table is long to explore by ear.
      const summary = result.type === 'ranked' && result.tally ? el.summary(result) : '';
      el.announce(`${text(t, 'voted')}${summary ? ` ${summary}` : ''}`);
      el.dispatchEvent(new PleinVoteCastEvent({ poll: result, ballot: cast }));
    } catch (caught) {
      failed('vote', caught);
    }
  }

  /** Runs `act` with the store and its poll, unless a write is on its way or the widget only shows. */
  function withPoll(act: (store: PollStore, poll: Poll) => void): void {
    const store = el.store;
    const poll = store?.$poll.get();
    if (store && poll && !store.$pending.get() && !el.readonly) act(store, poll);
  }

  return {
    fieldMessage,
    /** The thanks right after a vote from this element. */
    thanks: (): string => text(t, 'voted'),

    submit(): void {
      withPoll((store, poll) => {
        const blocked = store.$blockedUntil.get();
        if (blocked !== null && blocked > Date.now()) return;
        const decision = store.can('poll.vote');
        if (!decision.allowed && decision.reason === 'sign-in-required') askLogin();
        else void send(store, poll);
      });
    },

    remove(): void {
      withPoll((store) =>
        store.removeVote().then(
          () => {
            el.cast = null;
            el.touched = false;
            el.choices = [];
            el.announce(text(t, 'vote-removed'));
            focus('input[part="input"]', 'plein-ranked-ballot');
          },
          (caught: unknown) => failed('remove-vote', caught),
        ),
      );
    },

    /**
     * What follows an action: a failed vote with its retry (offline) or dismiss, or the note that
     * only signed-in members vote when the page did not take the sign-in request.
     */
    notice(store: PollStore, loginNote: boolean): TemplateResult | typeof nothing {
      const failure = store.$lastError.get();
      if (failure && (failure.action === 'vote' || failure.action === 'remove-vote')) {
        const offline = failure.error.code === 'network';
        return html`<div part="notice" class="notice danger" role="alert">
          <p>${offline ? text(t, 'vote-offline') : text(t, 'vote-failed', { reason: t.errorMessage(failure.error) })}</p>
          ${offline && failure.action === 'vote'
            ? html`<button type="button" part="retry" class="button" @click=${() => withPoll((s, poll) => void send(s, poll, true))}>
                ${t.term('retry')}
              </button>`
            : html`<button type="button" class="link" @click=${() => store.dismissError()}>${text(t, 'dismiss')}</button>`}
        </div>`;
      }
      // Until the visitor signs in: then the ballot they chose can be sent.
      return loginNote && store.$viewer.get() === null ? html`<p part="notice" class="notice" role="note">${text(t, 'sign-in-note')}</p>` : nothing;
    },
  };
}
