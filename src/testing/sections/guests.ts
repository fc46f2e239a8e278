import { AdapterError } from '../../adapters/errors.js';
import { LIMITS } from '../../domain/limits.js';
import { check, checkEqual, rejection, show } from '../assert.js';
import type { KitTest } from '../harness.js';
import { signInAsGuest } from '../probes/guests.js';
import type { Section } from './section.js';

const guests = { capabilities: ['guests'] } as const;
const max = LIMITS.guestName.max;

async function checkRefused(t: KitTest, name: string): Promise<void> {
  const adapter = await t.open(null);
  const error = await rejection(signInAsGuest(adapter, name), `signInAsGuest({ name: ${show(name)} })`);
  check(AdapterError.is(error), `It should reject with an AdapterError, got ${show(error)}.`);
  checkEqual(error.code, 'invalid', 'The error code');
  check(error.fields['name'] !== undefined, `The error should explain fields.name, got fields ${show(error.fields)}.`);
  check(typeof error.fields['name'].message === 'string', 'fields.name should have a message.');
}

export const guestsSection: Section = {
  title: 'guests',
  register(suite) {
    suite.test('signInAsGuest returns a guest viewer with the given name', guests, async (t) => {
      const guest = await signInAsGuest(await t.open(null), 'Gus Guest');
      check(typeof guest.id === 'string' && guest.id !== '', `The guest needs an id, got ${show(guest.id)}.`);
      checkEqual(guest.name, 'Gus Guest', 'The guest name');
      checkEqual(guest.guest, true, 'viewer.guest');
      check(Array.isArray(guest.roles), 'viewer.roles should be an array.');
      check(!guest.roles.includes('moderator') && !guest.roles.includes('admin'), `A guest has no staff roles: ${show(guest.roles)}.`);
    });

    suite.test('getViewer returns the guest after signInAsGuest', guests, async (t) => {
      const adapter = await t.open(null);
      const guest = await signInAsGuest(adapter, 'Gus Guest');
      const viewer = await adapter.getViewer();
      checkEqual(viewer?.id, guest.id, 'The viewer id after signing in as a guest');
    });

    suite.test('trims whitespace around a guest name', guests, async (t) => {
      checkEqual((await signInAsGuest(await t.open(null), '  Gus  ')).name, 'Gus', 'The stored name');
    });

    suite.test(`accepts a guest name of exactly ${max} characters`, guests, async (t) => {
      const name = 'G'.repeat(max);
      checkEqual((await signInAsGuest(await t.open(null), name)).name, name, 'The stored name');
    });

    suite.test('refuses an empty guest name as invalid on fields.name', guests, (t) => checkRefused(t, ''));
    suite.test('refuses a blank guest name as invalid on fields.name', guests, (t) => checkRefused(t, '   '));
    suite.test(`refuses a ${max + 1}-character guest name as invalid on fields.name`, guests, (t) =>
      checkRefused(t, 'G'.repeat(max + 1)),
    );

    suite.test('leaves the visitor anonymous after a refused sign-in', guests, async (t) => {
      const adapter = await t.open(null);
      await signInAsGuest(adapter, '').catch(() => undefined);
      checkEqual(await adapter.getViewer(), null, 'getViewer after a refused sign-in');
    });

    suite.test('signOut forgets the guest', guests, async (t) => {
      const adapter = await t.open(null);
      await signInAsGuest(adapter, 'Gus Guest');
      await adapter.signOut();
      checkEqual(await adapter.getViewer(), null, 'getViewer after signOut');
    });
  },
};
