import { html, type PropertyDeclarations } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  offset,
  platform,
  shift,
  type Middleware,
  type Placement,
  type Platform,
  type Strategy,
} from '@floating-ui/dom';
import { PleinElement } from '../../core/plein-element.js';
import { composedOffsetParent } from './composed-offset-parent.js';
import { pushEscapeLayer, removeEscapeLayer, type EscapeLayer } from './escape-stack.js';
import { PleinPopupHideEvent, type PopupHideReason } from './popup-hide-event.js';
import { PleinPopupShowEvent } from './popup-show-event.js';
import { popupStyles } from './popup.styles.js';

export type { Placement as PopupPlacement, Strategy as PopupStrategy } from '@floating-ui/dom';

/** Measures against offset parents across shadow boundaries (see composed-offset-parent.ts). */
const composedPlatform: Platform = {
  ...platform,
  getOffsetParent: (element) => platform.getOffsetParent(element, composedOffsetParent),
};

/** `flip="false"` turns a default-on boolean off; any other value (or removing the attribute) means on. */
const defaultOnBoolean = {
  fromAttribute: (value: string | null) => value !== 'false',
};

/**
 * @summary A panel that floats next to an anchor element and stays there while the page scrolls,
 * resizes or moves the anchor. The building block for menus, pickers and hover cards.
 * @tag plein-popup
 *
 * The anchor is an element or the id of one in the same document or shadow root as the popup.
 * Escape closes the most recently opened popup and, when focus was inside it, returns focus to
 * the anchor. The popup owns no trigger and sets no ARIA on the anchor: the component that opens
 * it decides what it is (menu, dialog, listbox) and labels it.
 *
 * @slot - The popup's content.
 *
 * @event {PleinPopupShowEvent} plein-popup-show - The popup opened and was positioned.
 * @event {PleinPopupHideEvent} plein-popup-hide - The popup closed; `detail.reason` says why.
 *
 * @csspart base - The wrapper around everything the popup renders.
 * @csspart popup - The floating panel; carries `data-placement` and `data-side` once positioned.
 * @csspart arrow - The arrow pointing at the anchor (only with `arrow`).
 *
 * @cssprop --plein-popup-background - Panel background. Defaults to `--plein-color-surface`.
 * @cssprop --plein-popup-border-color - Panel border. Defaults to `--plein-color-border`.
 * @cssprop --plein-popup-radius - Panel corner radius. Defaults to `--plein-radius-m`.
 * @cssprop --plein-popup-padding - Panel padding. Defaults to `--plein-space-xs`.
 * @cssprop --plein-popup-shadow - Panel shadow. Defaults to `--plein-shadow-popup`.
 * @cssprop --plein-popup-max-width - Widest the panel gets.
 * @cssprop --plein-popup-z-index - Stacking order of the panel (default 1000).
 * @cssprop --plein-popup-arrow-size - Side of the arrow's square.
 *
 * @cssstate open - The popup is open.
 */
export class PleinPopup extends PleinElement implements EscapeLayer {
  static override styles = [PleinElement.styles, popupStyles];

  static override properties: PropertyDeclarations = {
    anchor: {},
    open: { type: Boolean, reflect: true },
    placement: { reflect: true },
    distance: { type: Number },
    flip: { converter: defaultOnBoolean },
    shift: { converter: defaultOnBoolean },
    shiftPadding: { type: Number, attribute: 'shift-padding' },
    strategy: { reflect: true },
    arrow: { type: Boolean },
  };

  /** The element to float next to, or the id of one in the popup's own root (document or shadow root). */
  anchor: Element | string | null = null;

  open = false;

  /** Preferred side and alignment; `start`/`end` follow the writing direction. */
  placement: Placement = 'bottom-start';

  /** Gap between anchor and panel, in pixels. */
  distance = 4;

  /** Moves to the opposite side when the preferred one has no room. `flip="false"` turns it off. */
  flip = true;

  /** Slides along the anchor to stay inside the viewport. `shift="false"` turns it off. */
  shift = true;

  /** Space kept between the panel and the viewport edge when shifting, in pixels. */
  shiftPadding = 8;

  /** `fixed` escapes ancestors with `overflow: hidden` that do not establish a containing block. */
  strategy: Strategy = 'absolute';

  /** Draws an arrow pointing at the anchor. */
  arrow = false;

  private get panel(): HTMLElement | null {
    return this.shadowRoot?.querySelector('[part~="popup"]') ?? null;
  }

  private get arrowElement(): HTMLElement | null {
    return this.shadowRoot?.querySelector('[part~="arrow"]') ?? null;
  }

  #stopAutoUpdate: (() => void) | null = null;
  #trackedAnchor: Element | null = null;
  /** Bumped on every reposition so a slow computation never overwrites a newer one. */
  #positionRun = 0;
  #hideReason: PopupHideReason = 'closed';

