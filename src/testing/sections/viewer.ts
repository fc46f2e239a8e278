import type { PleinAdapter, Viewer } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import { personas } from '../personas.js';
import type { Section } from './section.js';

async function checkIsPersona(adapter: PleinAdapter, persona: Viewer): Promise<void> {
  const viewer = await adapter.getViewer();
  check(viewer !== null, `getViewer for ${persona.name} returned null.`);
  checkEqual(viewer.id, persona.id, 'The viewer id');
  checkEqual(viewer.name, persona.name, 'The viewer name');
  check(Array.isArray(viewer.roles), `viewer.roles should be an array, got ${show(viewer.roles)}.`);
  for (const role of persona.roles) check(viewer.roles.includes(role), `${persona.name} lacks the role "${role}": ${show(viewer.roles)}.`);
  check(viewer.guest !== true, `${persona.name} is a member, not a guest.`);
}

export const viewerSection: Section = {
  title: 'viewer',
  register(suite) {
    suite.test('getViewer resolves to null for an anonymous visitor', {}, async (t) => {
      checkEqual(await (await t.open(null)).getViewer(), null, 'getViewer for an anonymous visitor');
    });

    suite.test('getViewer returns the signed-in member’s id, name and roles', {}, async (t) => {
      await checkIsPersona(await t.open(personas.member), personas.member);
    });

    suite.test('each person on one namespace sees themselves, moderators with their role', {}, async (t) => {
      const people = [personas.member, personas.otherMember, personas.moderator, personas.admin];
      const adapters = await Promise.all(people.map((persona) => t.open(persona)));
      for (const [index, persona] of people.entries()) await checkIsPersona(adapters[index]!, persona);
    });

    suite.test('signOut resolves for an anonymous visitor, who stays anonymous', {}, async (t) => {
      const adapter = await t.open(null);
      await adapter.signOut();
      checkEqual(await adapter.getViewer(), null, 'getViewer after signOut');
    });
  },
};
