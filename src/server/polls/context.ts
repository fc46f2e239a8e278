/**
 * What a poll operation works with: the store, realtime, the request's site and identity, the
 * clock, the settings, the client's IP hash (writes) and the device token it sent, if any.
 */
import type { Identity } from '../app/env.js';
import type { ServerConfig } from '../config.js';
import type { Realtime } from '../realtime/index.js';
import type { PleinStore, SiteRecord } from '../store/types.js';

export interface PollContext {
  store: PleinStore;
  realtime: Realtime;
  config: ServerConfig;
  site: SiteRecord;
  identity: Identity;
  /** Epoch milliseconds. */
  now(): number;
  ipHash: string;
  /** The `X-Plein-Device` token, when the client sent a well-formed one. */
  device: string | null;
  /** Whether the header came at all, so a malformed token is not answered as a missing one. */
  deviceSent?: boolean;
}

/** The header a client names its device with, for polls with `device` integrity. */
export const DEVICE_HEADER = 'X-Plein-Device';

/** 128 random bits or more, base64url: what the HTTP adapter sends. Anything else is ignored. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

/** What a well-formed token is, for a client that sent another. */
export const DEVICE_TOKEN_RULE = `The ${DEVICE_HEADER} token must be 22–128 base64url characters (A–Z, a–z, 0–9, - and _).`;

export function deviceToken(header: string | undefined): string | null {
  return header !== undefined && DEVICE_TOKEN.test(header) ? header : null;
}
