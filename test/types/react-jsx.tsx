/**
 * Type-checked by `npm run typecheck` (never run): a React app using the tags with `plein/react`.
 * Each `@ts-expect-error` fails the check if the types stop catching that mistake.
 */
import type {} from '../../src/react.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';

const adapter = createMemoryAdapter({ namespace: 'react-types' });

export const page = (
  <plein-provider adapter={adapter} lang="nl">
    <plein-comments
      thread="post-42"
      sort="top"
      jsonld="off"
      class="comments"
      onplein-comment-posted={(event) => console.log(event.detail.comment.body)}
      onplein-login-request={(event) => console.log(event.detail.action)}
    />
    <plein-poll poll="next-meetup" type="single" results="after-vote" onplein-vote-cast={(event) => console.log(event.detail.poll.id)}>
      <span slot="question">Where shall we meet?</span>
      <plein-option value="utrecht">Utrecht</plein-option>
    </plein-poll>
    {/* @ts-expect-error a sort the element does not have */}
    <plein-comments thread="post-42" sort="loudest" />
    {/* @ts-expect-error the detail of a posted comment has no poll */}
    <plein-comments thread="post-42" onplein-comment-posted={(event) => console.log(event.detail.poll)} />
  </plein-provider>
);
