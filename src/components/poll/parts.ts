import { loadPollWriting } from '../../stores/polls/index.js';
import { importRanked, type RankedModules } from './ranked.js';

/**
 * The parts of `<plein-poll>` that load later, each its own chunk, fetched once per page when a
 * poll first needs it:
 * - `interaction`: what voting does (with the store's writing half), at the first sign of intent;
 * - `results`: the result bars, beside the first read where results show, else beside the vote;
 * - `extras`: a quiz's verdict, a rating's distribution, a countdown;
 * - `ranked`: the ranking ballot and the runoff table;
 * - `manage`: moderators' tools and a refused definition's problems.
 * A part with `styles` adds them to each poll's shadow root before it first renders there.
 */
export interface Parts {
  interaction: typeof import('./interaction.js');
  results: typeof import('./results.js');
  extras: typeof import('./extras.js');
  ranked: RankedModules;
  manage: typeof import('./manage.js');
}

export type PartName = keyof Parts;

/** How each part is fetched. */
export type PartImporters = { [K in PartName]: () => Promise<Parts[K]> };

const importers: PartImporters = {
  interaction: () => Promise.all([import('./interaction.js'), loadPollWriting()]).then(([module]) => module),
  results: () => import('./results.js'),
  extras: () => import('./extras.js'),
  ranked: importRanked,
  manage: () => import('./manage.js'),
};

/**
 * Internal, for tests (the package's index does not export it): replaces how the named parts are
 * fetched and answers with the importers it replaced, to put back the same way. A real dynamic
 * import cannot be made to fail; this is how a test shows what a page does when a chunk does not
 * arrive. A part already loaded stays loaded.
 */
export function setPartImporters(replacements: Partial<PartImporters>): Partial<PartImporters> {
  const replaced = Object.fromEntries(Object.keys(replacements).map((name) => [name, importers[name as PartName]]));
  Object.assign(importers, replacements);
  return replaced;
}

const loaded: Partial<Parts> = {};
const loading: Partial<Record<PartName, Promise<unknown>>> = {};

/** Part `name` once it is here. */
export const part = <K extends PartName>(name: K): Parts[K] | undefined => loaded[name];

/** Loads part `name` once per page; a failed load is forgotten, so the next call tries again. */
export function loadPart<K extends PartName>(name: K): Promise<Parts[K]> {
  return (loading[name] ??= importers[name]().then(
    (module) => (loaded[name] = module),
    (error: unknown) => {
      delete loading[name];
      throw error;
    },
  )) as Promise<Parts[K]>;
}
