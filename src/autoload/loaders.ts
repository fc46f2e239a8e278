/**
 * Every public tag and the chunk that defines it. The script-tag loader imports a chunk the first
 * time its tag appears, so a page pays only for the widgets it uses. Literal `import()` calls let
 * the bundler split each into its own chunk, loaded relative to the loader's own URL.
 */
export const loaders: Record<string, () => Promise<unknown>> = {
  'plein-provider': () => import('../components/provider/provider.js'),
  'plein-popup': () => import('../components/popup/popup.js'),
  'plein-comments': () => import('../components/comments/comments.js'),
  'plein-poll': () => import('../components/poll/poll.js'),
  'plein-option': () => import('../components/poll/poll.js'),
};
