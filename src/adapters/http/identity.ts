/**
 * Who the requests speak for: the site's member token when it gives one, else the stored guest
 * session, else nobody (an anonymous visitor).
 */
import type { Viewer } from '../contract.js';
import { AdapterError } from '../errors.js';
import type { GuestSessions, StoredGuest } from './guest-session.js';
import type { TokenSource } from './options.js';

export type Credentials =
  | { kind: 'member'; token: string }
  | { kind: 'guest'; token: string; viewer: Viewer }
  | { kind: 'anonymous' };

export function authorization(credentials: Credentials): string | null {
  return credentials.kind === 'anonymous' ? null : `Bearer ${credentials.token}`;
}

export class Identity {
  constructor(
    private readonly token: TokenSource | undefined,
    readonly guests: GuestSessions,
  ) {}

  async current(): Promise<Credentials> {
    let member: string | null | undefined;
    try {
      member = typeof this.token === 'function' ? await this.token() : this.token;
    } catch (cause) {
      throw new AdapterError('unauthorized', 'The site could not provide a sign-in token.', { cause });
    }
    if (typeof member === 'string' && member !== '') return { kind: 'member', token: member };
    const guest = this.guests.read();
    return guest ? { kind: 'guest', token: guest.token, viewer: guest.viewer } : { kind: 'anonymous' };
  }

  startGuest(session: StoredGuest): void {
    this.guests.write(session);
  }

  /** Forgets the guest session; true when there was one. */
  forgetGuest(): boolean {
    const had = this.guests.read() !== null;
    this.guests.clear();
    return had;
  }
}

/** The claims of a JWT, read without verifying (the server verifies); `null` when it is not one. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Who the credentials stand for, as far as the event stream's shaping goes: the person and their
 * roles, not the token itself, so a site that refreshes its short JWT (or signs one per call)
 * does not reopen the stream each time. Read without verifying: the server verifies.
 */
export function identityKey(credentials: Credentials): string {
  if (credentials.kind === 'anonymous') return 'anonymous';
  if (credentials.kind === 'guest') return `guest:${credentials.viewer.id}`;
  const claims = jwtClaims(credentials.token);
  if (!claims || typeof claims['sub'] !== 'string') return `token:${credentials.token}`;
  return `member:${JSON.stringify([claims['sub'], claims['roles'] ?? null, claims['iss'] ?? null])}`;
}