  /** The anchor element the popup currently resolves to, or `null` when there is none. */
  get anchorElement(): Element | null {
    if (this.anchor instanceof Element) return this.anchor;
    if (typeof this.anchor !== 'string' || this.anchor === '') return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    return typeof root.getElementById === 'function' ? root.getElementById(this.anchor) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM while open: nothing in `updated` fires for that, so resume here.
    if (this.open && this.hasUpdated) {
      this.#startTracking();
      pushEscapeLayer(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTracking();
    removeEscapeLayer(this);
  }

  /** Computes the position now. Called automatically while open; call it after moving the anchor yourself. */
  async reposition(): Promise<void> {
    // An anchor rendered after the popup opened is picked up here; tracking then repositions too.
    if (this.open && !this.#trackedAnchor) this.#startTracking();
    const anchor = this.#trackedAnchor;
    const panel = this.panel;
    if (!this.open || !anchor || !panel) return;
    const run = ++this.#positionRun;
    const arrowElement = this.arrowElement;

    const middleware: Middleware[] = [offset(this.distance)];
    if (this.flip) middleware.push(flip({ padding: this.shiftPadding }));
    if (this.shift) middleware.push(shift({ padding: this.shiftPadding }));
    if (arrowElement) middleware.push(arrow({ element: arrowElement, padding: 8 }));

    const { x, y, placement, middlewareData } = await computePosition(anchor, panel, {
      placement: this.placement,
      strategy: this.strategy,
      middleware,
      platform: composedPlatform,
    });
    if (run !== this.#positionRun || !this.open) return;

    const side = placement.split('-')[0] as 'top' | 'right' | 'bottom' | 'left';
    Object.assign(panel.style, { left: `${x}px`, top: `${y}px` });
    panel.dataset.placement = placement;
    panel.dataset.side = side;

    if (arrowElement) {
      const { x: arrowX, y: arrowY } = middlewareData.arrow ?? {};
      const staticSide = ({ top: 'bottom', right: 'left', bottom: 'top', left: 'right' } as const)[side];
      Object.assign(arrowElement.style, {
        left: arrowX === undefined ? '' : `${arrowX}px`,
        top: arrowY === undefined ? '' : `${arrowY}px`,
        right: '',
        bottom: '',
        // Half the arrow sticks out, plus the panel's 1px border it sits on.
        [staticSide]: 'calc(var(--plein-popup-arrow-size, 0.75em) / -2 - 1px)',
      });
    }
  }

  /** Part of the Escape layer protocol; see escape-stack.ts. */
  handleEscape(): boolean {
    if (!this.open) return false;
    const focusWasInside = this.matches(':focus-within');
    const anchor = this.#trackedAnchor ?? this.anchorElement;
    this.#close('escape');
    // Focus left inside a closed panel would fall back to <body> and lose the reader's place.
    if (focusWasInside && anchor instanceof HTMLElement) anchor.focus();
    return true;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.setCustomState('open', this.open);

    if (changed.has('open')) {
      const wasOpen = changed.get('open') === true;
      if (this.open) {
        this.#startTracking();
        pushEscapeLayer(this);
        // Announce once positioned, so listeners can measure or move focus into a placed panel.
        void this.reposition().then(() => {
          if (this.open) this.dispatchEvent(new PleinPopupShowEvent());
        });
      } else {
        this.#stopTracking();
        removeEscapeLayer(this);
        if (wasOpen) this.dispatchEvent(new PleinPopupHideEvent({ reason: this.#hideReason }));
        this.#hideReason = 'closed';
      }
      return;
    }

    if (this.open && changed.has('anchor')) {
      this.#stopTracking();
      this.#startTracking();
    } else if (
      this.open &&
      ['placement', 'distance', 'flip', 'shift', 'shiftPadding', 'strategy', 'arrow'].some((key) => changed.has(key))
    ) {
      void this.reposition();
    }
  }

  protected override render() {
    return html`
      <div part="base" class="base">
        <div
          part="popup"
          class=${classMap({ popup: true, 'popup--open': this.open, 'popup--fixed': this.strategy === 'fixed' })}
        >
          <slot></slot>
          ${this.arrow ? html`<div part="arrow" class="arrow"></div>` : null}
        </div>
      </div>
    `;
  }

  #close(reason: PopupHideReason): void {
    this.#hideReason = reason;
    this.open = false;
  }

  #startTracking(): void {
    if (this.#stopAutoUpdate || !this.isConnected) return;
    const anchor = this.anchorElement;
    if (!anchor || !this.panel) return;
    this.#trackedAnchor = anchor;
    // autoUpdate runs the callback once right away, then on scroll, resize and anchor movement.
    this.#stopAutoUpdate = autoUpdate(anchor, this.panel, () => void this.reposition());
  }

  #stopTracking(): void {
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = null;
    this.#trackedAnchor = null;
    this.#positionRun += 1;
  }
}
