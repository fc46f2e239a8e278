import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityKey } from '../../../../src/adapters/http/identity.js';
import { siteBaseUrl } from '../../../../src/adapters/http/options.js';

const jwt = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;

describe('HTTP adapter options', () => {
  it('builds the site’s API base from the server URL, with or without trailing slash, /v1 or a path prefix', () => {
    assert.equal(siteBaseUrl('https://comments.example', 'blog'), 'https://comments.example/v1/sites/blog');
    assert.equal(siteBaseUrl('https://comments.example/', 'blog'), 'https://comments.example/v1/sites/blog');
    assert.equal(siteBaseUrl('https://comments.example/v1/', 'blog'), 'https://comments.example/v1/sites/blog');
    assert.equal(siteBaseUrl('https://example.org/plein/', 'my blog'), 'https://example.org/plein/v1/sites/my%20blog');
  });

  it('refuses an endpoint that already names a site, and a missing endpoint or site', () => {
    assert.throws(() => siteBaseUrl('https://comments.example/v1/sites/blog', 'blog'), /without \/v1\/sites/);
    assert.throws(() => siteBaseUrl('', 'blog'), TypeError);
    assert.throws(() => siteBaseUrl('https://comments.example', ' '), TypeError);
  });
});

describe('HTTP adapter identity key (when the event stream must reopen)', () => {
  it('stays the same when the site refreshes the same member’s token', () => {
    const first = identityKey({ kind: 'member', token: jwt({ sub: 'ada', roles: ['member'], exp: 1 }) });
    const refreshed = identityKey({ kind: 'member', token: jwt({ sub: 'ada', roles: ['member'], exp: 2 }) });
    assert.equal(first, refreshed);
  });

  it('changes with the person, their roles, or a guest', () => {
    const ada = identityKey({ kind: 'member', token: jwt({ sub: 'ada', roles: ['member'] }) });
    assert.notEqual(ada, identityKey({ kind: 'member', token: jwt({ sub: 'bob', roles: ['member'] }) }));
    assert.notEqual(ada, identityKey({ kind: 'member', token: jwt({ sub: 'ada', roles: ['member', 'moderator'] }) }));
    assert.notEqual(ada, identityKey({ kind: 'guest', token: 'g', viewer: { id: 'ada', name: 'Ada', roles: [] } }));
    assert.notEqual(ada, identityKey({ kind: 'anonymous' }));
  });

  it('falls back to the token itself when it is not a readable JWT', () => {
    assert.notEqual(identityKey({ kind: 'member', token: 'opaque-1' }), identityKey({ kind: 'member', token: 'opaque-2' }));
  });
});
