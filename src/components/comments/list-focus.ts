import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Focus and place in `<plein-comments>`' list (the element with id `list`): one comment in the Tab
 * order at a time (roving tabindex) with the arrow keys between comments, focus that follows a
 * comment rendered anew in another block, and the comment the reader is at (in focus, else at the
 * top of the screen) held where they saw it while what is above it changes size. The browser's own
 * scroll anchoring does not act for a focused comment there, nor, without a size container
 * around, at all, and not every browser anchors.
 */
export class ListFocus implements ReactiveController {
  readonly #host: Host;
  /** The comment in the Tab order. */
  #roving: HTMLElement | null = null;
  /** The comment that has focus and where on screen the reader last saw it. */
  #anchor: { id: string; top: number } | null = null;
  /** Made on first use: environments without layout (server rendering, jsdom) have no ResizeObserver. */
  #resized: ResizeObserver | undefined;
  #watchedList: Element | undefined;
  /** The focused control inside a comment as a render starts: looked for again after it. */
  #focusBefore: HTMLElement | null = null;

  /** `host.renderRoot` is the element's shadow root once it connected. */
  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('scroll', this.mark, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.mark, { capture: true });
    this.#resized?.disconnect();
    this.#watchedList = undefined;
  }

  hostUpdate(): void {
    const active = this.#root.activeElement as HTMLElement | null;
    this.#focusBefore = active?.closest('article.comment') ? active : null;
  }

  /**
   * Focus that was inside a comment which is now rendered anew elsewhere (pages streaming in above
   * it, a deletion shifting the blocks) moves with it, to the same control; the comment in focus
   * keeps its place on screen, also as the list's size changes later.
   */
  hostUpdated(): void {
    const before = this.#focusBefore;
    this.#focusBefore = null;
    if (before && !before.isConnected) this.#keepFocus(before);
    this.#hold();
    this.#watch(this.#root.getElementById('list'));
    this.#init();
  }

  get #root(): ShadowRoot {
    return this.#host.renderRoot as ShadowRoot;
  }

  /** The comment in the Tab order, while it is rendered. */
  get roving(): HTMLElement | null {
    return this.#roving?.isConnected ? this.#roving : null;
  }

  /** Visible comments in document order: what the arrow keys move through. */
  articles(): HTMLElement[] {
    return [...this.#root.querySelectorAll<HTMLElement>('article.comment')].filter((article) => !article.closest('[hidden]'));
  }

  #watch(list: Element | null): void {
    if (!list || list === this.#watchedList || typeof ResizeObserver !== 'function') return;
    this.#resized ??= new ResizeObserver(this.#hold);
    this.#resized.disconnect();
    this.#resized.observe((this.#watchedList = list));
  }

  /** Puts the first comment in the Tab order unless one already is. */
  #init(): void {
    if (this.roving?.tabIndex === 0) return;
    const first = this.#root.querySelector<HTMLElement>('article.comment');
    if (first) this.#rove(first);
  }

  #rove(article: HTMLElement): void {
    if (this.#roving && this.#roving !== article) this.#roving.tabIndex = -1;
    this.#roving = article;
    article.tabIndex = 0;
  }

  /** Focuses the comment with entry `key`, scrolled to the middle of the screen if `scroll`. */
  focus(key: string, scroll = false): void {
    const article = this.#root.querySelector<HTMLElement>(`article[data-k="${CSS.escape(key)}"]`);
    if (!article) return;
    this.#rove(article);
    if (scroll) {
      // A block off screen is laid out at its remembered or estimated height (content-visibility),
      // which can put the comment past the end of the page, where no scroll reaches: laid out for
      // real for the scroll, the comment lands mid-screen and stays there once the block renders.
      const block = article.closest<HTMLElement>('.block');
      block?.style.setProperty('content-visibility', 'visible');
      article.scrollIntoView({ block: 'center' });
      block?.style.removeProperty('content-visibility');
    }
    article.focus({ preventScroll: true });
    this.mark();
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const article = (event.target as Element).closest<HTMLElement>('article.comment');
    if (article) this.#rove(article);
    this.mark();
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const article = event.target as HTMLElement;
    if (!article.matches('article.comment') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const all = this.articles();
    const index = all.indexOf(article);
    const next =
      event.key === 'Home' ? all[0] : event.key === 'End' ? all.at(-1) : all[index + (event.key === 'ArrowDown' ? 1 : -1)];
    event.preventDefault();
    if (!next) return;
    this.#rove(next);
    next.focus();
  };

  /**
   * Notes where the comment the reader is at stands now (after a scroll, or focus moved): the one in
   * focus, else the first at the top of the screen.
   */
  readonly mark = (): void => {
    let article = (this.#root.activeElement as HTMLElement | null)?.closest<HTMLElement>('article.comment');
    const box = this.#root.getElementById('list')?.getBoundingClientRect();
    // A few points down the middle of the list's top on screen: one may fall between two comments.
    for (let dy = 1; !article && box && box.bottom > 0 && box.top < innerHeight && dy < 100; dy += 32) {
      article = this.#root.elementFromPoint(box.left + box.width / 2, Math.max(box.top, 0) + dy)?.closest<HTMLElement>('article.comment');
    }
    this.#anchor = article ? { id: article.id, top: article.getBoundingClientRect().top } : null;
  };

  #keepFocus(active: HTMLElement): void {
    const anchor = this.#anchor;
    const article = anchor && this.#root.getElementById(anchor.id);
    if (!article) return;
    // The same control in the new rendering: an action by its name, anything else by its part.
    const { a, r } = active.dataset;
    const part = active.getAttribute('part');
    const control = article.querySelector<HTMLElement>(
      a ? `[data-a="${CSS.escape(a)}"]${r ? `[data-r="${CSS.escape(r)}"]` : ''}` : part ? `${active.localName}[part="${CSS.escape(part)}"]` : ':not(*)',
    );
    this.#rove(article);
    (control ?? article).focus({ preventScroll: true });
    // Where the reader saw it, not where the new rendering put it.
    this.#anchor = anchor;
  }

  readonly #hold = (): void => {
    const anchor = this.#anchor;
    const article = anchor && this.#root.getElementById(anchor.id);
    if (!anchor || !article) return;
    const shift = article.getBoundingClientRect().top - anchor.top;
    if (Math.abs(shift) >= 1) scrollBy(0, shift);
  };
}
