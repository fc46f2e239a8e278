/**
 * The polls family in the OpenAPI document: nullability where a field is nullable (not on the
 * shared schemas every other use shares), and the statuses a route really answers with.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, errorOf, startHarness, type Harness } from './harness.js';

type Schema = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** Whether a schema lets `null` through: a `null` type, or an `anyOf`/`oneOf` branch that does. */
function allowsNull(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const type = schema['type'];
  if (type === 'null' || (Array.isArray(type) && type.includes('null')) || schema['nullable'] === true) return true;
  return [...((schema['anyOf'] as Schema[] | undefined) ?? []), ...((schema['oneOf'] as Schema[] | undefined) ?? [])].some(allowsNull);
}

describe('polls in the OpenAPI document', () => {
  let h: Harness;
  let doc: Document;
  before(async () => {
    h = await startHarness();
    doc = await h.json<Document>('GET', '/v1/openapi.json');
  });
  after(() => h.close());

  const schema = (name: string) => doc.components.schemas[name]!;
  const property = (name: string, field: string) => (schema(name)['properties'] as Record<string, Schema>)[field];

  it('keeps null off the shared PollTally and Ballot schemas, and their “withheld” note where the tally is withheld', () => {
    assert.equal(allowsNull(schema('PollTally')), false, 'PollTally');
    assert.equal(allowsNull(schema('Ballot')), false, 'Ballot');
    assert.doesNotMatch(JSON.stringify(schema('PollTally')), /withheld/);
  });

  it('allows null exactly where a field is nullable: a poll’s tally and myBallot, not a listed vote’s ballot', () => {
    assert.equal(allowsNull(property('Poll', 'tally')), true, 'Poll.tally');
    assert.match(JSON.stringify(property('Poll', 'tally')), /withheld/);
    assert.equal(allowsNull(property('Poll', 'myBallot')), true, 'Poll.myBallot');
    assert.match(JSON.stringify(property('Poll', 'myBallot')), /#\/components\/schemas\/Ballot"/, 'Poll.myBallot refers to Ballot');
    assert.equal(allowsNull(property('PollVote', 'ballot')), false, 'PollVote.ballot');
  });

  it('lists the 403 that registering a poll answers for a disallowed origin or another author’s poll', async () => {
    const responses = doc.paths['/v1/sites/{site}/polls/{id}']!['put']!.responses;
    assert.ok(responses['403'], 'PUT /polls/{id} documents 403');
    assert.match(responses['403']!.description, /origin/i);
    const poll = { type: 'single', question: 'Which?', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], results: 'always', voters: 'secret', integrity: 'member' };
    const foreign = await errorOf(h.call('PUT', api('/polls/elsewhere'), { body: poll, headers: { Origin: 'https://evil.example' } }), 403);
    assert.equal(foreign.code, 'forbidden');
  });
});
