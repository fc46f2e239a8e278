/**
 * Erasing a member also reaches the realtime journal, which keeps recent events (a day by
 * default) for clients that resume: without this, their words and name would stay replayable
 * there after `delete-user` emptied them everywhere else.
 *
 * The journal holds events as viewers receive them (comments with author and body, reaction
 * lists of member ids, per-author views keyed `user:<id>`). The walk is generic, so events of
 * every widget are covered: an object written by the member becomes the placeholder the contract
 * describes for a deleted comment (empty body and author, no reactions); the member's id leaves
 * every list; views only for them go.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

function writtenBy(value: { [key: string]: Json }, userId: string): boolean {
  const author = value['author'];
  return author !== undefined && isObject(author) && author['id'] === userId;
}

function scrub(value: Json, userId: string): Json {
  if (Array.isArray(value)) return value.filter((item) => item !== userId).map((item) => scrub(item, userId));
  if (!isObject(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === `user:${userId}`) continue;
    out[key] = scrub(inner, userId);
  }
  if (writtenBy(value, userId)) {
    out['author'] = { id: '', name: '' };
    if ('body' in out) Object.assign(out, { body: '', deleted: true });
    if ('reactions' in out) out['reactions'] = [];
  }
  return out;
}

/** The payload without the member, or `null` when it never mentioned them (nothing to rewrite). */
export function eraseFromPayload(payload: unknown, userId: string): unknown {
  if (!JSON.stringify(payload).includes(JSON.stringify(userId))) return null;
  return scrub(payload as Json, userId);
}
