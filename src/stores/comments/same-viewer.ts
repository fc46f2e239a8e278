import type { Viewer } from '../../adapters/contract.js';

/** The same person with the same roles: nothing they may see has changed. */
export function sameViewer(a: Viewer | null, b: Viewer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.guest === b.guest && [...a.roles].sort().join() === [...b.roles].sort().join();
}
