/**
 * What the vote route says about a ballot or a device token it cannot take: the field at fault
 * and what is wrong with it, judged on everything the client sent.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Poll } from '../../../../src/adapters/contract.js';
import { pollDefinition as definition } from '../../../browser/support/poll-definition.js';
import { api, errorOf, personas, pollPath, startHarness, type Harness } from './harness.js';


const votes = (id: string) => `${pollPath(id)}/votes`;

describe('ballots the vote route refuses', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('judges a rating poll’s ballot on its rating even when choices come with it, and says the rating is off the scale', async () => {
    h = await startHarness();
    await h.json('PUT', api('/polls/talk'), { body: definition('talk', { type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } }), status: 200 });
    const both = await errorOf(h.call('POST', votes('talk'), { as: personas.member, body: { choices: ['a'], rating: 0.5 } }), 400);
    assert.equal(both.fields?.['rating']?.reason, 'out-of-range');
    assert.match(both.fields?.['rating']?.message ?? '', /0\.5 is not on the scale.*1 to 5/);
    const choices = await errorOf(h.call('POST', votes('talk'), { as: personas.member, body: { choices: ['a'] } }), 400);
    assert.match(choices.fields?.['rating']?.message ?? '', /takes a rating from 1 to 5, not choices/);
    const rated = await h.json<Poll>('POST', votes('talk'), { as: personas.member, body: { choices: ['a'], rating: 4 }, status: 200 });
    assert.deepEqual(rated.myBallot, { rating: 4 }, 'the choices a rating poll has no use for are not stored');
  });

  it('judges a choice poll’s ballot on its choices, and stores no rating sent with them', async () => {
    h = await startHarness();
    await h.json('PUT', api('/polls/meetup'), { body: definition('meetup'), status: 200 });
    const rating = await errorOf(h.call('POST', votes('meetup'), { as: personas.member, body: { rating: 3 } }), 400);
    assert.match(rating.fields?.['choices']?.message ?? '', /takes choices \(option values\), not a rating/);
    const voted = await h.json<Poll>('POST', votes('meetup'), { as: personas.member, body: { choices: ['utrecht'], rating: 3 }, status: 200 });
    assert.deepEqual(voted.myBallot, { choices: ['utrecht'] });
    assert.equal(voted.tally?.counts['utrecht'], 1);
  });

  it('says a malformed X-Plein-Device token must be 22–128 base64url characters, and asks for one when none came', async () => {
    h = await startHarness();
    await h.json('PUT', api('/polls/devices'), { body: definition('devices', { integrity: 'device' }), status: 200 });
    const malformed = await errorOf(h.call('POST', votes('devices'), { body: { choices: ['utrecht'] }, headers: { 'X-Plein-Device': 'abc' } }), 400);
    assert.equal(malformed.fields?.['device']?.reason, 'invalid');
    assert.match(malformed.fields?.['device']?.message ?? '', /22–128 base64url characters/);
    const missing = await errorOf(h.call('POST', votes('devices'), { body: { choices: ['utrecht'] } }), 400);
    assert.equal(missing.fields?.['device']?.reason, 'required');
  });
});
