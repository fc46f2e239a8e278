/**
 * The result bars (`results.ts`), one chunk per page: a poll that withholds its results until
 * the vote fetches it beside the vote request; one that shows them at once, beside its first
 * read. Fetched again after a failed load.
 */
export type ResultsModule = typeof import('./results.js');

let chunk: Promise<ResultsModule> | undefined;

export function loadResults(): Promise<ResultsModule> {
  chunk ??= import('./results.js').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  });
  return chunk;
}
