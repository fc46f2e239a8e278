import { relativeParts } from '../../core/relative-time.js';
import type { CommentEntry } from '../../stores/comments/types.js';
import { partition, type Block, type DisplayTree } from './display-tree.js';

/**
 * Comments per block: the list is rendered as blocks of whole threads, each re-rendered only when
 * something in it changed, so a render costs the size of what changed, not of the thread.
 */
const BLOCK = 100;

/** What one update of the list depends on besides the blocks themselves. */
export interface ListUpdate {
  readonly tree: DisplayTree;
  /** Bumped when something every comment shows changed (language, viewer, thread facts). */
  readonly epoch: number;
  /** Comments rendered so far, in reading order. */
  readonly limit: number;
  /** The clock the time texts ("3 minutes ago") are read at. */
  readonly now: number;
}

/**
 * `<plein-comments>`' list as blocks and what each was last rendered with. A block whose comments
 * all changed (a new viewer, another language) costs as much as rendering it anew; when more
 * changed than one update may cost, the rest keep their current rendering and follow in idle time,
 * blocks the reader works in first. So no change, however wide, blocks the main thread for long.
 */
export class ListBlocks {
  blocks: Block[] = [];
  /** Some block kept its old rendering in this update: another update should follow. */
  deferred = false;
  /** Per block: the entries it showed last, a counter bumped when they change, and its time texts. */
  #entries: (readonly CommentEntry[])[] = [];
  #versions: number[] = [];
  #times: { now: number; version: number; text: string }[] = [];
  /** Per block: the signature it was last rendered with, with which epoch, and entries changed since. */
  #signatures: string[] = [];
  #epochs: number[] = [];
  #dirty: number[] = [];
  /** The current update, and the comments it may still re-render. */
  #update: ListUpdate | undefined;
  #budget = 0;
  #spent = false;

  /** Forgets what was rendered: the next update renders every block anew. */
  reset(): void {
    this.#entries = [];
    this.#times = [];
    this.#signatures = [];
    this.#epochs = [];
    this.#dirty = [];
  }

  /** Splits a changed tree into blocks, and notes in which, and how much, each changed. */
  split(tree: DisplayTree): void {
    this.blocks = partition(tree.roots, BLOCK);
    this.blocks.forEach((block, index) => {
      const before = this.#entries[index];
      let same = before !== undefined && before.length === block.end - block.start;
      for (let offset = 0; same && before && offset < before.length; offset++) {
        same = before[offset] === tree.order[block.start + offset]?.entry;
      }
      if (same) return;
      const entries = tree.order.slice(block.start, block.end).map((node) => node.entry);
      let changed = 0;
      for (let offset = 0; offset < entries.length; offset++) if (entries[offset] !== before?.[offset]) changed++;
      this.#entries[index] = entries;
      this.#versions[index] = (this.#versions[index] ?? 0) + 1;
      this.#dirty[index] = (this.#dirty[index] ?? 0) + changed;
    });
    this.#entries.length = this.blocks.length;
  }

  /** Starts an update that may re-render `budget` comments (at least one block, whatever its size). */
  begin(update: ListUpdate, budget: number): void {
    this.#update = update;
    this.#budget = budget;
    this.#spent = false;
    this.deferred = false;
  }

  /**
   * The signature block `index` renders with in this update: the one it wants, or the one it had
   * when the budget is spent and the block is not `urgent` (open for the reader, or holding focus).
   */
  schedule(index: number, ui: string, urgent: () => boolean): string {
    const update = this.#update as ListUpdate;
    const block = this.blocks[index] as Block;
    const wanted = this.#signature(update, block, index, ui);
    const had = this.#signatures[index];
    if (had !== undefined && had !== wanted) {
      // Comments that will render again: all of them under a new epoch, else those that changed.
      const rendered = Math.min(update.limit, block.end) - block.start;
      const cost = this.#epochs[index] === update.epoch ? (this.#dirty[index] ?? 0) : rendered;
      if (cost > this.#budget && this.#spent && !urgent()) {
        this.deferred = true;
        return had;
      }
      this.#budget -= cost;
      this.#spent = this.#spent || cost > 0;
    }
    this.#epochs[index] = update.epoch;
    this.#dirty[index] = 0;
    return (this.#signatures[index] = wanted);
  }

  /** Everything a block's rendering depends on, as one string: unchanged, it is not rendered again. */
  #signature({ tree, epoch, limit, now }: ListUpdate, block: Block, index: number, ui: string): string {
    const version = this.#versions[index] ?? 0;
    let time = this.#times[index];
    if (!time || time.now !== now || time.version !== version) {
      // The time texts ("3 minutes ago") of its comments, which change as the clock moves.
      let text = '';
      for (let position = block.start; position < block.end; position++) {
        const node = tree.order[position];
        const age = node && relativeParts(Date.parse(node.entry.comment.createdAt) - now, now);
        text += age ? `${age.value}${age.unit[0]}` : '-';
      }
      time = this.#times[index] = { now, version, text };
    }
    return `${epoch}|${version}|${Math.min(limit, block.end)}|${ui}|${time.text}`;
  }
}
