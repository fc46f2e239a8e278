/**
 * Every public tag and the chunk of its class. The script-tag loader fetches a chunk the first
 * time its tag appears, so a page pays only for the widgets it uses; it fetches while the adapter
 * is being set up, and defines the tag (the function each loader resolves with) once that is
 * done, so the first render has its backend without waiting a round trip more for the chunk.
 * Literal `import()` calls let the bundler split each into its own chunk, loaded relative to the
 * loader's own URL. The tags are the ones each `<name>.ts` defines for module users.
 */
export type Definer = () => void;

export const loaders: Record<string, () => Promise<Definer>> = {
  'plein-provider': () => import('../components/provider/provider.component.js').then((m) => () => m.PleinProvider.define('plein-provider')),
  'plein-popup': () => import('../components/popup/popup.component.js').then((m) => () => m.PleinPopup.define('plein-popup')),
  'plein-comments': () => import('../components/comments/comments.component.js').then((m) => () => m.PleinComments.define('plein-comments')),
  // The poll defines <plein-option> with itself.
  'plein-poll': poll,
  'plein-option': poll,
};

function poll(): Promise<Definer> {
  return import('../components/poll/poll.component.js').then((m) => () => m.PleinPoll.define('plein-poll'));
}
