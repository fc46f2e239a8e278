import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidCursorError, decodeCursor, encodeCursor, paginate } from '../../../src/domain/cursor.js';
import { compareThread, sortThread, threadSortKey, type ThreadSort, type ThreadSortKey } from '../../../src/domain/ordering.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString();
const comment = (id: string, minute: number, extra: Partial<ThreadSortKey> = {}): ThreadSortKey => ({
  id,
  createdAt: at(minute),
  score: 0,
  pinned: false,
  ...extra,
});
const ids = (items: readonly ThreadSortKey[]) => items.map((item) => item.id);

describe('thread ordering', () => {
  const thread = [comment('a', 1, { score: 3 }), comment('b', 2, { score: 5 }), comment('c', 3, { score: 3 })];

  it('orders newest first, oldest first and by score', () => {
    assert.deepEqual(ids(sortThread(thread, 'newest')), ['c', 'b', 'a']);
    assert.deepEqual(ids(sortThread(thread, 'oldest')), ['a', 'b', 'c']);
    assert.deepEqual(ids(sortThread(thread, 'top')), ['b', 'a', 'c']);
  });

  it('puts pinned comments first in every order', () => {
    const withPin = [...thread, comment('p', 0, { pinned: true, score: -1 })];
    for (const sort of ['newest', 'oldest', 'top'] as ThreadSort[]) {
      assert.equal(sortThread(withPin, sort)[0]?.id, 'p', sort);
    }
  });

  it('breaks ties of the same moment by id, so the order is total', () => {
    const same = [comment('y', 5), comment('x', 5), comment('z', 5)];
    assert.deepEqual(ids(sortThread(same, 'oldest')), ['x', 'y', 'z']);
    assert.deepEqual(ids(sortThread(same, 'newest')), ['z', 'y', 'x']);
    assert.equal(compareThread('top')(same[0]!, same[0]!), 0);
  });

  it('does not reorder the input array', () => {
    const input = [...thread];
    sortThread(input, 'newest');
    assert.deepEqual(ids(input), ['a', 'b', 'c']);
  });
});

describe('cursor pagination', () => {
  const page = (items: ThreadSortKey[], sort: ThreadSort, cursor: string | null, limit = 2) =>
    paginate(items, { compare: compareThread(sort), keyOf: threadSortKey, scope: `t:${sort}`, cursor, limit });

  const twelve = Array.from({ length: 12 }, (_, index) => comment(`c${String(index).padStart(2, '0')}`, index));

  it('walks every item exactly once and ends with a null cursor', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = page(twelve, 'oldest', cursor, 5);
      seen.push(...ids(result.items));
      cursor = result.cursor;
    } while (cursor);
    assert.deepEqual(seen, ids(twelve));
  });

  it('keeps page two stable when new comments are added before the cursor', () => {
    const first = page(twelve, 'newest', null, 3);
    assert.deepEqual(ids(first.items), ['c11', 'c10', 'c09']);
    const grown = [...twelve, comment('new1', 30), comment('new2', 31)];
    const second = page(grown, 'newest', first.cursor, 3);
    assert.deepEqual(ids(second.items), ['c08', 'c07', 'c06']);
  });

  it('keeps working after the comment the cursor points at is deleted', () => {
    const first = page(twelve, 'oldest', null, 3);
    const remaining = twelve.filter((item) => item.id !== 'c02');
    assert.deepEqual(ids(page(remaining, 'oldest', first.cursor, 3).items), ['c03', 'c04', 'c05']);
  });

  it('refuses a cursor from another list or order', () => {
    const first = page(twelve, 'oldest', null, 3);
    assert.throws(() => page(twelve, 'newest', first.cursor), InvalidCursorError);
  });

  it('refuses garbage cursors', () => {
    for (const garbage of ['%%%', 'bm90IGpzb24', encodeCursor('t:oldest', 'not an object')]) {
      assert.throws(() => decodeCursor(garbage, 't:oldest'), InvalidCursorError, garbage);
    }
  });

  it('round-trips non-ASCII keys and produces URL-safe text', () => {
    const cursor = encodeCursor('comments:plein-☕', { id: 'ünïcode/+?', createdAt: at(0) });
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor(cursor, 'comments:plein-☕'), { id: 'ünïcode/+?', createdAt: at(0) });
  });

  it('serves the default page size of 20 when no limit is asked', () => {
    const many = Array.from({ length: 30 }, (_, index) => comment(`m${String(index).padStart(2, '0')}`, index));
    const result = paginate(many, { compare: compareThread('oldest'), keyOf: threadSortKey, scope: 's' });
    assert.equal(result.items.length, 20);
  });
});
