/** What only some polls show (`extras.ts`), one chunk per page, fetched again after a failed load. */
export type ExtrasModule = typeof import('./extras.js');

let chunk: Promise<ExtrasModule> | undefined;

export function loadExtras(): Promise<ExtrasModule> {
  chunk ??= import('./extras.js').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  });
  return chunk;
}
