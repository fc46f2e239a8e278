import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseMessage } from '../../../../src/adapters/http/sse-parser.js';

function parse(chunks: string[]): { messages: SseMessage[]; retries: number[]; comments: string[]; parser: SseParser } {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = new SseParser({
    onMessage: (message) => messages.push(message),
    onRetry: (ms) => retries.push(ms),
    onComment: (text) => comments.push(text),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { messages, retries, comments, parser };
}

describe('SSE parser (WHATWG event stream interpretation)', () => {
  it('dispatches a message at a blank line, with type "message" when no event field was given', () => {
    const { messages } = parse(['data: hello\n\n']);
    assert.deepEqual(messages, [{ type: 'message', data: 'hello', lastEventId: '' }]);
  });

  it('joins several data lines with a line feed', () => {
    assert.equal(parse(['data: one\ndata: two\ndata:\ndata: four\n\n']).messages[0]?.data, 'one\ntwo\n\nfour');
  });

  it('removes exactly one space after the colon, and takes a line without a colon as a field with an empty value', () => {
    const { messages } = parse(['data:  two spaces\n\ndata\n\n']);
    assert.deepEqual(
      messages.map((message) => message.data),
      [' two spaces', ''],
    );
  });

  it('names the message after the event field and forgets the name after dispatching', () => {
    const { messages } = parse(['event: reset\ndata: {}\n\ndata: plain\n\n']);
    assert.deepEqual(
      messages.map((message) => message.type),
      ['reset', 'message'],
    );
  });

  it('keeps the last event id across messages until the next id field, and ignores ids holding NUL', () => {
    const { messages, parser } = parse(['id: 7\ndata: a\n\ndata: b\n\nid: 8\u00009\ndata: c\n\nid\ndata: d\n\n']);
    assert.deepEqual(
      messages.map((message) => message.lastEventId),
      ['7', '7', '7', ''],
    );
    assert.equal(parser.lastEventId, '');
  });

  it('takes an id from a block without data (no dispatch) for the next message and for reconnecting', () => {
    const { messages, parser } = parse(['id: 41\n\n']);
    assert.equal(messages.length, 0);
    assert.equal(parser.lastEventId, '41');
  });

  it('reports retry only when it is all ASCII digits', () => {
    assert.deepEqual(parse(['retry: 2500\n\nretry: 1e3\n\nretry: -5\n\nretry: 10 \n\nretry:300\n\n']).retries, [2500, 300]);
  });

  it('treats lines starting with a colon as comments (heartbeats) and dispatches nothing for them', () => {
    const { messages, comments } = parse([': heartbeat\n\n:\n\n']);
    assert.equal(messages.length, 0);
    assert.deepEqual(comments, ['heartbeat', '']);
  });

  it('ignores unknown fields', () => {
    assert.deepEqual(
      parse(['foo: bar\ndata: x\nData: y\n\n']).messages.map((message) => message.data),
      ['x'],
    );
  });

  it('accepts CRLF, CR and LF line endings, also mixed', () => {
    const { messages } = parse(['data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\ndata: e\n\r\n']);
    assert.deepEqual(
      messages.map((message) => message.data),
      ['a', 'b', 'c', 'd\ne'],
    );
  });

  it('reassembles lines, fields and CRLF pairs split across chunks anywhere', () => {
    const text = 'id: 12\r\nevent: update\r\ndata: {"topic":"thread:x",\r\ndata: "n":1}\r\n\r\n: beat\r\n\r\n';
    for (let size = 1; size <= text.length; size++) {
      const chunks: string[] = [];
      for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size));
      const { messages, comments } = parse(chunks);
      assert.deepEqual(messages, [{ type: 'update', data: '{"topic":"thread:x",\n"n":1}', lastEventId: '12' }], `chunks of ${size}`);
      assert.deepEqual(comments, ['beat'], `chunks of ${size}`);
    }
  });

  it('does not take a CR at the end of one chunk and an LF at the start of the next for two line endings', () => {
    assert.deepEqual(
      parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']).messages.map((message) => message.data),
      ['a\nb'],
    );
  });

  it('discards a message the stream ended in the middle of', () => {
    const { messages, parser } = parse(['data: complete\n\ndata: cut off']);
    parser.end();
    parser.feed('\n\n');
    assert.deepEqual(
      messages.map((message) => message.data),
      ['complete'],
    );
  });

  it('keeps user text byte-exact: colons, leading spaces beyond the first, and non-ASCII', () => {
    const data = 'a: b :: c  \u{1F600} שָׁלוֹם \u0000 \u2028';
    assert.equal(parse([`data: ${data}\n\n`]).messages[0]?.data, data);
  });
});
