/** The overview at the top of `/v1/openapi.json`: what the schemas alone do not say. */
export const API_DESCRIPTION = `
The Plein reference server: comments (and later polls, Q&A, badges, leaderboards) for the web components'
HTTP adapter. Each method of the adapter contract is one route; the answers are the contract's types.

**Sites.** Every call names its site in the path: \`/v1/sites/{site}/…\`. Unknown sites are 404.
CORS: an \`Origin\` that is exactly one of the site's origins gets CORS headers; other origins get none,
and their writes are refused (403).

**Identity.** \`Authorization: Bearer <jwt>\`: a member token the site's backend signs (claims \`sub\`, \`name\`,
\`avatar\`, \`roles\` ⊂ member/moderator/admin, \`exp\` required, \`aud\` = the site id; HS256 with the site secret
or RS256/EdDSA with the site's public key; \`none\` and other algorithms refused), or a guest token from
\`POST …/guest\`. No header (reads) or \`Authorization: Anonymous\` (writes) is an anonymous visitor.
A token that does not verify is always 401, never anonymous.

**Writes** (POST, PUT, PATCH, DELETE) need \`Content-Type: application/json\` when they have a body (else 415)
and an Authorization header (else 401): no cookies, so no cross-site request forgery. Bodies over 64 kB are 413.

**Errors** are \`{ "error": { "code", "message", "fields"?, "retryAfter"? } }\` with the adapter contract's codes:
400 invalid (\`fields\`: field → { reason, message, params }), 401 unauthorized, 403 forbidden, 404 not-found,
409 conflict, 429 rate-limited (with \`Retry-After\`), 503 unavailable.

**Reads** carry a weak \`ETag\`; send it back as \`If-None-Match\` for a 304. Answers depend on the viewer
(\`Vary: Authorization\`). Lists are \`{ items, cursor }\`; pass \`cursor\` back for the next page, \`null\` ends.

**Limits** (defaults, configurable): one comment per 10 s per member or guest (moderators exempt),
60 writes per minute per client IP, 10 guest sessions per 10 minutes per IP. IPs are kept only as salted hashes.

**Realtime**: \`GET /v1/sites/{site}/events?topics=thread:<id>&topics=moderation\`, Server-Sent Events; see that route.
Reads of a thread's data (thread, comments, one comment) carry \`X-Plein-Event-Id\`: the journal position that answer
includes; a poll's read (\`GET\`, and the \`PUT\` that registers a page's definition) the position just before it;
\`GET …/viewer\` and the moderation queue carry the position now. Open a topic's stream with \`lastEventId\` =
the position of your latest read of that topic (else the newest you have seen) and no event in between is missed.
Write answers carry no position: they hold one item, not the topic.
`.trim();
