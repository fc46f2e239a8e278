import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, base64url } from 'jose';
import { api, errorOf, personas, siteRecord, startHarness, type Harness } from './harness.js';

const member = personas.member;

function unsigned(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

describe('identity: member JWTs', () => {
  let h: Harness;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let pem: string;
  const viewerOf = async (site: string, token: string) =>
    h.app.request(`/v1/sites/${site}/viewer`, { headers: { Authorization: `Bearer ${token}` } });
  const now = () => Math.floor(h.clock.now / 1000);

  before(async () => {
    h = await startHarness();
    rsa = await generateKeyPair('RS256');
    pem = await exportSPKI(rsa.publicKey);
    await h.store.putSite(siteRecord({ id: 'rsa-site', jwt: { algorithms: ['RS256'], publicKey: pem } }));
  });
  after(() => h.close());

  it('accepts an HS256 token signed with the site secret and answers with the viewer', async () => {
    const { viewer } = await h.json<{ viewer: { id: string; name: string; roles: string[] } }>('GET', api('/viewer'), { as: personas.moderator });
    assert.deepEqual(viewer, { id: personas.moderator.id, name: personas.moderator.name, avatarUrl: null, roles: ['member', 'moderator'] });
  });

  it('answers null for an anonymous visitor', async () => {
    assert.deepEqual(await h.json('GET', api('/viewer')), { viewer: null });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = unsigned({ sub: member.id, name: member.name, aud: h.site.id, exp: now() + 600 });
    const error = await errorOf(viewerOf(h.site.id, token), 401);
    assert.equal(error.code, 'unauthorized');
  });

  it('refuses an HS256 token made with the RS256 site’s public key as secret (algorithm confusion)', async () => {
    const forged = await new SignJWT({ name: member.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(member.id)
      .setAudience('rsa-site')
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode(pem));
    const error = await errorOf(viewerOf('rsa-site', forged), 401);
    assert.match(error.message, /algorithm/);
  });

  it('accepts an RS256 token signed with the private key of the site’s public key', async () => {
    const token = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'RS256' }).setSubject(member.id).setAudience('rsa-site').setExpirationTime(now() + 600).sign(rsa.privateKey);
    const response = await viewerOf('rsa-site', token);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { viewer: { id: string } }).viewer.id, member.id);
  });

  it('refuses an RS256 token on a site pinned to HS256', async () => {
    const token = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'RS256' }).setSubject(member.id).setAudience(h.site.id).setExpirationTime(now() + 600).sign(rsa.privateKey);
    await errorOf(viewerOf(h.site.id, token), 401);
  });

  it('accepts EdDSA with a configured public key, and keys from a JWKS file', async () => {
    const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    await h.store.putSite(siteRecord({ id: 'ed-site', jwt: { algorithms: ['EdDSA'], publicKey: await exportSPKI(ed.publicKey) } }));
    const edToken = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(member.id).setAudience('ed-site').setExpirationTime(now() + 600).sign(ed.privateKey);
    assert.equal((await viewerOf('ed-site', edToken)).status, 200);

    const jwksFile = join(h.dir, 'jwks.json');
    await writeFile(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    await h.store.putSite(siteRecord({ id: 'jwks-site', jwt: { algorithms: ['RS256'], jwksFile } }));
    const token = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(member.id).setAudience('jwks-site').setExpirationTime(now() + 600).sign(rsa.privateKey);
    assert.equal((await viewerOf('jwks-site', token)).status, 200);
  });

  it('refuses an expired token', async () => {
    const error = await errorOf(h.call('GET', api('/viewer'), { as: await h.token(member, { exp: now() - 120 }) }), 401);
    assert.match(error.message, /expired/);
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'HS256' }).setSubject(member.id).setAudience(h.site.id).sign(new TextEncoder().encode(h.site.secret));
    const error = await errorOf(viewerOf(h.site.id, token), 401);
    assert.match(error.message, /exp/);
  });

  it('refuses a token for another site (aud), and one signed with another secret', async () => {
    const forOther = await errorOf(h.call('GET', api('/viewer'), { as: await h.token(member, { aud: 'another-site' }) }), 401);
    assert.match(forOther.message, /another site/);
    const wrongSecret = await new SignJWT({ name: member.name }).setProtectedHeader({ alg: 'HS256' }).setSubject(member.id).setAudience(h.site.id).setExpirationTime(now() + 600).sign(new TextEncoder().encode('not-the-site-secret'));
    await errorOf(viewerOf(h.site.id, wrongSecret), 401);
  });

  it('refuses a member token claiming a guest id, and a malformed Authorization header', async () => {
    await errorOf(h.call('GET', api('/viewer'), { as: await h.token({ ...member, id: 'guest:abc' }) }), 401);
    const response = await h.app.request(api('/viewer'), { headers: { Authorization: 'Basic bWU6cGFzcw==' } });
    assert.equal((await errorOf(response, 401)).code, 'unauthorized');
  });

  it('refuses a member token whose name shows nothing (only zero-width characters)', async () => {
    const error = await errorOf(h.call('GET', api('/viewer'), { as: await h.token({ ...member, name: '\u200b\u200b' }) }), 401);
    assert.match(error.message, /name claim/);
  });

  it('keeps only known roles, always member, and only http(s) avatars', async () => {
    const token = await h.token(member, { roles: ['admin', 'owner', 'root'], avatar: 'javascript:alert(1)' });
    const { viewer } = await h.json<{ viewer: { roles: string[]; avatarUrl: string | null } }>('GET', api('/viewer'), { as: token });
    assert.deepEqual(viewer.roles, ['member', 'admin']);
    assert.equal(viewer.avatarUrl, null);
  });

  it('refuses a bad token on reads too, instead of serving the visitor as anonymous', async () => {
    await errorOf(h.call('GET', api('/threads/x/comments'), { as: 'not.a.jwt' }), 401);
  });
});
