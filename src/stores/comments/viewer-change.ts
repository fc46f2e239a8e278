import type { Viewer } from '../../adapters/contract.js';
import { sameViewer } from './same-viewer.js';
import type { CommentsState } from './state.js';

/**
 * What a new viewer (signed in or out here, in another tab, or as a guest by posting) does to a
 * store: refetches what they may see, unless nothing they may see changed.
 */
export function viewerChange(s: CommentsState, reload: () => void): (viewer: Viewer | null) => void {
  return (viewer: Viewer | null): void => {
    s.viewerVersion += 1;
    const before = s.$viewer.get();
    s.$viewer.set(viewer);
    if (sameViewer(before, viewer)) return;
    // A visitor who becomes a guest sees what they saw, plus their own posts, which are here already.
    if (before === null && viewer?.guest === true) return;
    // Someone else now: what they may see, and their `mine` flags, differ; so does the buffer.
    s.incoming.clear();
    s.commit();
    if (s.status !== 'idle') reload();
  };
}
