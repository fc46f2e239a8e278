/**
 * `plein/react`: the Plein tags in React's JSX types, so a TypeScript React app type-checks
 * `<plein-comments thread="post-42" onplein-comment-posted={…} />` without declarations of its own.
 * Types only: `import type {} from 'plein/react'` once (or list it in `compilerOptions.types`),
 * beside the tags' own modules (`import 'plein/comments'`), which define them.
 *
 * React 19 sets a prop the element has as a property (adapters, arrays), any other as an
 * attribute, and `on<event-name>` as a listener for that event; every Plein event is offered
 * under its own name, with its typed `detail`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PleinComments } from './components/comments/comments.component.js';
import type { PleinOption } from './components/poll/option.js';
import type { PleinPoll } from './components/poll/poll.component.js';
import type { PleinProvider } from './components/provider/provider.component.js';

type PleinEventName = Extract<keyof GlobalEventHandlersEventMap, `plein-${string}`>;

/** `onplein-comment-posted` and the rest, each with its own event type. */
type PleinEventProps = { [K in PleinEventName as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => void };

/** What the element itself reads and writes, not what every element has or a widget works out. */
type OwnProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | 'store' | 'effectiveLang' | 'effectiveTheme' | 'requestedTheme'>>;

/** React's own attributes where the element has no property of that name (`results` is an old one of React's, a poll's here). */
export type PleinJsxProps<E extends HTMLElement> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof OwnProps<E>> & OwnProps<E> & PleinEventProps & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'plein-comments': PleinJsxProps<PleinComments>;
      'plein-poll': PleinJsxProps<PleinPoll>;
      'plein-option': PleinJsxProps<PleinOption>;
      'plein-provider': PleinJsxProps<PleinProvider>;
    }
  }
}
